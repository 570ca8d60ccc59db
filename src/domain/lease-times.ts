// How a lease's duration, begin_time and end_time reconcile, and when a lease
// expires: spec [TM1]-[TM4]. Epoch milliseconds throughout. The simulator
// refuses with these texts, and the portal checks its requests with them.

import { formatGoDuration, SECOND_MS } from "./durations.js";

export interface LeaseTimes {
  /** undefined = absent. Unlike v1, a present zero duration is not "absent" ([TM1] step 3). */
  readonly durationMs?: number | undefined;
  readonly beginMs?: number | undefined;
  readonly endMs?: number | undefined;
}

/** A stored lease's times: shape D (duration), BD (begin, duration) or BED (all three) of [TM2]. */
export interface ReconciledLeaseTimes {
  readonly durationMs: number;
  readonly beginMs?: number;
  readonly endMs?: number;
}

export type LeaseTimesResult =
  | { readonly ok: true; readonly times: ReconciledLeaseTimes }
  | { readonly ok: false; readonly message: string };

/** The controller's texts ([E2] "time fields"). */
export const DURATION_REQUIRED = "duration is required (must specify Duration, or both BeginTime and EndTime)";
export const DURATION_CONFLICT = "duration conflicts with begin_time and end_time";
export const durationNotPositive = (ms: number): string => `duration must be positive, got ${formatGoDuration(ms)}`;

/**
 * [TM1]: begin and end give the length (a different positive duration
 * conflicts; a zero or negative one is replaced); else end and a positive
 * duration give the begin; then a positive duration must be there.
 */
export function reconcileLeaseTimes(input: LeaseTimes): LeaseTimesResult {
  const { beginMs, endMs } = input;
  let durationMs = input.durationMs;
  let begin = beginMs;
  if (beginMs !== undefined && endMs !== undefined) {
    const length = endMs - beginMs;
    if (durationMs !== undefined && durationMs > 0 && durationMs !== length) return { ok: false, message: DURATION_CONFLICT };
    durationMs = length;
  } else if (endMs !== undefined && durationMs !== undefined && durationMs > 0) {
    begin = endMs - durationMs;
  }
  if (durationMs === undefined) return { ok: false, message: DURATION_REQUIRED };
  if (durationMs <= 0) return { ok: false, message: durationNotPositive(durationMs) };
  return {
    ok: true,
    times: { durationMs, ...(begin === undefined ? {} : { beginMs: begin }), ...(endMs === undefined ? {} : { endMs }) },
  };
}

/** [O2]: stored timestamps have whole-second precision (sub-second parts are dropped). */
export function wholeSecondMs(ms: number): number {
  return Math.floor(ms / SECOND_MS) * SECOND_MS;
}

export interface LeaseExpiryInput {
  readonly durationMs: number;
  readonly beginMs?: number | undefined;
  readonly endMs?: number | undefined;
  readonly effectiveBeginMs?: number | undefined;
}

/**
 * [TM3] When a lease that holds an exporter runs out: at end_time if set;
 * else begin_time + duration; else effective_begin_time + duration. Without
 * an exporter it never expires ([TM4]): undefined until one is assigned.
 */
export function leaseExpiryMs(t: LeaseExpiryInput): number | undefined {
  if (t.effectiveBeginMs === undefined) return undefined;
  if (t.endMs !== undefined) return t.endMs;
  if (t.beginMs !== undefined) return t.beginMs + t.durationMs;
  return t.effectiveBeginMs + t.durationMs;
}

/**
 * The expected end of a lease as a person plans with it: like [TM3], but for a
 * lease still waiting, its requested window when it has one (undefined for an
 * immediate lease that has no exporter yet).
 */
export function plannedEndMs(t: LeaseExpiryInput): number | undefined {
  if (t.endMs !== undefined) return t.endMs;
  if (t.beginMs !== undefined) return t.beginMs + t.durationMs;
  if (t.effectiveBeginMs !== undefined) return t.effectiveBeginMs + t.durationMs;
  return undefined;
}
