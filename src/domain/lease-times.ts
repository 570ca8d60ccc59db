// How a lease's duration, begin_time and end_time reconcile (spec "Creating a
// lease: Times"), and when a lease expires. Epoch milliseconds throughout.

import { formatDurationExact } from "./durations.js";

export interface LeaseTimes {
  /** Absent = undefined; a zero duration counts as absent (proto3 default). */
  readonly durationMs?: number | undefined;
  readonly beginMs?: number | undefined;
  readonly endMs?: number | undefined;
}

export interface ReconciledLeaseTimes {
  readonly durationMs: number;
  readonly beginMs?: number;
  readonly endMs?: number;
}

export type LeaseTimesResult =
  | { readonly ok: true; readonly times: ReconciledLeaseTimes }
  | { readonly ok: false; readonly message: string };

const MISSING_DURATION = "a lease needs a duration, or an end time with a begin time";

/**
 * Begin and end given: duration = end - begin (a different non-zero duration
 * is an error). End and duration given: begin = end - duration. A positive
 * duration must be present afterwards.
 */
export function reconcileLeaseTimes(input: LeaseTimes): LeaseTimesResult {
  const { beginMs, endMs } = input;
  const durationMs = input.durationMs === 0 ? undefined : input.durationMs;
  if (durationMs !== undefined && durationMs < 0) {
    return { ok: false, message: `duration must be positive, not ${formatDurationExact(durationMs)}` };
  }

  if (beginMs !== undefined && endMs !== undefined) {
    if (endMs <= beginMs) return { ok: false, message: "end_time must be after begin_time" };
    const span = endMs - beginMs;
    if (durationMs !== undefined && durationMs !== span) {
      return {
        ok: false,
        message: `duration ${formatDurationExact(durationMs)} does not match end_time - begin_time = ${formatDurationExact(span)}: give only two of the three, or make them agree`,
      };
    }
    return { ok: true, times: { durationMs: span, beginMs, endMs } };
  }

  if (durationMs === undefined) return { ok: false, message: MISSING_DURATION };
  if (endMs !== undefined) return { ok: true, times: { durationMs, beginMs: endMs - durationMs, endMs } };
  if (beginMs !== undefined) return { ok: true, times: { durationMs, beginMs } };
  return { ok: true, times: { durationMs } };
}

export interface LeaseExpiryInput {
  readonly durationMs: number;
  readonly beginMs?: number | undefined;
  readonly endMs?: number | undefined;
  readonly effectiveBeginMs?: number | undefined;
}

/**
 * When the lease runs out: at end_time if set; else begin_time + duration for
 * a scheduled lease; else effective_begin_time + duration; undefined while
 * none of these is known (an immediate lease still waiting for a board).
 */
export function leaseExpiryMs(t: LeaseExpiryInput): number | undefined {
  if (t.endMs !== undefined) return t.endMs;
  if (t.beginMs !== undefined) return t.beginMs + t.durationMs;
  if (t.effectiveBeginMs !== undefined) return t.effectiveBeginMs + t.durationMs;
  return undefined;
}
