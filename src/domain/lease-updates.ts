// What UpdateLease does to a lease's times, and what to send for each
// change a person asks for (spec section 11: [U4]-[U14]).
//
// The controller ignores update_mask ([U11]). It first reconciles the
// request's OWN time fields alone ([U5]: so end_time alone, or begin_time
// alone, is refused "duration is required ..."), refuses a new begin for a
// lease that ever had an exporter ([U6]), lets the present fields replace
// the stored ones ([U7]) and reconciles the merged fields again ([U9]). A
// stored lease has one of three shapes ([TM2]): D (duration), BD (begin,
// duration), BED (begin, end, duration = end - begin). The recipes below are
// those of [U13], which every controller since 0.8 accepts; `applyTimeUpdate`
// predicts the outcome, for the optimistic view and for the tests of the
// [U12] table. Epoch milliseconds; timestamps in whole seconds ([O2]).

import { formatDuration, SECOND_MS } from "./durations.js";
import { leaseExpiryMs, plannedEndMs, reconcileLeaseTimes, wholeSecondMs, type ReconciledLeaseTimes } from "./lease-times.js";

/** [E2] The controller's text when a started lease's begin would move ([U6]). */
export const BEGIN_TIME_FIXED = "cannot update BeginTime: lease has already started";

/** A lease's stored times, as UpdateLease sees them. */
export interface StoredLeaseTimes {
  readonly durationMs: number;
  readonly beginMs?: number | undefined;
  readonly endMs?: number | undefined;
  /** An exporter was ever assigned ("started" in [U6]/[U12]), also if the lease has ended since. */
  readonly started: boolean;
  /** When the exporter was assigned (effective_begin_time): where a shape-D lease's time runs from. */
  readonly effectiveBeginMs?: number | undefined;
}

export type LeaseShape = "D" | "BD" | "BED";

/**
 * [TM2] The stored shape. An end without a begin cannot be stored by a
 * controller ([TM1] derives the begin); such a lease is treated as D, so
 * that no end_time is ever sent for a lease without begin_time.
 */
export function leaseShape(t: StoredLeaseTimes): LeaseShape {
  if (t.beginMs === undefined) return "D";
  return t.endMs === undefined ? "BD" : "BED";
}

/** The time fields of an UpdateLeaseRequest; absent ones are not sent. */
export interface TimeUpdate {
  readonly durationMs?: number;
  readonly beginMs?: number;
  readonly endMs?: number;
}

export type TimeUpdateOutcome =
  | { readonly ok: true; readonly times: ReconciledLeaseTimes }
  | { readonly ok: false; readonly message: string };

const hasTimeField = (u: TimeUpdate): boolean => u.durationMs !== undefined || u.beginMs !== undefined || u.endMs !== undefined;

const storedOnly = (t: StoredLeaseTimes): ReconciledLeaseTimes => ({
  durationMs: t.durationMs,
  ...(t.beginMs === undefined ? {} : { beginMs: t.beginMs }),
  ...(t.endMs === undefined ? {} : { endMs: t.endMs }),
});

/**
 * What the controller stores after an UpdateLease with `update`, or its
 * refusal in its words: [U5] the request's fields alone, [U6] the begin of
 * a started lease, [U7] the merge, [U9] the merged fields.
 */
export function applyTimeUpdate(stored: StoredLeaseTimes, update: TimeUpdate): TimeUpdateOutcome {
  if (!hasTimeField(update)) return { ok: true, times: storedOnly(stored) };
  const alone = reconcileLeaseTimes(update);
  if (!alone.ok) return alone;
  // [O2] Comparisons with stored times are to the second.
  if (update.beginMs !== undefined && stored.started && (stored.beginMs === undefined || wholeSecondMs(stored.beginMs) !== wholeSecondMs(update.beginMs))) {
    return { ok: false, message: BEGIN_TIME_FIXED };
  }
  // [U7] Only fields the request carries replace stored ones; what [U5] derived is dropped.
  const merged = reconcileLeaseTimes({
    durationMs: update.durationMs ?? stored.durationMs,
    beginMs: update.beginMs ?? stored.beginMs,
    endMs: update.endMs ?? stored.endMs,
  });
  if (!merged.ok) return merged;
  // [O2] Timestamps are stored in whole seconds (durations keep their precision).
  const { durationMs, beginMs, endMs } = merged.times;
  return {
    ok: true,
    times: { durationMs, ...(beginMs === undefined ? {} : { beginMs: wholeSecondMs(beginMs) }), ...(endMs === undefined ? {} : { endMs: wholeSecondMs(endMs) }) },
  };
}

/** A change a person asked for: what to send, and what the lease will then store. */
export type LeaseTimeRecipe =
  | { readonly ok: true; readonly update: TimeUpdate; readonly times: ReconciledLeaseTimes }
  | { readonly ok: false; readonly message: string };

const refuse = (message: string): LeaseTimeRecipe => ({ ok: false, message });

