import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "./durations.js";
import { formatBookedDuration, formatTimeLeft } from "./time-words.js";

describe("formatBookedDuration", () => {
  it.each<[number, string]>([
    [0, "0 s"],
    [45 * SECOND_MS, "45 s"],
    [30 * MINUTE_MS, "30 min"],
    [HOUR_MS, "1 h"],
    [2 * HOUR_MS + 47 * MINUTE_MS + 48 * SECOND_MS, "2 h 47 min"],
    [DAY_MS, "1 day"],
    [2 * DAY_MS + 4 * HOUR_MS + 5 * MINUTE_MS, "2 days 4 h"],
  ])("%d ms -> %s", (ms, text) => {
    expect(formatBookedDuration(ms)).toBe(text);
  });
});

describe("formatTimeLeft", () => {
  it.each<[number, string]>([
    [-1, "ended"],
    [0, "ended"],
    [30 * SECOND_MS, "30 s left"],
    [9 * MINUTE_MS + 1, "10 min left"],
    [2 * HOUR_MS + 29 * MINUTE_MS, "2 h 29 min left"],
    [2 * HOUR_MS + 28 * MINUTE_MS + 30 * SECOND_MS, "2 h 29 min left"],
    [DAY_MS + 3 * HOUR_MS, "1 day 3 h left"],
  ])("%d ms -> %s", (ms, text) => {
    expect(formatTimeLeft(ms)).toBe(text);
  });
});
