// The wall's queue: who waits for a board and why, in words, and how long
// already; then the bookings that start next. Pure.
import { leaseStatus } from "@/domain/lease-status";
import { durationToMs, kubeTimeToMs, timestampToMs } from "@/domain/durations";
import { shortName } from "@/domain/resource-names";
import { formatBookedDuration } from "@/domain/time-words";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";

export interface WaitingLease {
  readonly name: string;
  /** Who asked: the bare client name. */
  readonly who: string;
  /** What they asked for: a board's name, or the selector. */
  readonly wants: string;
  /** The reason in words ("All matching boards are in use"). */
  readonly reason: string;
  /** Since when it waits (ms), when known. */
  readonly sinceMs?: number;
  /** "12 min", when known. */
  readonly waited?: string;
}

export interface Booking {
  readonly name: string;
  readonly who: string;
  readonly wants: string;
  readonly beginMs: number;
  readonly endMs?: number;
}

const who = (lease: Lease): string => (lease.client === undefined || lease.client === "" ? "someone" : shortName(lease.client));

/** A board by name when the lease names one, else its selector ([L1]: one or both). */
export function wantsWords(lease: Lease): string {
  const board = lease.exporterName ?? "";
  if (board !== "") return board;
  return lease.selector === "" ? "any board" : lease.selector;
}

/**
 * Since when a pending lease has waited: its Pending condition's transition
 * ([L4]: it turns True when the controller first finds no board), else its
 * begin time once passed.
 */
function waitingSinceMs(lease: Lease, nowMs: number): number | undefined {
  const pending = lease.conditions.find((c) => c.type === "Pending" && c.status === "True");
  const since = kubeTimeToMs(pending?.lastTransitionTime);
  if (since !== undefined && since > 0 && since <= nowMs) return since;
  const begin = timestampToMs(lease.beginTime);
  return begin !== undefined && begin <= nowMs ? begin : undefined;
}

/** Pending leases, the longest waiting first (unknown waits last). */
export function waitingLeases(leases: readonly Lease[], nowMs: number): WaitingLease[] {
  const out: WaitingLease[] = [];
  for (const lease of leases) {
    const status = leaseStatus(lease, nowMs);
    if (status.state !== "pending") continue;
    const sinceMs = waitingSinceMs(lease, nowMs);
    out.push({
      name: shortName(lease.name),
      who: who(lease),
      wants: wantsWords(lease),
      reason: status.detail,
      ...(sinceMs === undefined ? {} : { sinceMs, waited: formatBookedDuration(nowMs - sinceMs) }),
    });
  }
  return out.sort((a, b) => (a.sinceMs ?? Infinity) - (b.sinceMs ?? Infinity));
}

/** Scheduled leases (waiting for their begin time), soonest first, at most `limit`. */
export function nextBookings(leases: readonly Lease[], nowMs: number, limit = Infinity): Booking[] {
  const out: Booking[] = [];
  for (const lease of leases) {
    if (leaseStatus(lease, nowMs).state !== "scheduled") continue;
    const beginMs = timestampToMs(lease.beginTime);
    if (beginMs === undefined) continue;
    const durationMs = durationToMs(lease.duration);
    const endMs = timestampToMs(lease.endTime) ?? (durationMs === undefined ? undefined : beginMs + durationMs);
    out.push({ name: shortName(lease.name), who: who(lease), wants: wantsWords(lease), beginMs, ...(endMs === undefined ? {} : { endMs }) });
  }
  return out.sort((a, b) => a.beginMs - b.beginMs).slice(0, limit);
}

/** A board's own bookings (leases naming it) that begin before `untilMs`: the door display's "today". */
export function bookingsOfBoard(leases: readonly Lease[], board: string, nowMs: number, untilMs: number): Booking[] {
  return nextBookings(leases.filter((l) => (l.exporterName ?? "") === board), nowMs).filter((b) => b.beginMs < untilMs);
}

/** The end of the local day of `nowMs` (midnight next), in the browser's time zone. */
export function endOfDayMs(nowMs: number): number {
  const d = new Date(nowMs);
  d.setHours(24, 0, 0, 0);
  return d.getTime();
}
