// Human durations for the UI, and conversions between epoch milliseconds and
// the protobuf time messages (google.protobuf.Duration/Timestamp and the
// Kubernetes-style jumpstarter.v1.Time).

import { create } from "@bufbuild/protobuf";
import { DurationSchema, TimestampSchema, type Duration, type Timestamp } from "@bufbuild/protobuf/wkt";
import { TimeSchema, type Time } from "../gen/jumpstarter/v1/kubernetes_pb.js";

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

// ---------------------------------------------------------------------------
// Parsing

const ACCEPTED_FORMS = "use forms like 90m, 2h, 1h30m, 1h 30m, 1.5h, 45s or 2d, or a bare number of minutes";

const UNIT_MS: Readonly<Record<string, number>> = {
  d: DAY_MS,
  day: DAY_MS,
  days: DAY_MS,
  h: HOUR_MS,
  hr: HOUR_MS,
  hrs: HOUR_MS,
  hour: HOUR_MS,
  hours: HOUR_MS,
  m: MINUTE_MS,
  min: MINUTE_MS,
  mins: MINUTE_MS,
  minute: MINUTE_MS,
  minutes: MINUTE_MS,
  s: SECOND_MS,
  sec: SECOND_MS,
  secs: SECOND_MS,
  second: SECOND_MS,
  seconds: SECOND_MS,
};

const NUMBER = String.raw`(?:\d+(?:\.\d*)?|\.\d+)`;
const BARE_NUMBER = new RegExp(`^${NUMBER}$`);
const PART = new RegExp(String.raw`(${NUMBER})\s*([a-z]+)\s*`, "y");

export type DurationParse = { readonly ok: true; readonly ms: number } | { readonly ok: false; readonly message: string };

function invalid(text: string): DurationParse {
  return { ok: false, message: `"${text}" is not a duration: ${ACCEPTED_FORMS}` };
}

/**
 * Parses what a person types for a duration: "90m", "2h", "1h30m", "1h 30m",
 * "1.5h", "45s", "2d", or a bare number of minutes ("30"). Case-insensitive;
 * each unit at most once; the result is rounded to whole milliseconds.
 */
export function parseDuration(text: string): DurationParse {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: `enter a duration: ${ACCEPTED_FORMS}` };
  const s = trimmed.toLowerCase();
  if (s.startsWith("-")) return { ok: false, message: `a duration cannot be negative: ${ACCEPTED_FORMS}` };

  let ms = 0;
  if (BARE_NUMBER.test(s)) {
    ms = Number(s) * MINUTE_MS;
  } else {
    const seen = new Set<number>();
    PART.lastIndex = 0;
    while (PART.lastIndex < s.length) {
      const match = PART.exec(s);
      if (match === null) return invalid(trimmed);
      const unit = UNIT_MS[match[2] ?? ""];
      if (unit === undefined) return invalid(trimmed);
      if (seen.has(unit)) return { ok: false, message: `"${trimmed}" gives the same unit twice: ${ACCEPTED_FORMS}` };
      seen.add(unit);
      ms += Number(match[1]) * unit;
    }
  }
  ms = Math.round(ms);
  if (!Number.isSafeInteger(ms)) return { ok: false, message: `"${trimmed}" is too long a duration` };
  if (ms <= 0) return { ok: false, message: `a duration must be longer than zero: ${ACCEPTED_FORMS}` };
  return { ok: true, ms };
}

// ---------------------------------------------------------------------------
// Formatting

export interface FormatDurationOptions {
  /** Also show seconds at a minute or more: "4m 5s", "2h 30m 10s". */
  readonly seconds?: boolean;
}

/**
 * Compact human form, truncated (never rounded up): the largest unit and the
 * next one when non-zero — "3d 4h", "2h 30m", "2h", "45m"; seconds appear only
 * under a minute ("59s") or when asked ("45m 10s"). Under a second: "0s".
 */
