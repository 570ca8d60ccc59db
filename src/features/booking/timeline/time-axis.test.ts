import { afterAll, describe, expect, it } from "vitest";
import {
  axisTicks,
  clampZoom,
  clipToRange,
  dateText,
  dragWindow,
  fractionOf,
  HOUR_MS,
  parseDateText,
  shiftDate,
  snapStepMs,
  snapTime,
  stepZoom,
  timeAtX,
  viewRange,
} from "@/features/booking/timeline/time-axis";

// The user's zone decides where days start: run in a zone with daylight saving
// (Node applies a changed TZ at once) so the 23- and 25-hour days are covered.
// Set while the file loads: describe bodies compute their ranges then.
const savedTz = process.env.TZ;
process.env.TZ = "Europe/Madrid";
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const at = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi).getTime();

describe("view ranges in the user's zone", () => {
  it("a day view is local midnight to local midnight", () => {
    const r = viewRange("day", at(2026, 12, 3, 15, 20));
    expect(r).toEqual({ startMs: at(2026, 12, 3), endMs: at(2026, 12, 4) });
    // Midnight in Madrid in December is 23:00 UTC the day before.
    expect(new Date(r.startMs).toISOString()).toBe("2026-12-02T23:00:00.000Z");
  });

  it("a day with a daylight saving change is 23 or 25 hours long", () => {
    const spring = viewRange("day", at(2026, 3, 29, 12));
    expect((spring.endMs - spring.startMs) / HOUR_MS).toBe(23);
    const autumn = viewRange("day", at(2026, 10, 25, 12));
    expect((autumn.endMs - autumn.startMs) / HOUR_MS).toBe(25);
  });

  it("a week view runs Monday to Monday, whatever day it is given", () => {
    // 3 December 2026 is a Thursday; 6 December a Sunday; 30 November a Monday.
    const expected = { startMs: at(2026, 11, 30), endMs: at(2026, 12, 7) };
    expect(viewRange("week", at(2026, 12, 3, 9))).toEqual(expected);
    expect(viewRange("week", at(2026, 12, 6, 23, 59))).toEqual(expected);
    expect(viewRange("week", at(2026, 11, 30))).toEqual(expected);
  });

  it("steps back and forward by a day or a week, across a daylight saving change", () => {
    expect(shiftDate("day", at(2026, 3, 28), 1)).toBe(at(2026, 3, 29));
    expect(shiftDate("day", at(2026, 3, 29), 1)).toBe(at(2026, 3, 30));
    expect(shiftDate("week", at(2026, 12, 3, 10), -1)).toBe(at(2026, 11, 26));
  });

  it("reads and writes dates as the URL has them, refusing impossible ones", () => {
    expect(parseDateText("2026-12-03")).toBe(at(2026, 12, 3));
    expect(parseDateText("2026-02-30")).toBeUndefined();
    expect(parseDateText("tomorrow")).toBeUndefined();
    expect(dateText(at(2026, 12, 3, 23, 30))).toBe("2026-12-03");
  });
});

describe("x and time", () => {
  const range = viewRange("day", at(2026, 12, 3));

  it("maps a pointer across the track to a time and back", () => {
    expect(timeAtX(range, 100, 2400, 100)).toBe(range.startMs);
    expect(timeAtX(range, 100, 2400, 100 + 1000)).toBe(at(2026, 12, 3, 10));
    expect(fractionOf(range, at(2026, 12, 3, 18))).toBe(0.75);
  });

  it("keeps a pointer past either end at the range's edge", () => {
    expect(timeAtX(range, 100, 2400, 0)).toBe(range.startMs);
    expect(timeAtX(range, 100, 2400, 9000)).toBe(range.endMs);
    expect(timeAtX(range, 100, 0, 50)).toBe(range.startMs);
  });

  it("clips a booking to the range, and drops one outside it", () => {
    expect(clipToRange({ startMs: at(2026, 12, 2, 20), endMs: at(2026, 12, 3, 2) }, range)).toEqual({ startMs: range.startMs, endMs: at(2026, 12, 3, 2) });
    expect(clipToRange({ startMs: at(2026, 12, 4, 1), endMs: at(2026, 12, 4, 2) }, range)).toBeUndefined();
  });
});

describe("snapping a drag", () => {
  const range = viewRange("day", at(2026, 12, 3));

  it("snaps to 30 min in the day view and 1 h in the week view", () => {
    expect(snapStepMs("day")).toBe(30 * 60_000);
    expect(snapStepMs("week")).toBe(HOUR_MS);
    expect(snapTime(at(2026, 12, 3, 10, 14), range.startMs, snapStepMs("day"))).toBe(at(2026, 12, 3, 10));
    expect(snapTime(at(2026, 12, 3, 10, 16), range.startMs, snapStepMs("day"))).toBe(at(2026, 12, 3, 10, 30));
    expect(snapTime(at(2026, 12, 3, 10, 31), range.startMs, snapStepMs("week"))).toBe(at(2026, 12, 3, 11));
  });

  it("orders a drag made right to left, and snaps both ends", () => {
    expect(dragWindow(range, at(2026, 12, 3, 12, 5), at(2026, 12, 3, 9, 55), snapStepMs("day"))).toEqual({
      startMs: at(2026, 12, 3, 10),
      endMs: at(2026, 12, 3, 12),
    });
  });

  it("takes a click as the step under the pointer", () => {
    expect(dragWindow(range, at(2026, 12, 3, 14, 40), at(2026, 12, 3, 14, 41), snapStepMs("day"))).toEqual({
      startMs: at(2026, 12, 3, 14, 30),
      endMs: at(2026, 12, 3, 15),
    });
  });

  it("stays within the range", () => {
    const w = dragWindow(range, at(2026, 12, 3, 23, 50), at(2026, 12, 3, 23, 59), snapStepMs("week"));
    expect(w).toEqual({ startMs: at(2026, 12, 3, 23), endMs: at(2026, 12, 4) });
  });
});

describe("zoom", () => {
  it("keeps zoom within its levels", () => {
    expect(clampZoom(0)).toBe(1);
    expect(clampZoom(Number.NaN)).toBe(1);
    expect(clampZoom(3)).toBe(2);
    expect(clampZoom(100)).toBe(8);
    expect(stepZoom(1, -1)).toBe(1);
    expect(stepZoom(1, 1)).toBe(2);
    expect(stepZoom(8, 1)).toBe(8);
  });
});

describe("axis ticks", () => {
  it("ticks every hour of a day, labelled every 2 h, every hour once zoomed in", () => {
    const range = viewRange("day", at(2026, 12, 3));
    const ticks = axisTicks("day", range, 1);
    expect(ticks).toHaveLength(24);
    expect(ticks.filter((t) => t.major).map((t) => new Date(t.ms).getHours())).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
    expect(axisTicks("day", range, 2).every((t) => t.major)).toBe(true);
  });

  it("ticks the clock's hours on a day with a daylight saving change", () => {
    const ticks = axisTicks("day", viewRange("day", at(2026, 3, 29)), 2);
    expect(ticks).toHaveLength(23);
    expect(ticks.map((t) => new Date(t.ms).getHours())).not.toContain(2);
  });

  it("labels each day of a week, and each 6 h when zoomed in", () => {
    const range = viewRange("week", at(2026, 12, 3));
    expect(axisTicks("week", range, 1).filter((t) => t.major)).toHaveLength(7);
    expect(axisTicks("week", range, 4).filter((t) => t.major)).toHaveLength(28);
  });
});
