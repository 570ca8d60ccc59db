// Lease conditions as the controller keeps them [L4]: keyed by type; setting a
// type that exists updates it in place (its lastTransitionTime moves only
// when its status flips); a new type is appended; nothing is ever removed.
import type { ConditionStatus, StoredCondition } from "./records.js";

export type ConditionType = "Ready" | "Pending" | "Unsatisfiable" | "Invalid";

export interface ConditionChange {
  readonly type: ConditionType;
  readonly status: ConditionStatus;
  readonly reason: string;
  readonly message: string;
}

/** [L3]: the controller's texts. */
export const CONDITION_TEXTS = {
  ready: "An exporter has been acquired for the client",
  expired: "The lease has expired",
  released: "The lease was marked for release",
  offline: (n: number): string => `While there are ${n} available exporters (i.e. ), none of them are online`,
  notAvailable: (n: number): string => `There are ${n} approved exporters, (i.e. ) but all of them are already leased`,
  spotHeld: (exporter: string): string =>
    `Exporter ${exporter} is already leased by another client under spot access, but spot access eviction still not implemented`,
  notReady: (n: number): string => `There are ${n} online exporters, but none are ready (still cleaning up previous lease)`,
  exporterNotFound: (exporter: string): string => `Requested exporter ${exporter} was not found`,
  selectorMismatch: (exporter: string, selector: string): string => `Requested exporter ${exporter} does not match selector ${selector}`,
  exporterDisabled: (exporter: string): string =>
    `Requested exporter ${exporter} is disabled. To lease a disabled exporter, set spec.allowDisabled: true on the Lease, or use --allow-disabled with jmp create lease`,
  allDisabled: (n: number): string => `All ${n} exporters matching the selector are disabled`,
  noAccess: (n: number, policies: string): string =>
    `While there are ${n} exporters matching the selector, none of them are approved by any policy for your client${policies === "" ? "" : `. Matching policies: ${policies}`}`,
  spotAccess: (exporter: string): string =>
    `The only possible exporters are under spot access (i.e. ${exporter}), but spot access is still not implemented`,
  invalidSelector: "The selector for the lease is empty, a selector is required",
} as const;

export function setCondition(
  conditions: readonly StoredCondition[],
  change: ConditionChange,
  generation: number,
  nowMs: number,
): StoredCondition[] {
  const index = conditions.findIndex((c) => c.type === change.type);
  const existing = conditions[index];
  const next: StoredCondition = {
    ...change,
    observedGeneration: generation,
    lastTransitionMs: existing !== undefined && existing.status === change.status ? existing.lastTransitionMs : nowMs,
  };
  if (existing === undefined) return [...conditions, next];
  return conditions.map((c, i) => (i === index ? next : c));
}

export function findCondition(conditions: readonly StoredCondition[], type: ConditionType): StoredCondition | undefined {
  return conditions.find((c) => c.type === type);
}

export function sameConditions(a: readonly StoredCondition[], b: readonly StoredCondition[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => {
      const d = b[i];
      return (
        d !== undefined &&
        c.type === d.type &&
        c.status === d.status &&
        c.reason === d.reason &&
        c.message === d.message &&
        c.observedGeneration === d.observedGeneration &&
        c.lastTransitionMs === d.lastTransitionMs
      );
    })
  );
}
