// [L2] steps 2-10 as a pure function: the exporter a waiting lease gets, or
// the condition that says why it gets none (texts of [L3]).
import { isEmptySelector, matchesSelector, type Selector } from "../../src/domain/selector.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { approve, matchingPoliciesText } from "./access-policy.js";
import { CONDITION_TEXTS } from "./conditions.js";
import { canServeLeases, exporterLabels } from "./exporter-status.js";
import type { AccessPolicyRecord, ExporterRecord } from "./records.js";

export interface AssignmentRequest {
  readonly selector: Selector;
  /** Normalised selector text, for messages. */
  readonly selectorText: string;
  readonly exporterName: string | undefined;
  readonly allowDisabled: boolean;
  /** The stored duration, for maximumDuration rules [AP2]. */
  readonly durationMs: number;
  /** The owner's Client labels, for the policies' client selectors. */
  readonly clientLabels: Readonly<Record<string, string>>;
}

export type Candidate = Pick<
  ExporterRecord,
  "name" | "labels" | "connection" | "enabled" | "reportedStatus" | "reportedMessage" | "leaseName"
>;

/** What the pass learns about the holder of a leased exporter: is it held under spot access? */
export type SpotLookup = (leaseName: string) => boolean;

export type PendingReason = "Offline" | "NotAvailable" | "NotReady";
export type UnsatisfiableReason = "ExporterNotFound" | "SelectorMismatch" | "ExporterDisabled" | "AllDisabled" | "NoAccess" | "SpotAccess";

export type AssignmentOutcome =
  | { readonly kind: "assign"; readonly exporter: string; readonly priority: number; readonly spot: boolean }
  | { readonly kind: "pending"; readonly reason: PendingReason; readonly message: string }
  | { readonly kind: "unsatisfiable"; readonly reason: UnsatisfiableReason; readonly message: string }
  | { readonly kind: "invalid"; readonly reason: "InvalidSelector"; readonly message: string };

interface Labelled {
  readonly record: Candidate;
  readonly labels: Readonly<Record<string, string>>;
}

/** [L2] step 3: the candidates, or the reason there are none. */
function candidatesOf(request: AssignmentRequest, exporters: readonly Candidate[]): Labelled[] | AssignmentOutcome {
  if (request.exporterName !== undefined) {
    const name = request.exporterName;
    const record = exporters.find((e) => e.name === name);
    if (record === undefined) return { kind: "unsatisfiable", reason: "ExporterNotFound", message: CONDITION_TEXTS.exporterNotFound(name) };
    const labels = exporterLabels(record);
    if (!isEmptySelector(request.selector) && !matchesSelector(request.selector, labels)) {
      return { kind: "unsatisfiable", reason: "SelectorMismatch", message: CONDITION_TEXTS.selectorMismatch(name, request.selectorText) };
    }
    if (!record.enabled && !request.allowDisabled) {
      return { kind: "unsatisfiable", reason: "ExporterDisabled", message: CONDITION_TEXTS.exporterDisabled(name) };
    }
    return [{ record, labels }];
  }
  const matching = exporters
    .map((record) => ({ record, labels: exporterLabels(record) }))
    .filter((e) => matchesSelector(request.selector, e.labels));
  const enabled = matching.filter((e) => e.record.enabled);
  if (matching.length > 0 && enabled.length === 0) {
    return { kind: "unsatisfiable", reason: "AllDisabled", message: CONDITION_TEXTS.allDisabled(matching.length) };
  }
  return enabled;
}

function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function chooseExporter(
  request: AssignmentRequest,
  exporters: readonly Candidate[],
  policies: readonly AccessPolicyRecord[],
  heldUnderSpot: SpotLookup,
): AssignmentOutcome {
  // Step 2 (unreachable through ClientService: [C2], [C8]).
  if (request.exporterName === undefined && isEmptySelector(request.selector)) {
    return { kind: "invalid", reason: "InvalidSelector", message: CONDITION_TEXTS.invalidSelector };
  }
  const candidates = candidatesOf(request, exporters);
  if (!Array.isArray(candidates)) return candidates;

  // Step 4: access policies. A selector that matches nothing ends here too.
  const approval = approve(policies, candidates, request.clientLabels, request.durationMs);
  if (approval.pairs.length === 0) {
    return { kind: "unsatisfiable", reason: "NoAccess", message: CONDITION_TEXTS.noAccess(candidates.length, matchingPoliciesText(approval.refusedBy)) };
  }
  // Step 5: registered and online.
  const online = approval.pairs.filter((p) => canServeLeases(p.exporter.record));
  if (online.length === 0) return { kind: "pending", reason: "Offline", message: CONDITION_TEXTS.offline(approval.pairs.length) };

  // Step 6: free first, then non-spot before spot, then higher priority, then name.
  const held = (p: (typeof online)[number]): boolean => p.exporter.record.leaseName !== undefined;
  const ordered = [...online].sort((a, b) => {
    if (held(a) !== held(b)) return held(a) ? 1 : -1;
    if (a.spot !== b.spot) return a.spot ? 1 : -1;
    if (a.priority !== b.priority) return b.priority - a.priority;
    return compareNames(a.exporter.record.name, b.exporter.record.name);
  });
  const first = ordered[0];
  if (first?.spot === true) return { kind: "unsatisfiable", reason: "SpotAccess", message: CONDITION_TEXTS.spotAccess(first.exporter.record.name) };

  // Step 7: drop exporters held by an active lease; one held under spot access stays for a non-spot pair.
  const free = ordered.filter((p) => {
    const holder = p.exporter.record.leaseName;
    return holder === undefined || (!p.spot && heldUnderSpot(holder));
  });
  if (free.length === 0) return { kind: "pending", reason: "NotAvailable", message: CONDITION_TEXTS.notAvailable(online.length) };

  // Step 8: ready (AVAILABLE; UNSPECIFIED for old exporters).
  const ready = free.filter(
    (p) => p.exporter.record.reportedStatus === ExporterStatus.AVAILABLE || p.exporter.record.reportedStatus === ExporterStatus.UNSPECIFIED,
  );
  if (ready.length === 0) return { kind: "pending", reason: "NotReady", message: CONDITION_TEXTS.notReady(free.length) };

  // Step 9: spot eviction is not implemented.
  const chosen = ready[0];
  if (chosen === undefined) throw new Error("unreachable: no ready pair");
  if (chosen.exporter.record.leaseName !== undefined) {
    return { kind: "pending", reason: "NotAvailable", message: CONDITION_TEXTS.spotHeld(chosen.exporter.record.name) };
  }
  // Step 10.
  return { kind: "assign", exporter: chosen.exporter.record.name, priority: chosen.priority, spot: chosen.spot };
}
