// What a lease's conditions mean ([L3]-[L5]), in words a person reads on the
// Leases page, plus the times derived from it ([TM3], [TM4]), who holds it
// ([F6]) and whether it holds its exporter ([S6]).
//
// Conditions are keyed by type and never removed ([L4]): `Pending True`
// stays next to `Ready True` (and after the end), so the state is read by
// precedence, not from the presence of a single condition.

import type { Lease } from "../gen/jumpstarter/client/v1/client_pb.js";
import type { Condition } from "../gen/jumpstarter/v1/kubernetes_pb.js";
import { durationToMs, kubeTimeToMs, timestampToMs } from "./durations.js";
import { leaseExpiryMs, plannedEndMs } from "./lease-times.js";
import { clientName, shortName } from "./resource-names.js";

/** "ended" = ended for a reason not listed before it. */
export type LeaseState = "scheduled" | "pending" | "ready" | "unsatisfiable" | "invalid" | "expired" | "released" | "ended";

export interface LeaseStatus {
  readonly state: LeaseState;
  readonly ended: boolean;
  /** The deciding condition's reason and message, when there is one. */
  readonly reason?: string;
  readonly message?: string;
  /** Short state name: "Pending". */
  readonly label: string;
  /** The reason in words: "All matching boards are in use". */
  readonly detail: string;
}

export const LEASE_STATE_LABELS: Readonly<Record<LeaseState, string>> = {
  scheduled: "Scheduled",
  pending: "Pending",
  ready: "Ready",
  unsatisfiable: "Unsatisfiable",
  invalid: "Invalid",
  expired: "Expired",
  released: "Released",
  ended: "Ended",
};

// [L3] Pending reasons. The controller's messages carry counts and an often
// empty "(i.e. )" slot; these say the same in words ([L3]: never parse them).
const PENDING_DETAILS: Readonly<Record<string, string>> = {
  Offline: "All matching boards are offline",
  NotAvailable: "All matching boards are in use",
  NotReady: "No free board is ready yet: one is running a hook or cleaning up",
};

// Used only when the controller sent no message of its own.
const ENDING_DETAILS: Readonly<Record<string, string>> = {
  InvalidSelector: "The lease has neither a selector nor a board name",
  ExporterNotFound: "No board has the requested name",
  SelectorMismatch: "The requested board does not match the selector",
  ExporterDisabled: "The requested board is disabled",
  AllDisabled: "Every matching board is disabled",
  NoAccess: "No board you may use matches the selector",
  SpotAccess: "Only boards under spot access match, which the controller does not support yet",
  // 0.7 controllers end a lease so when no board is online ([V4]).
  NoExporter: "No matching board is online",
};

function findCondition(lease: Lease, type: string, status: "True" | "False"): Condition | undefined {
  return lease.conditions.find((c) => c.type === type && c.status === status);
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s === "" ? undefined : s;
}

function status(state: LeaseState, detail: string, condition?: Condition): LeaseStatus {
  const ended = state === "unsatisfiable" || state === "invalid" || state === "expired" || state === "released" || state === "ended";
  const reason = nonEmpty(condition?.reason);
  const message = nonEmpty(condition?.message);
  return {
    state,
    ended,
    label: LEASE_STATE_LABELS[state],
    detail,
    ...(reason === undefined ? {} : { reason }),
    ...(message === undefined ? {} : { message }),
  };
}

/**
 * [L5] The condition that ended the lease: `Ready False`, else `Invalid
 * True`, else `Unsatisfiable True`; undefined while it has not ended.
 * (effective_end_time is no sign of its own: only the first kind has one,
 * and 0.7 controllers report it for leases that never ended, [V4].)
 */
export function endingCondition(lease: Lease): Condition | undefined {
  return findCondition(lease, "Ready", "False") ?? findCondition(lease, "Invalid", "True") ?? findCondition(lease, "Unsatisfiable", "True");
}

/** [L5] True once the lease has ended (expired, released or failed). */
export function isLeaseEnded(lease: Lease): boolean {
  return endingCondition(lease) !== undefined;
}

/**
 * The lease's state, by precedence ([L5]): Ready False (Expired, Released,
 * or another end); Invalid True; Unsatisfiable True; Ready True (whatever
 * Pending says: it is never cleared, [L4]); Pending True; no condition and a
 * begin time ahead: Scheduled; otherwise it waits for the controller's
 * first look, which is Pending without a reason yet.
 */
