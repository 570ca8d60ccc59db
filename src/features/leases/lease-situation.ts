// What a lease's state means for the person following it, from its
// conditions ([L3]-[L5], via domain/lease-status) plus what the portal knows
// besides: its exporter's status ([L6]: Ready True only means "assigned";
// the board then runs its beforeLease hook), whether the exporter ended it
// because that hook failed ([RL4]: the Released condition is the same for
// any release, so the exporter's status tells, never the condition's
// message), and whether a selector matches any exporter at all. Pure.
import { timestampToMs } from "@/domain/durations";
import { assignedAtMs, leaseStatus, type LeaseStatus } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import type { LeaseLabelState } from "@/components/lease-status-label";

/** What a lease that has not started yet (or not quite) waits for. */
export type WaitingFor =
  /** Its begin time, ahead. */
  | "begin-time"
  /** The controller's first look: a board being assigned. */
  | "assignment"
  /** Its board, assigned, running the beforeLease hook ([L6]). */
  | "hook"
  /** Every matching board is held by another lease (Pending/NotAvailable). */
  | "in-use"
  /** Every matching board is offline (Pending/Offline). */
  | "offline"
  /** No free matching board is ready: hooks running or failed, cleaning up (Pending/NotReady). */
  | "not-ready"
  /** A Pending reason this portal does not know. */
  | "other";

export interface HookFailure {
  /** The exporter's bare name. */
  readonly exporter: string;
  /** Its status message ("beforeLease hook failed (on_failure=endLease): flash timeout"), as it reports it. */
  readonly message: string;
}

export interface LeaseSituation {
  readonly state: LeaseLabelState;
  /** The label's words: "Pending", "Starting", "Hook failed". */
  readonly label: string;
  readonly ended: boolean;
  /** One line in words: what it waits for, why it ended, what it holds. */
  readonly detail: string;
  readonly waitingFor?: WaitingFor;
  readonly hookFailure?: HookFailure;
  /** Unsatisfiable because no exporter at all matches its selector ([L2] step 4, "While there are 0 exporters"). */
  readonly noMatch?: boolean;
  /** The deciding condition's reason and message, as the controller wrote them. */
  readonly reason?: string;
  readonly message?: string;
}

export interface LeaseFacts {
  /** The lease's exporter as GetExporter answers (only for a lease that got one); undefined while unknown. */
  readonly exporter?: Exporter | undefined;
  /**
   * Whether another lease got that exporter at or after this one did (its
   * status is then about that lease, not this one); undefined while unknown.
   */
  readonly boardTakenSince?: boolean | undefined;
  /** How many exporters the lease's selector matches, counted by the controller (ListExporters filter); undefined while unknown. */
  readonly selectorMatches?: number | undefined;
}

/**
 * A begin time at most this far ahead is "now": the form sends the current
 * second as the begin of a "now" lease booked with an end time, and the
 * controller looks at it within the second.
 */
export const BEGIN_NOW_TOLERANCE_MS = 5_000;

const nonEmpty = (s: string | undefined): s is string => s !== undefined && s !== "";

/** True for a lease asking for one board by name ([N4]). */
export function isPinned(lease: Lease): boolean {
  return nonEmpty(lease.exporterName);
}

/** True when the lease asks by a real selector (not empty, not the pinned-only `<none>`, [F5]). */
export function hasSelector(lease: Lease): boolean {
  return lease.selector.trim() !== "" && lease.selector !== "<none>";
}

function withCondition(base: LeaseStatus): Pick<LeaseSituation, "reason" | "message"> {
  return { ...(base.reason === undefined ? {} : { reason: base.reason }), ...(base.message === undefined ? {} : { message: base.message }) };
}

function waiting(base: LeaseStatus, waitingFor: WaitingFor, detail: string, state: LeaseLabelState = "pending", label = "Pending"): LeaseSituation {
  return { state, label, ended: false, detail, waitingFor, ...withCondition(base) };
}

