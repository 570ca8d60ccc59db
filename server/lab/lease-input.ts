// Checks on what a client sends in a Lease (tags, context, times): each
// problem becomes one InvalidArgument message naming the field at fault.
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";
import { durationToMs, timestampToMs } from "../../src/domain/durations.js";
import { quoteText, validateLabelName, validateLabelValue } from "../../src/domain/labels.js";

export const MAX_TAGS = 10;
export const MAX_CONTEXT_ENTRIES = 8;
export const MAX_CONTEXT_KEY_LENGTH = 32;
export const MAX_CONTEXT_VALUE_LENGTH = 64;

// The ranges google.protobuf.Timestamp and Duration define (0001-01-01 .. 9999-12-31, ±10,000 years).
const MIN_TIMESTAMP_SECONDS = -62_135_596_800n;
const MAX_TIMESTAMP_SECONDS = 253_402_300_799n;
const MAX_DURATION_SECONDS = 315_576_000_000n;

export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

export function checkTags(tags: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS) return `too many tags: ${entries.length}, at most ${MAX_TAGS} are allowed`;
  for (const [key, value] of entries) {
    if (key.includes("/")) return `tag key ${quoteText(key)} is invalid: tag keys cannot contain '/'`;
    const keyProblem = validateLabelName(key);
    if (keyProblem !== undefined) return `invalid tag key: ${keyProblem}`;
    const valueProblem = validateLabelValue(value);
    if (valueProblem !== undefined) return `invalid value for tag ${quoteText(key)}: ${valueProblem}`;
  }
  return undefined;
}

export function checkContext(context: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(context);
  if (entries.length > MAX_CONTEXT_ENTRIES) {
    return `too many context entries: ${entries.length}, at most ${MAX_CONTEXT_ENTRIES} are allowed`;
  }
  for (const [key, value] of entries) {
    if (key === "") return "context key is empty";
    if (key.length > MAX_CONTEXT_KEY_LENGTH) {
      return `context key ${quoteText(key)} is too long: ${key.length} characters, at most ${MAX_CONTEXT_KEY_LENGTH}`;
    }
    if (value.length > MAX_CONTEXT_VALUE_LENGTH) {
      return `context value of ${quoteText(key)} is too long: ${value.length} characters, at most ${MAX_CONTEXT_VALUE_LENGTH}`;
    }
  }
  return undefined;
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
  return { ok: true, value: durationToMs(d) };
}