export function leaseStatus(lease: Lease, nowMs: number): LeaseStatus {
  const notReady = findCondition(lease, "Ready", "False");
  if (notReady !== undefined) {
    if (notReady.reason === "Expired") return status("expired", "The lease ran out of time", notReady);
    if (notReady.reason === "Released") return status("released", "The lease was released", notReady);
    return status("ended", nonEmpty(notReady.message) ?? "The lease has ended", notReady);
  }
  const invalid = findCondition(lease, "Invalid", "True");
  if (invalid) {
    return status("invalid", nonEmpty(invalid.message) ?? ENDING_DETAILS[invalid.reason ?? ""] ?? "The lease request is invalid", invalid);
  }
  const unsatisfiable = findCondition(lease, "Unsatisfiable", "True");
  if (unsatisfiable) {
    return status(
      "unsatisfiable",
      nonEmpty(unsatisfiable.message) ?? ENDING_DETAILS[unsatisfiable.reason ?? ""] ?? "No board can satisfy the lease",
      unsatisfiable,
    );
  }
  const ready = findCondition(lease, "Ready", "True");
  if (ready) {
    const exporter = nonEmpty(lease.exporter);
    return status("ready", exporter === undefined ? "A board is assigned" : `Holding ${shortName(exporter)}`, ready);
  }
  const pending = findCondition(lease, "Pending", "True");
  if (pending) {
    return status("pending", PENDING_DETAILS[pending.reason ?? ""] ?? nonEmpty(pending.message) ?? "Waiting for a board", pending);
  }
  // [L2] step 1: a lease waiting for its begin time has no condition at all.
  const beginMs = timestampToMs(lease.beginTime);
  if (beginMs !== undefined && beginMs > nowMs) return status("scheduled", "Waiting for its begin time");
  return status("pending", "Waiting for the controller");
}

/** [F6] True when `lease` is held by client `me` of `namespace` (ListLeases returns every client's). */
export function isLeaseOf(lease: Lease, namespace: string, me: string): boolean {
  return lease.client === clientName(namespace, me);
}

/**
 * [U6]/[TR1] True once an exporter was ever assigned ("started"), even if the
 * lease has ended since: the begin time is then fixed, and transfer possible
 * while it lasts.
 */
export function everHadExporter(lease: Lease): boolean {
  return nonEmpty(lease.exporter) !== undefined || lease.effectiveBeginTime !== undefined;
}

/**
 * [S6] True when the lease holds its exporter now (as `jmp get exporters
 * --with leases` decides): it names one in `exporter`, has
 * effective_begin_time, and its last condition is `Ready True`.
 */
export function holdsExporter(lease: Lease): boolean {
  const last = lease.conditions[lease.conditions.length - 1];
  return nonEmpty(lease.exporter) !== undefined && lease.effectiveBeginTime !== undefined && last?.type === "Ready" && last.status === "True";
}

/**
 * When the exporter was assigned: effective_begin_time, else (a server that
 * leaves it out, [O4]) the `Ready True` transition, which is the assignment
 * time ([L4]); undefined while none was.
 */
export function assignedAtMs(lease: Lease): number | undefined {
  const effective = timestampToMs(lease.effectiveBeginTime);
  if (effective !== undefined) return effective;
  const ready = findCondition(lease, "Ready", "True");
  return ready === undefined ? undefined : kubeTimeToMs(ready.lastTransitionTime);
}

/**
 * [TM3]/[TM4] When the lease will expire: only once an exporter was
 * assigned. A lease still waiting never expires, whatever its times say.
 */
export function leaseExpiryAtMs(lease: Lease): number | undefined {
  const effectiveBeginMs = assignedAtMs(lease);
  if (effectiveBeginMs === undefined) return undefined;
  const endMs = timestampToMs(lease.endTime);
  const durationMs = durationToMs(lease.duration);
  if (durationMs === undefined) return endMs;
  return leaseExpiryMs({ durationMs, beginMs: timestampToMs(lease.beginTime), endMs, effectiveBeginMs });
}

/**
 * When the lease ended (effective_end_time, or the ending condition's
 * transition for one that never held a board), else when it is planned to
 * end: its expiry once it holds a board, its requested window while it waits
 * (shown as planned, never counted down); undefined while unknown.
 */
export function leaseEndMs(lease: Lease): number | undefined {
  const ending = endingCondition(lease);
  if (ending !== undefined) return timestampToMs(lease.effectiveEndTime) ?? kubeTimeToMs(ending.lastTransitionTime);
  const expiry = leaseExpiryAtMs(lease);
  if (expiry !== undefined) return expiry;
  const durationMs = durationToMs(lease.duration);
  const endMs = timestampToMs(lease.endTime);
  if (durationMs === undefined) return endMs;
  return plannedEndMs({ durationMs, beginMs: timestampToMs(lease.beginTime), endMs });
}

/**
 * Time until the lease expires (never negative); 0 once ended; undefined
 * while it has no exporter ([TM4]: it does not run out, so nothing counts down).
 */
export function timeLeftMs(lease: Lease, nowMs: number): number | undefined {
  if (isLeaseEnded(lease)) return 0;
  const expiry = leaseExpiryAtMs(lease);
  return expiry === undefined ? undefined : Math.max(0, expiry - nowMs);
}

/**
 * How much of the held time has passed, 0..1, from the assignment to the
 * expiry; 1 once ended; undefined for a lease that never held a board.
 */
export function leaseProgress(lease: Lease, nowMs: number): number | undefined {
  const start = assignedAtMs(lease);
  if (start === undefined) return undefined;
  if (isLeaseEnded(lease)) return 1;
  const end = leaseExpiryAtMs(lease);
  if (end === undefined) return undefined;
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (nowMs - start) / (end - start)));
}
