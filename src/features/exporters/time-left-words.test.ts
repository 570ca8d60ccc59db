import { describe, expect, it } from "vitest";
import { timeLeftWords } from "@/features/exporters/time-left-words";

const NOW = Date.UTC(2025, 10, 21, 10, 0, 0); // Fri 21 Nov 2025, 10:00 UTC
const MIN = 60_000;

describe("timeLeftWords", () => {
  it("says time left in the lease pages' words, with the end as a clock time", () => {
    expect(timeLeftWords(NOW + 10 * MIN, NOW, "en-GB", "UTC")).toEqual({ left: "10 min left", until: "10:10", endingSoon: false });
    expect(timeLeftWords(NOW + 149 * MIN, NOW, "en-GB", "UTC")).toEqual({ left: "2 h 29 min left", until: "12:29", endingSoon: false });
  });

  it("flags the last ten minutes, and an end in the past as ended", () => {
    expect(timeLeftWords(NOW + 9 * MIN, NOW, "en-GB", "UTC").endingSoon).toBe(true);
    expect(timeLeftWords(NOW - MIN, NOW, "en-GB", "UTC")).toMatchObject({ left: "ended", endingSoon: false });
  });

  it("names the day when the end is not today", () => {
    expect(timeLeftWords(NOW + 24 * 60 * MIN, NOW, "en-GB", "UTC").until).toBe("Sat 10:00");
    expect(timeLeftWords(NOW + 10 * 24 * 60 * MIN, NOW, "en-GB", "UTC").until).toBe("1 Dec, 10:00");
  });
});
