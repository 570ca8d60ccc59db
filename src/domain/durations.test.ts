import { create } from "@bufbuild/protobuf";
import { DurationSchema, TimestampSchema, durationMs, timestampMs } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { TimeSchema } from "../gen/jumpstarter/v1/kubernetes_pb.js";
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  SECOND_MS,
  durationToMs,
  formatCountdown,
  formatDuration,
  formatDurationExact,
  formatRelative,
  kubeTimeToMs,
  msToDuration,
  msToKubeTime,
  msToTimestamp,
  parseDuration,
  timestampToMs,
} from "./durations.js";

describe("parseDuration: accepted", () => {
  it.each<[string, number]>([
    ["90m", 90 * MINUTE_MS],
    ["2h", 2 * HOUR_MS],
    ["1h30m", 90 * MINUTE_MS],
    ["1h 30m", 90 * MINUTE_MS],
    ["1 h 30 m", 90 * MINUTE_MS],
    ["1.5h", 90 * MINUTE_MS],
    [".5h", 30 * MINUTE_MS],
    ["45s", 45 * SECOND_MS],
    ["2d", 2 * DAY_MS],
    ["1d 2h 3m 4s", DAY_MS + 2 * HOUR_MS + 3 * MINUTE_MS + 4 * SECOND_MS],
    ["30m1h", 90 * MINUTE_MS],
    ["30", 30 * MINUTE_MS],
    ["1.5", 90 * SECOND_MS],
    ["  2H  ", 2 * HOUR_MS],
    ["1H30M", 90 * MINUTE_MS],
    ["2 hours", 2 * HOUR_MS],
    ["1 hour 15 minutes", 75 * MINUTE_MS],
    ["3 days", 3 * DAY_MS],
    ["10 min", 10 * MINUTE_MS],
    ["2hrs", 2 * HOUR_MS],
    ["20 sec", 20 * SECOND_MS],
    ["0.0005s", 1],
  ])("%j -> %d ms", (text, ms) => {
    expect(parseDuration(text)).toEqual({ ok: true, ms });
  });
});

