// Kubernetes condition bookkeeping (meta.SetStatusCondition semantics): a
// type appears once, keeps its place, and lastTransitionTime moves only when
// the status flips.
import type { ConditionStatus, StoredCondition } from "./records.js";

export type ConditionType = "Ready" | "Pending" | "Unsatisfiable" | "Invalid";

export interface ConditionChange {
  type: ConditionType;
  status: ConditionStatus;
  reason: string;
  message: string;
}

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

/** Turns a Pending=True condition off (used when the lease is assigned or ends). */
export function clearPending(
  conditions: readonly StoredCondition[],
  reason: string,
  message: string,
  generation: number,
  nowMs: number,
): StoredCondition[] {
  const pending = findCondition(conditions, "Pending");
  if (pending?.status !== "True") return [...conditions];
  return setCondition(conditions, { type: "Pending", status: "False", reason, message }, generation, nowMs);
}

/** Marks every condition as observed at the lease's current generation. */
export function observeGeneration(conditions: readonly StoredCondition[], generation: number): StoredCondition[] {
  return conditions.map((c) => (c.observedGeneration === generation ? c : { ...c, observedGeneration: generation }));
}