export function formatDuration(ms: number, options: FormatDurationOptions = {}): string {
  if (ms < 0) return `-${formatDuration(-ms, options)}`;
  const totalSeconds = Math.floor(ms / SECOND_MS);
  const days = Math.floor(totalSeconds / 86400);
  const hours = Math.floor((totalSeconds % 86400) / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  const parts: [number, string][] =
    days > 0 ? [[days, "d"], [hours, "h"]] : hours > 0 ? [[hours, "h"], [minutes, "m"]] : minutes > 0 ? [[minutes, "m"]] : [[seconds, "s"]];
  if (options.seconds === true && totalSeconds >= 60) parts.push([seconds, "s"]);
  return parts
    .filter(([n], i) => i === 0 || n > 0)
    .map(([n, unit]) => `${n}${unit}`)
    .join(" ");
}

/** Every non-zero unit down to milliseconds ("1h 30m 15s", "1s 500ms"): for messages that must be exact. */
export function formatDurationExact(ms: number): string {
  if (ms < 0) return `-${formatDurationExact(-ms)}`;
  const units: [number, string][] = [
    [DAY_MS, "d"],
    [HOUR_MS, "h"],
    [MINUTE_MS, "m"],
    [SECOND_MS, "s"],
    [1, "ms"],
  ];
  let rest = Math.round(ms);
  const parts: string[] = [];
  for (const [size, unit] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.length > 0 ? parts.join(" ") : "0s";
}

/**
 * Go's time.Duration.String() ("0s", "400µs", "500ms", "1.5s", "2m3s",
 * "1h0m0s", "-1h0m0s"), from milliseconds that may carry a fraction: the
 * controller writes durations in its messages this way (spec [E2]
 * "duration must be positive, got ...").
 */
export function formatGoDuration(ms: number): string {
  const ns = Math.round(ms * 1e6);
  if (ns === 0) return "0s";
  if (ns < 0) return `-${formatGoDuration(-ms)}`;
  const fraction = (n: number, digits: number): string => {
    const text = String(n).padStart(digits, "0").replace(/0+$/, "");
    return text === "" ? "" : `.${text}`;
  };
  if (ns < 1_000) return `${ns}ns`;
  if (ns < 1_000_000) return `${Math.floor(ns / 1_000)}${fraction(ns % 1_000, 3)}µs`;
  if (ns < 1_000_000_000) return `${Math.floor(ns / 1_000_000)}${fraction(ns % 1_000_000, 6)}ms`;
  const hours = Math.floor(ns / 3.6e12);
  const minutes = Math.floor((ns % 3.6e12) / 6e10);
  const rest = ns % 6e10;
  const seconds = `${Math.floor(rest / 1e9)}${fraction(rest % 1e9, 9)}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  if (minutes > 0) return `${minutes}m${seconds}`;
  return seconds;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * A live countdown: "1:59:03", "4:05", "0:09"; "2d 3h" from a day up.
 * Seconds round up, so it shows "0:00" only once the time is really over.
 */
export function formatCountdown(ms: number): string {
  if (!(ms > 0)) return "0:00";
  const total = Math.ceil(ms / SECOND_MS);
  if (total >= 86400) return formatDuration(total * SECOND_MS);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad2(minutes)}:${pad2(seconds)}` : `${minutes}:${pad2(seconds)}`;
}

/** "in 5 min", "2 h ago", "just now" (within 10 s), "in 3 days", "1 day ago". */
export function formatRelative(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  const abs = Math.abs(diff);
  if (abs < 10 * SECOND_MS) return "just now";
  let amount: string;
  const seconds = Math.round(abs / SECOND_MS);
  const minutes = Math.round(abs / MINUTE_MS);
  const hours = Math.round(abs / HOUR_MS);
  if (seconds < 60) amount = `${seconds} s`;
  else if (minutes < 60) amount = `${minutes} min`;
  else if (hours < 24) amount = `${hours} h`;
  else {
    const days = Math.round(abs / DAY_MS);
    amount = days === 1 ? "1 day" : `${days} days`;
  }
  return diff > 0 ? `in ${amount}` : `${amount} ago`;
}

// ---------------------------------------------------------------------------
// Protobuf conversions

export function durationToMs(d: Duration | undefined): number | undefined {
  if (d === undefined) return undefined;
  return Number(d.seconds) * SECOND_MS + Math.round(d.nanos / 1e6);
}

/** Milliseconds (a fraction is kept to the nanosecond); seconds and nanos carry the same sign, as the Duration spec requires. */
export function msToDuration(ms: number): Duration {
  const seconds = Math.trunc(ms / SECOND_MS);
  const nanos = Math.round((ms - seconds * SECOND_MS) * 1e6);
  return create(DurationSchema, { seconds: BigInt(seconds), nanos: nanos === 0 ? 0 : nanos });
}

export function timestampToMs(t: Timestamp | undefined): number | undefined {
  if (t === undefined) return undefined;
  return Number(t.seconds) * SECOND_MS + Math.round(t.nanos / 1e6);
}

/** Whole milliseconds; nanos are never negative, as the Timestamp spec requires. */
export function msToTimestamp(ms: number): Timestamp {
  const whole = Math.round(ms);
  const seconds = Math.floor(whole / SECOND_MS);
  return create(TimestampSchema, { seconds: BigInt(seconds), nanos: (whole - seconds * SECOND_MS) * 1e6 });
}

/** jumpstarter.v1.Time (metav1.Time): undefined when absent or when neither field is set. */
export function kubeTimeToMs(t: Time | undefined): number | undefined {
  if (t === undefined || (t.seconds === undefined && t.nanos === undefined)) return undefined;
  return Number(t.seconds ?? 0n) * SECOND_MS + Math.round((t.nanos ?? 0) / 1e6);
}

export function msToKubeTime(ms: number): Time {
  const whole = Math.round(ms);
  const seconds = Math.floor(whole / SECOND_MS);
  return create(TimeSchema, { seconds: BigInt(seconds), nanos: (whole - seconds * SECOND_MS) * 1e6 });
}
