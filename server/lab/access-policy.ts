// ExporterAccessPolicy evaluation [AP1]-[AP4]: which (exporter, rule) pairs a
// lease may use, and the policy descriptions a NoAccess message names [L3].
import { matchesKubeSelector } from "./kube-selector.js";
import type { AccessPolicyRecord, AccessRule } from "./records.js";

export interface ApprovedPair<E> {
  readonly exporter: E;
  readonly priority: number;
  readonly spot: boolean;
}

export interface Approval<E> {
  readonly pairs: readonly ApprovedPair<E>[];
  /** Descriptions of rules that apply to the candidates but not to this client (each once, in order). */
  readonly refusedBy: readonly string[];
}

/** The rule everyone gets when the namespace has no policy at all [AP1]. */
const OPEN_RULE: Pick<AccessRule, "priority" | "spotAccess"> = { priority: 0, spotAccess: false };

function ruleAppliesToClient(rule: AccessRule, clientLabels: Readonly<Record<string, string>>): boolean {
  return rule.from.some((selector) => matchesKubeSelector(selector, clientLabels));
}

/**
 * [AP2]: for each candidate and each policy whose exporter selector matches
 * it, every rule whose `from` matches the owner's Client labels, unless its
 * maximumDuration is below the lease's duration [AP3].
 */
export function approve<E extends { readonly labels: Readonly<Record<string, string>> }>(
  policies: readonly AccessPolicyRecord[],
  candidates: readonly E[],
  clientLabels: Readonly<Record<string, string>>,
  durationMs: number,
): Approval<E> {
  if (policies.length === 0) {
    return { pairs: candidates.map((exporter) => ({ exporter, priority: OPEN_RULE.priority, spot: OPEN_RULE.spotAccess })), refusedBy: [] };
  }
  const pairs: ApprovedPair<E>[] = [];
  const refusedBy: string[] = [];
  for (const exporter of candidates) {
    for (const policy of policies) {
      if (!matchesKubeSelector(policy.exporterSelector, exporter.labels)) continue;
      for (const rule of policy.rules) {
        if (!ruleAppliesToClient(rule, clientLabels)) {
          if (rule.description !== "" && !refusedBy.includes(rule.description)) refusedBy.push(rule.description);
          continue;
        }
        if (rule.maximumDurationMs !== undefined && rule.maximumDurationMs < durationMs) continue;
        pairs.push({ exporter, priority: rule.priority, spot: rule.spotAccess });
      }
    }
  }
  return { pairs, refusedBy };
}

/** [L3]: "Matching policies: a; b", cut to 4096 characters plus "...". */
export function matchingPoliciesText(descriptions: readonly string[]): string {
  const joined = descriptions.join("; ");
  return joined.length > 4096 ? `${joined.slice(0, 4096)}...` : joined;
}