function pendingWords(reason: string | undefined, pinned: boolean): { readonly waitingFor: WaitingFor; readonly detail: string } | undefined {
  switch (reason) {
    case "NotAvailable":
      return { waitingFor: "in-use", detail: pinned ? "The board is in use by another lease" : "Every matching board is in use" };
    case "Offline":
      return { waitingFor: "offline", detail: pinned ? "The board is offline" : "Every matching board is offline" };
    case "NotReady":
      return {
        waitingFor: "not-ready",
        detail: pinned
          ? "The board is not ready: it is running a hook, cleaning up, or its hook failed"
          : "No free matching board is ready: they are running a hook, cleaning up, or their hook failed",
      };
    case undefined:
      return { waitingFor: "assignment", detail: "Waiting for a board to be assigned" };
    default:
      return undefined;
  }
}

/**
 * [RL4] The exporter ended this released lease because its beforeLease hook
 * failed: the exporter the lease got reports BEFORE_LEASE_HOOK_FAILED and no
 * lease got it since (a later lease's failure would be that lease's).
 */
export function hookFailureOf(lease: Lease, facts: LeaseFacts): HookFailure | undefined {
  const assigned = lease.exporter ?? "";
  const e = facts.exporter;
  if (assigned === "" || e === undefined || e.name !== assigned) return undefined;
  if (e.status !== ExporterStatus.BEFORE_LEASE_HOOK_FAILED || facts.boardTakenSince !== false) return undefined;
  return { exporter: shortName(assigned), message: e.statusMessage };
}

/**
 * True when a lease other than `lease` got its exporter at or after the
 * moment `lease` did; undefined when `lease` never got one (nothing to ask).
 */
export function boardTakenSince(lease: Lease, leases: readonly Lease[]): boolean | undefined {
  const assigned = lease.exporter ?? "";
  const since = assignedAtMs(lease);
  if (assigned === "" || since === undefined) return undefined;
  return leases.some((other) => {
    if (other.name === lease.name || other.exporter !== assigned) return false;
    const at = assignedAtMs(other);
    return at !== undefined && at >= since;
  });
}

export function leaseSituation(lease: Lease, nowMs: number, facts: LeaseFacts = {}): LeaseSituation {
  const base = leaseStatus(lease, nowMs);
  const pinned = isPinned(lease);
  const board = shortName(lease.exporter ?? "");
  switch (base.state) {
    case "scheduled": {
      const begin = timestampToMs(lease.beginTime) ?? nowMs;
      if (begin - nowMs > BEGIN_NOW_TOLERANCE_MS) return waiting(base, "begin-time", "Waiting for its begin time", "scheduled", "Scheduled");
      return waiting(base, "assignment", "Waiting for a board to be assigned");
    }
    case "pending": {
      const words = pendingWords(base.reason, pinned);
      return words === undefined ? waiting(base, "other", base.message ?? base.detail) : waiting(base, words.waitingFor, words.detail);
    }
    case "ready": {
      const e = facts.exporter;
      if (e !== undefined && e.name === lease.exporter) {
        if (e.status === ExporterStatus.BEFORE_LEASE_HOOK) {
          return waiting(base, "hook", `${board} is running its beforeLease hook`, "starting", "Starting");
        }
        if (e.status === ExporterStatus.BEFORE_LEASE_HOOK_FAILED) {
          // The exporter is about to end the lease ([RL4]); the next read shows it released.
          return { state: "hook-failed", label: "Hook failed", ended: false, detail: `${board}'s beforeLease hook failed: the lease is ending`, ...withCondition(base) };
        }
      }
      return { state: "ready", label: "Ready", ended: false, detail: base.detail, ...withCondition(base) };
    }
    case "released": {
      const failure = hookFailureOf(lease, facts);
      if (failure !== undefined) {
        return {
          state: "hook-failed",
          label: "Hook failed",
          ended: true,
          detail: `${failure.exporter}'s beforeLease hook failed, so the exporter ended the lease`,
          hookFailure: failure,
          ...withCondition(base),
        };
      }
      return { state: "released", label: base.label, ended: true, detail: base.detail, ...withCondition(base) };
    }
    case "unsatisfiable":
      if (base.reason === "NoAccess" && hasSelector(lease) && facts.selectorMatches === 0) {
        return { state: "unsatisfiable", label: base.label, ended: true, detail: "No exporter matches this selector", noMatch: true, ...withCondition(base) };
      }
      return { state: base.state, label: base.label, ended: true, detail: base.detail, ...withCondition(base) };
    case "invalid":
    case "expired":
    case "ended":
      return { state: base.state, label: base.label, ended: true, detail: base.detail, ...withCondition(base) };
  }
}