/** Durations are sent in whole seconds too ([U13]); the controller would keep sub-second parts. */
export function wholeSecondsDuration(ms: number): number {
  return Math.round(ms / SECOND_MS) * SECOND_MS;
}

/** The recipe, checked against the controller's rules before it is offered (it never fails for the [U13] recipes). */
function recipe(stored: StoredLeaseTimes, update: TimeUpdate): LeaseTimeRecipe {
  const outcome = applyTimeUpdate(stored, update);
  return outcome.ok ? { ok: true, update, times: outcome.times } : refuse(outcome.message);
}

const END_BEFORE_START = "The end would come before the start";

/**
 * When the lease ends now as the controller will expire it ([TM3]): its end
 * time; else begin + duration; else, once started, assignment + duration.
 * Undefined for a shape-D lease still waiting for a board (its end is not fixed).
 */
export function currentEndMs(t: StoredLeaseTimes): number | undefined {
  return t.started ? (leaseExpiryMs(t) ?? plannedEndMs(t)) : plannedEndMs({ durationMs: t.durationMs, beginMs: t.beginMs, endMs: t.endMs });
}

/**
 * [U13] "Change the length keeping the begin": D or BD, `duration` only;
 * BED, `begin_time` = B, `end_time` = B + length, `duration` = length.
 */
export function changeLengthRecipe(stored: StoredLeaseTimes, newDurationMs: number): LeaseTimeRecipe {
  const durationMs = wholeSecondsDuration(newDurationMs);
  if (durationMs <= 0) return refuse("A lease must last longer than zero");
  if (leaseShape(stored) !== "BED") return recipe(stored, { durationMs });
  const beginMs = stored.beginMs ?? 0;
  return recipe(stored, { beginMs, endMs: beginMs + durationMs, durationMs });
}

/**
 * [U13] "Extend, shorten or move the end to E": shape D, `duration` = E -
 * effective_begin_time (there is no end to move while it waits: change its
 * length instead); shapes BD and BED, `begin_time` = B exactly as returned
 * (a begin that differs from the stored one is refused once started, [U6]),
 * `end_time` = E and `duration` = E - B. Never end_time for a lease without
 * begin_time: that would give it one.
 */
export function moveEndRecipe(stored: StoredLeaseTimes, newEndMs: number): LeaseTimeRecipe {
  const endMs = wholeSecondMs(newEndMs);
  if (leaseShape(stored) === "D") {
    if (!stored.started || stored.effectiveBeginMs === undefined) {
      return refuse("This lease is still waiting for a board, so its end is not fixed yet: change its length instead");
    }
    if (endMs <= stored.effectiveBeginMs) return refuse(END_BEFORE_START);
    return recipe(stored, { durationMs: endMs - stored.effectiveBeginMs });
  }
  const beginMs = stored.beginMs ?? 0;
  if (endMs <= beginMs) return refuse(END_BEFORE_START);
  return recipe(stored, { beginMs, endMs, durationMs: endMs - beginMs });
}

/**
 * Extends (or, negative, shortens) the lease by `deltaMs`: a lease without
 * a fixed end (D waiting), and D or BD leases, change their duration (the
 * end follows); a BED lease moves its end ([U13], both recipes).
 */
export function extendRecipe(stored: StoredLeaseTimes, deltaMs: number): LeaseTimeRecipe {
  const delta = wholeSecondsDuration(deltaMs);
  if (delta === 0) return refuse("Choose an amount of time other than zero");
  if (leaseShape(stored) !== "BED") {
    const durationMs = stored.durationMs + delta;
    if (durationMs <= 0) return refuse(`The lease is ${formatDuration(stored.durationMs)} long: it cannot be shortened by ${formatDuration(-delta)}`);
    return recipe(stored, { durationMs });
  }
  return moveEndRecipe(stored, (stored.endMs ?? 0) + delta);
}

/** Whether a begin move keeps the lease's length or its end (BED only). */
export type BeginMoveKeeps = "length" | "end";

/**
 * [U13] "Move the begin to B'", only while the lease never had an exporter
 * ([U6]): D or BD, `begin_time` = B' and `duration` = the current duration;
 * BED keeping the length, `begin_time` = B', `end_time` = B' + duration and
 * `duration`; BED keeping the end, `begin_time` = B' and `duration` = end - B'.
 */
export function moveBeginRecipe(stored: StoredLeaseTimes, newBeginMs: number, keeps: BeginMoveKeeps = "length"): LeaseTimeRecipe {
  if (stored.started) return refuse("This lease already got a board, so its start cannot move: release it and make a new lease to start later");
  const beginMs = wholeSecondMs(newBeginMs);
  if (leaseShape(stored) !== "BED") return recipe(stored, { beginMs, durationMs: stored.durationMs });
  if (keeps === "length") return recipe(stored, { beginMs, endMs: beginMs + stored.durationMs, durationMs: stored.durationMs });
  const endMs = stored.endMs ?? 0;
  if (endMs <= beginMs) return refuse("The start would come after the end");
  return recipe(stored, { beginMs, durationMs: endMs - beginMs });
}