describe("parseDuration: rejected", () => {
  it.each<[string, string]>([
    ["", "enter a duration"],
    ["   ", "enter a duration"],
    ["0", "must be longer than zero"],
    ["0h", "must be longer than zero"],
    ["0h 0m", "must be longer than zero"],
    ["0.0001s", "must be longer than zero"],
    ["-5m", "cannot be negative"],
    ["-1", "cannot be negative"],
    ["abc", `"abc" is not a duration`],
    ["2x", `"2x" is not a duration`],
    ["h", `"h" is not a duration`],
    ["1h30", `"1h30" is not a duration`],
    ["1h,30m", `"1h,30m" is not a duration`],
    ["1e3m", `"1e3m" is not a duration`],
    ["2 weeks", `"2 weeks" is not a duration`],
    ["1h 1h", "gives the same unit twice"],
    ["1m 2min", "gives the same unit twice"],
    ["99999999999999999999d", "is too long a duration"],
  ])("%j", (text, fragment) => {
    const result = parseDuration(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(fragment);
  });

  it("says which forms are accepted", () => {
    const result = parseDuration("soon");
    expect(result.ok ? "" : result.message).toBe(
      `"soon" is not a duration: use forms like 90m, 2h, 1h30m, 1h 30m, 1.5h, 45s or 2d, or a bare number of minutes`,
    );
  });
});

describe("formatDuration", () => {
  it.each<[number, string]>([
    [0, "0s"],
    [999, "0s"],
    [59 * SECOND_MS, "59s"],
    [59_999, "59s"],
    [MINUTE_MS, "1m"],
    [45 * MINUTE_MS + 59 * SECOND_MS, "45m"],
    [HOUR_MS, "1h"],
    [2.5 * HOUR_MS, "2h 30m"],
    [2 * HOUR_MS + 30 * SECOND_MS, "2h"],
    [23 * HOUR_MS + 59 * MINUTE_MS, "23h 59m"],
    [DAY_MS, "1d"],
    [3 * DAY_MS + 4 * HOUR_MS + 59 * MINUTE_MS, "3d 4h"],
    [3 * DAY_MS + 30 * MINUTE_MS, "3d"],
    [400 * DAY_MS, "400d"],
    [-90 * MINUTE_MS, "-1h 30m"],
  ])("%d ms -> %j", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each<[number, string]>([
    [45 * MINUTE_MS + 10 * SECOND_MS, "45m 10s"],
    [45 * MINUTE_MS, "45m"],
    [2 * HOUR_MS + 5 * MINUTE_MS + 7 * SECOND_MS, "2h 5m 7s"],
    [30 * SECOND_MS, "30s"],
  ])("with seconds: %d ms -> %j", (ms, text) => {
    expect(formatDuration(ms, { seconds: true })).toBe(text);
  });

  it.each<[number, string]>([
    [0, "0s"],
    [1500, "1s 500ms"],
    [HOUR_MS + 30 * MINUTE_MS + 15 * SECOND_MS, "1h 30m 15s"],
    [DAY_MS + 1, "1d 1ms"],
    [-HOUR_MS, "-1h"],
  ])("exact: %d ms -> %j", (ms, text) => {
    expect(formatDurationExact(ms)).toBe(text);
  });

  it.each(["90m", "2h", "1h30m", "45s", "2d", "3d 4h", "23h 59m"])("formatted %j parses back to the same value", (text) => {
    const parsed = parseDuration(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const again = parseDuration(formatDuration(parsed.ms));
    expect(again).toEqual(parsed);
  });
});

describe("formatCountdown", () => {
  it.each<[number, string]>([
    [-5000, "0:00"],
    [0, "0:00"],
    [Number.NaN, "0:00"],
    [1, "0:01"],
    [9 * SECOND_MS, "0:09"],
    [8_001, "0:09"],
    [59 * SECOND_MS, "0:59"],
    [MINUTE_MS, "1:00"],
    [4 * MINUTE_MS + 5 * SECOND_MS, "4:05"],
    [59 * MINUTE_MS + 59 * SECOND_MS, "59:59"],
    [HOUR_MS, "1:00:00"],
    [HOUR_MS + 59 * MINUTE_MS + 3 * SECOND_MS, "1:59:03"],
    [23 * HOUR_MS + 59 * MINUTE_MS + 59 * SECOND_MS, "23:59:59"],
    [DAY_MS, "1d"],
    [2 * DAY_MS + 3 * HOUR_MS + 20 * MINUTE_MS, "2d 3h"],
  ])("%d ms -> %j", (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe("formatRelative", () => {
  const now = Date.UTC(2025, 0, 1, 12);
  it.each<[number, string]>([
    [0, "just now"],
    [9 * SECOND_MS, "just now"],
    [-9 * SECOND_MS, "just now"],
    [30 * SECOND_MS, "in 30 s"],
    [-45 * SECOND_MS, "45 s ago"],
    [5 * MINUTE_MS, "in 5 min"],
    [-5 * MINUTE_MS - 20 * SECOND_MS, "5 min ago"],
    [59 * MINUTE_MS + 40 * SECOND_MS, "in 1 h"],
    [-2 * HOUR_MS, "2 h ago"],
    [2.4 * HOUR_MS, "in 2 h"],
    [23.6 * HOUR_MS, "in 1 day"],
    [-DAY_MS, "1 day ago"],
    [3 * DAY_MS, "in 3 days"],
    [-10 * DAY_MS, "10 days ago"],
  ])("now %+d ms -> %j", (offset, text) => {
    expect(formatRelative(now + offset, now)).toBe(text);
  });
});

describe("protobuf conversions", () => {
  it.each([0, 1, 999, 1000, 1500, 90 * MINUTE_MS, -1500, -1])("Duration round-trips %d ms", (ms) => {
    const d = msToDuration(ms);
    expect(durationToMs(d)).toBe(ms);
    expect(durationMs(d)).toBe(ms);
    // Seconds and nanos never disagree in sign.
    expect(d.seconds > 0n && d.nanos < 0).toBe(false);
    expect(d.seconds < 0n && d.nanos > 0).toBe(false);
  });

  it("builds Duration fields exactly", () => {
    expect(msToDuration(1500)).toMatchObject({ seconds: 1n, nanos: 500_000_000 });
    expect(msToDuration(-1500)).toMatchObject({ seconds: -1n, nanos: -500_000_000 });
    // A fraction of a millisecond is kept, to the nanosecond (durations keep full precision, [O2]).
    expect(msToDuration(2.6)).toMatchObject({ seconds: 0n, nanos: 2_600_000 });
  });

  it("reads Duration and Timestamp messages, and their absence", () => {
    expect(durationToMs(undefined)).toBeUndefined();
    expect(timestampToMs(undefined)).toBeUndefined();
    expect(durationToMs(create(DurationSchema, { seconds: 7200n }))).toBe(2 * HOUR_MS);
    expect(durationToMs(create(DurationSchema, { seconds: 1n, nanos: 400_000 }))).toBe(1000);
    expect(timestampToMs(create(TimestampSchema, { seconds: 1_700_000_000n, nanos: 250_000_000 }))).toBe(1_700_000_000_250);
  });

  it.each([0, 1_700_000_000_250, 1_700_000_000_999, -1, -1500])("Timestamp round-trips %d ms", (ms) => {
    const t = msToTimestamp(ms);
    expect(timestampToMs(t)).toBe(ms);
    expect(timestampMs(t)).toBe(ms);
    expect(t.nanos).toBeGreaterThanOrEqual(0);
  });

  it("reads jumpstarter.v1.Time with optional fields", () => {
    expect(kubeTimeToMs(undefined)).toBeUndefined();
    expect(kubeTimeToMs(create(TimeSchema, {}))).toBeUndefined();
    expect(kubeTimeToMs(create(TimeSchema, { seconds: 1_700_000_000n }))).toBe(1_700_000_000_000);
    expect(kubeTimeToMs(create(TimeSchema, { nanos: 5_000_000 }))).toBe(5);
    expect(kubeTimeToMs(create(TimeSchema, { seconds: 10n, nanos: 5_000_000 }))).toBe(10_005);
    expect(kubeTimeToMs(msToKubeTime(1_700_000_000_123))).toBe(1_700_000_000_123);
    expect(msToKubeTime(1_700_000_000_123)).toMatchObject({ seconds: 1_700_000_000n, nanos: 123_000_000 });
  });
});
