import { describe, expect, it } from "vitest";
import { formatClockTime, formatDistance } from "@/lib/format-date";

const GB = { locale: "en-GB", timeZone: "Europe/Madrid" } as const;
// Tue 2 Dec 2025, 13:00 in Madrid (12:00 UTC).
const NOW = Date.parse("2025-12-02T12:00:00Z");

describe("formatClockTime", () => {
  it.each<[string, string]>([
    ["2025-12-02T13:05:00Z", "14:05"],
    ["2025-12-02T22:59:00Z", "23:59"],
    ["2025-12-02T23:00:00Z", "tomorrow 00:00"],
    ["2025-12-03T09:00:00Z", "tomorrow 10:00"],
    ["2025-12-01T17:30:00Z", "yesterday 18:30"],
    ["2025-12-04T09:00:00Z", "Thu 4 Dec 10:00"],
    ["2026-01-07T09:00:00Z", "Wed 7 Jan 10:00"],
    ["2026-12-03T09:00:00Z", "3 Dec 2026 10:00"],
  ])("%s -> %s (Madrid, en-GB)", (iso, text) => {
    expect(formatClockTime(Date.parse(iso), NOW, GB)).toBe(text);
  });

  it("decides today and tomorrow in the user's zone, not in UTC", () => {
    // 23:30 UTC on 2 Dec is already 3 Dec in Madrid, still 2 Dec in New York.
    const late = Date.parse("2025-12-02T23:30:00Z");
    expect(formatClockTime(late, NOW, GB)).toBe("tomorrow 00:30");
    expect(formatClockTime(late, NOW, { locale: "en-GB", timeZone: "America/New_York" })).toBe("18:30");
  });

  it("follows the locale's own clock", () => {
    expect(formatClockTime(Date.parse("2025-12-02T13:05:00Z"), NOW, { locale: "en-US", timeZone: "Europe/Madrid" })).toBe("2:05 PM");
  });
});

describe("formatDistance", () => {
  it.each<[number, string]>([
    [5_000, "just now"],
    [-5_000, "just now"],
    [45_000, "in 45 s"],
    [2 * 3_600_000 + 29 * 60_000 + 30_000, "in 2 h 30 min"],
    [2 * 3_600_000 + 30 * 60_000, "in 2 h 30 min"],
    [-(12 * 60_000 + 30_000), "12 min ago"],
    [-(26 * 3_600_000), "1 day 2 h ago"],
  ])("%d ms away -> %s", (diff, text) => {
    expect(formatDistance(NOW + diff, NOW)).toBe(text);
  });
});
