import { describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS } from "./durations.js";
import { type LeaseExpiryInput, type LeaseTimes, leaseExpiryMs, reconcileLeaseTimes } from "./lease-times.js";

const T = Date.UTC(2025, 5, 1, 10); // an arbitrary begin time
const H = HOUR_MS;

describe("reconcileLeaseTimes: accepted", () => {
  it.each<[string, LeaseTimes, { durationMs: number; beginMs?: number; endMs?: number }]>([
    ["duration alone", { durationMs: 2 * H }, { durationMs: 2 * H }],
    ["duration and begin", { durationMs: 2 * H, beginMs: T }, { durationMs: 2 * H, beginMs: T }],
    ["begin and end", { beginMs: T, endMs: T + 3 * H }, { durationMs: 3 * H, beginMs: T, endMs: T + 3 * H }],
    ["begin and end, zero duration counts as absent", { durationMs: 0, beginMs: T, endMs: T + H }, { durationMs: H, beginMs: T, endMs: T + H }],
    ["begin, end and the matching duration", { durationMs: H, beginMs: T, endMs: T + H }, { durationMs: H, beginMs: T, endMs: T + H }],
    ["end and duration give the begin", { durationMs: 2 * H, endMs: T + 2 * H }, { durationMs: 2 * H, beginMs: T, endMs: T + 2 * H }],
    ["explicitly undefined fields", { durationMs: H, beginMs: undefined, endMs: undefined }, { durationMs: H }],
    ["one millisecond", { durationMs: 1 }, { durationMs: 1 }],
  ])("%s", (_name, input, times) => {
    expect(reconcileLeaseTimes(input)).toEqual({ ok: true, times });
  });
});

describe("reconcileLeaseTimes: rejected", () => {
  it.each<[string, LeaseTimes, string]>([
    ["nothing", {}, "a lease needs a duration, or an end time with a begin time"],
    ["zero duration alone", { durationMs: 0 }, "a lease needs a duration, or an end time with a begin time"],
    ["begin alone", { beginMs: T }, "a lease needs a duration, or an end time with a begin time"],
    ["end alone", { endMs: T }, "a lease needs a duration, or an end time with a begin time"],
    ["negative duration", { durationMs: -H }, "duration must be positive, not -1h"],
    ["end before begin", { beginMs: T, endMs: T - H }, "end_time must be after begin_time"],
    ["end equal to begin", { beginMs: T, endMs: T }, "end_time must be after begin_time"],
    [
      "a different duration",
      { durationMs: H, beginMs: T, endMs: T + 2 * H + 30 * MINUTE_MS },
      "duration 1h does not match end_time - begin_time = 2h 30m: give only two of the three, or make them agree",
    ],
    ["a duration off by a millisecond", { durationMs: H, beginMs: T, endMs: T + H + 1 }, "duration 1h does not match end_time - begin_time = 1h 1ms: give only two of the three, or make them agree"],
  ])("%s", (_name, input, message) => {
    expect(reconcileLeaseTimes(input)).toEqual({ ok: false, message });
  });
});

describe("leaseExpiryMs", () => {
  it.each<[string, LeaseExpiryInput, number | undefined]>([
    ["end time wins", { durationMs: H, beginMs: T, endMs: T + 5 * H, effectiveBeginMs: T + 1 }, T + 5 * H],
    ["scheduled: begin + duration", { durationMs: 2 * H, beginMs: T, effectiveBeginMs: T + H }, T + 2 * H],
    ["immediate: effective begin + duration", { durationMs: 2 * H, effectiveBeginMs: T + 7 }, T + 7 + 2 * H],
    ["still waiting for a board", { durationMs: 2 * H }, undefined],
  ])("%s", (_name, input, expected) => {
    expect(leaseExpiryMs(input)).toBe(expected);
  });
});
