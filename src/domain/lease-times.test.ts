import { describe, expect, it } from "vitest";
import { formatGoDuration, HOUR_MS, MINUTE_MS } from "./durations.js";
import { type LeaseExpiryInput, type LeaseTimes, leaseExpiryMs, plannedEndMs, reconcileLeaseTimes, wholeSecondMs } from "./lease-times.js";

const T = Date.UTC(2025, 5, 1, 10); // an arbitrary begin time
const H = HOUR_MS;

describe("reconcileLeaseTimes [TM1]/[TM2]: accepted", () => {
  it.each<[string, LeaseTimes, { durationMs: number; beginMs?: number; endMs?: number }]>([
    ["duration alone (D)", { durationMs: 2 * H }, { durationMs: 2 * H }],
    ["duration and begin (BD)", { durationMs: 2 * H, beginMs: T }, { durationMs: 2 * H, beginMs: T }],
    ["begin and end (BED)", { beginMs: T, endMs: T + 3 * H }, { durationMs: 3 * H, beginMs: T, endMs: T + 3 * H }],
    ["begin and end replace a zero duration", { durationMs: 0, beginMs: T, endMs: T + H }, { durationMs: H, beginMs: T, endMs: T + H }],
    ["begin and end replace a negative duration", { durationMs: -H, beginMs: T, endMs: T + H }, { durationMs: H, beginMs: T, endMs: T + H }],
    ["begin, end and the matching duration", { durationMs: H, beginMs: T, endMs: T + H }, { durationMs: H, beginMs: T, endMs: T + H }],
    ["end and duration give the begin", { durationMs: 2 * H, endMs: T + 2 * H }, { durationMs: 2 * H, beginMs: T, endMs: T + 2 * H }],
    ["explicitly undefined fields", { durationMs: H, beginMs: undefined, endMs: undefined }, { durationMs: H }],
    ["one millisecond", { durationMs: 1 }, { durationMs: 1 }],
  ])("%s", (_name, input, times) => {
    expect(reconcileLeaseTimes(input)).toEqual({ ok: true, times });
  });
});

describe("reconcileLeaseTimes [TM1]/[TM2]: refused with the controller's texts", () => {
  const required = "duration is required (must specify Duration, or both BeginTime and EndTime)";
  it.each<[string, LeaseTimes, string]>([
    ["nothing", {}, required],
    ["begin alone", { beginMs: T }, required],
    ["end alone", { endMs: T }, required],
    ["zero duration alone", { durationMs: 0 }, "duration must be positive, got 0s"],
    ["negative duration", { durationMs: -H }, "duration must be positive, got -1h0m0s"],
    ["end and a zero duration", { durationMs: 0, endMs: T }, "duration must be positive, got 0s"],
    ["end equal to begin", { beginMs: T, endMs: T }, "duration must be positive, got 0s"],
    ["end before begin", { beginMs: T, endMs: T - H }, "duration must be positive, got -1h0m0s"],
    ["a different duration", { durationMs: H, beginMs: T, endMs: T + 2 * H + 30 * MINUTE_MS }, "duration conflicts with begin_time and end_time"],
    ["a duration off by a millisecond", { durationMs: H, beginMs: T, endMs: T + H + 1 }, "duration conflicts with begin_time and end_time"],
  ])("%s", (_name, input, message) => {
    expect(reconcileLeaseTimes(input)).toEqual({ ok: false, message });
  });
});

describe("formatGoDuration (Go's Duration.String)", () => {
  it.each<[number, string]>([
    [0, "0s"],
    [500, "500ms"],
    [1500, "1.5s"],
    [1250, "1.25s"],
    [59_000, "59s"],
    [123_000, "2m3s"],
    [H, "1h0m0s"],
    [-H, "-1h0m0s"],
    [26 * H + 61_000, "26h1m1s"],
    [0.4, "400µs"],
    [1.5, "1.5ms"],
    [0.000_25, "250ns"],
  ])("%d ms -> %s", (ms, text) => {
    expect(formatGoDuration(ms)).toBe(text);
  });
});

describe("wholeSecondMs [O2]", () => {
  it("drops the sub-second part", () => {
    expect(wholeSecondMs(T + 999)).toBe(T);
    expect(wholeSecondMs(T)).toBe(T);
  });
});

describe("leaseExpiryMs [TM3]/[TM4]", () => {
  it.each<[string, LeaseExpiryInput, number | undefined]>([
    ["end time wins", { durationMs: H, beginMs: T, endMs: T + 5 * H, effectiveBeginMs: T + 1 }, T + 5 * H],
    ["scheduled: begin + duration, even when assigned late", { durationMs: 2 * H, beginMs: T, effectiveBeginMs: T + H }, T + 2 * H],
    ["immediate: effective begin + duration", { durationMs: 2 * H, effectiveBeginMs: T + 7 }, T + 7 + 2 * H],
    ["no exporter yet: never expires", { durationMs: 2 * H }, undefined],
    ["no exporter yet, with a window: never expires", { durationMs: H, beginMs: T, endMs: T + H }, undefined],
  ])("%s", (_name, input, expected) => {
    expect(leaseExpiryMs(input)).toBe(expected);
  });
});

describe("plannedEndMs", () => {
  it.each<[string, LeaseExpiryInput, number | undefined]>([
    ["window", { durationMs: H, beginMs: T, endMs: T + H }, T + H],
    ["scheduled", { durationMs: 2 * H, beginMs: T }, T + 2 * H],
    ["active immediate", { durationMs: 2 * H, effectiveBeginMs: T }, T + 2 * H],
    ["waiting immediate", { durationMs: 2 * H }, undefined],
  ])("%s", (_name, input, expected) => {
    expect(plannedEndMs(input)).toBe(expected);
  });
});
