// Checks on what a client sends in a Lease (tags, context, times): each
// problem becomes one InvalidArgument message naming the field at fault. Tags
// and context use the shared domain rules, so the portal's form warns with the
// same words the server answers with.
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import { durationToMs, formatDurationExact, timestampToMs } from "../../src/domain/durations.js";
import { validateLeaseContext, validateLeaseTags } from "../../src/domain/lease-fields.js";
import type { ReconciledLeaseTimes } from "../../src/domain/lease-times.js";

// The ranges google.protobuf.Timestamp and Duration define (0001-01-01 .. 9999-12-31, ±10,000 years).
const MIN_TIMESTAMP_SECONDS = -62_135_596_800n;
const MAX_TIMESTAMP_SECONDS = 253_402_300_799n;
const MAX_DURATION_SECONDS = 315_576_000_000n;
const MIN_TIMESTAMP_MS = Number(MIN_TIMESTAMP_SECONDS) * 1000;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function checkTags(tags: Readonly<Record<string, string>>): string | undefined {
  return validateLeaseTags(tags);
}

export function checkContext(context: Readonly<Record<string, string>>): string | undefined {
  return validateLeaseContext(context);
}

export function checkTimestamp(field: string, t: Timestamp | undefined): Checked<number | undefined> {
  if (t === undefined) return { ok: true, value: undefined };
  if (t.seconds < MIN_TIMESTAMP_SECONDS || t.seconds > MAX_TIMESTAMP_SECONDS || t.nanos < 0 || t.nanos > 999_999_999) {
    return { ok: false, message: `${field} is not a valid timestamp (years 0001 to 9999, nanos 0 to 999999999)` };
  }
  return { ok: true, value: timestampToMs(t) };
}

export function checkDuration(field: string, d: Duration | undefined): Checked<number | undefined> {
  if (d === undefined) return { ok: true, value: undefined };
  const sameSign = d.seconds === 0n || d.nanos === 0 || d.seconds > 0n === d.nanos > 0;
  if (d.seconds > MAX_DURATION_SECONDS || d.seconds < -MAX_DURATION_SECONDS || Math.abs(d.nanos) > 999_999_999 || !sameSign) {
    return { ok: false, message: `${field} is not a valid duration (at most 10,000 years, seconds and nanos with the same sign)` };
  }
  const ms = durationToMs(d) ?? 0;
  // The lab keeps times in milliseconds: a non-zero duration that rounds to 0 ms must not
  // read as "no duration given".
  if (ms === 0 && (d.seconds !== 0n || d.nanos !== 0)) {
    return d.seconds < 0n || d.nanos < 0
      ? { ok: false, message: `${field} must be positive, not -${Math.abs(d.nanos)}ns` }
      : { ok: false, message: `${field} of ${d.nanos}ns is too short: a lease lasts at least 1ms` };
  }
  return { ok: true, value: ms };
}

/**
 * A begin_time the server worked out (end_time - duration) must still be a
 * Timestamp a client can read back; it can only fall too early.
 */
export function checkDerivedTimes(times: ReconciledLeaseTimes): string | undefined {
  if (times.beginMs !== undefined && times.beginMs < MIN_TIMESTAMP_MS) {
    return `end_time - duration (${formatDurationExact(times.durationMs)}) falls before the year 0001: give a shorter duration or a later end_time`;
  }
  return undefined;
}
