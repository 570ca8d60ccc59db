// What a lease's conditions mean (spec: "How the controller assigns exporters"),
// in words a person reads on the Leases page, plus the times derived from it.

import type { Lease } from "../gen/jumpstarter/client/v1/client_pb.js";
import type { Condition } from "../gen/jumpstarter/v1/kubernetes_pb.js";
import { durationToMs, timestampToMs } from "./durations.js";
import { leaseExpiryMs } from "./lease-times.js";
import { shortName } from "./resource-names.js";

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

const PENDING_DETAILS: Readonly<Record<string, string>> = {
  Offline: "All matching boards are offline",
  NotAvailable: "All matching boards are in use",
  NotReady: "A free board is still running its after-lease hook",
};

// Used only when the controller sent no message of its own.
const ENDING_DETAILS: Readonly<Record<string, string>> = {
  InvalidSelector: "The lease has neither a selector nor a board name",
  ExporterNotFound: "No board has the requested name",
  SelectorMismatch: "The requested board does not match the selector",
  ExporterDisabled: "The requested board is disabled",
  AllDisabled: "Every matching board is disabled",
  NoAccess: "No board you may use matches the selector",
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
 * The lease's state, by precedence: Ready=False Expired/Released; Invalid=True;
 * Unsatisfiable=True; any other end (effective_end_time set, or Ready=False
 * with another reason); Ready=True; Pending=True; otherwise Scheduled.
 * Conditions with status False other than Ready's are ignored.
 */
export function leaseStatus(lease: Lease, nowMs: number): LeaseStatus {
  const notReady = findCondition(lease, "Ready", "False");
  if (notReady?.reason === "Expired") return status("expired", "The lease ran out of time", notReady);
  if (notReady?.reason === "Released") return status("released", "The lease was released", notReady);

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
  // Ready=False with a reason this portal does not know: ended only when the
  // controller says so with effective_end_time.
  if (lease.effectiveEndTime !== undefined) {
    return status("ended", nonEmpty(notReady?.message) ?? "The lease has ended", notReady);
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
  const beginMs = timestampToMs(lease.beginTime);
  return status("scheduled", beginMs !== undefined && beginMs > nowMs ? "Waiting for its begin time" : "Waiting for the controller");
}

/** effective_end_time once ended, else the expected expiry; undefined while unknown. */
export function leaseEndMs(lease: Lease): number | undefined {
  const effectiveEnd = timestampToMs(lease.effectiveEndTime);
  if (effectiveEnd !== undefined) return effectiveEnd;
  const endMs = timestampToMs(lease.endTime);
  if (endMs !== undefined) return endMs;
  const durationMs = durationToMs(lease.duration);
  if (durationMs === undefined) return undefined;
  return leaseExpiryMs({
    durationMs,
    beginMs: timestampToMs(lease.beginTime),
    effectiveBeginMs: timestampToMs(lease.effectiveBeginTime),
  });
}

/** Time until the lease ends (never negative); 0 once ended; undefined while unknown. */
export function timeLeftMs(lease: Lease, nowMs: number): number | undefined {
  if (leaseStatus(lease, nowMs).ended) return 0;
  const end = leaseEndMs(lease);
  return end === undefined ? undefined : Math.max(0, end - nowMs);
}

/**
 * How much of the held time has passed, 0..1, from effective_begin_time to
 * the end; 1 once ended; undefined for a lease that never held a board.
 */
export function leaseProgress(lease: Lease, nowMs: number): number | undefined {
  const start = timestampToMs(lease.effectiveBeginTime);
  if (start === undefined) return undefined;
  if (leaseStatus(lease, nowMs).ended) return 1;
  const end = leaseEndMs(lease);
  if (end === undefined) return undefined;
  if (end <= start) return 1;
  return Math.min(1, Math.max(0, (nowMs - start) / (end - start)));
}
