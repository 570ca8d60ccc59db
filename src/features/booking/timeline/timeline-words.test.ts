import { describe, expect, it } from "vitest";
import { boardOutlook, type Booking } from "@/domain/availability";
import { formatClockTime } from "@/lib/format-date";
import { barName, clashWords, freeSlotName, windowWords } from "@/features/booking/timeline/timeline-words";

// A fixed zone and locale, so the words do not depend on the machine's.
const clock = (ms: number, nowMs: number) => formatClockTime(ms, nowMs, { locale: "en-GB", timeZone: "Europe/Madrid" });
const H = 3_600_000;
// 2 Dec 2026 09:00 in Madrid.
const now = Date.UTC(2026, 11, 2, 8);
const tomorrow = (h: number, m = 0) => Date.UTC(2026, 11, 3, h - 1, m);

function booking(holder: string, startMs: number, endMs: number, extra: Partial<Booking> = {}, onBoard = true): Booking {
  const b: Booking = { lease: `${holder}-${startMs}`, holder, kind: "scheduled", state: "scheduled", selector: "", tags: {}, startMs, endMs, ...extra };
  return onBoard ? { board: "rcar-s4-03", ...b } : b;
}

describe("timeline words", () => {
  it("names a bar with holder, board, window, state and tags", () => {
    expect(barName(booking("alice", tomorrow(10), tomorrow(12), { tags: { team: "bsp" } }), now, clock)).toBe("alice, rcar-s4-03, tomorrow 10:00 to 12:00, scheduled, tags team=bsp");
    expect(barName(booking("bob", now - H, now + H, { kind: "waiting", selector: "board=rpi5" }, false), now, clock)).toBe("bob, any board matching board=rpi5, 08:00 to 10:00, waiting for a board");
  });

  it("names a free slot with the board it books, and a window across midnight with both days", () => {
    expect(freeSlotName({ startMs: tomorrow(12), endMs: tomorrow(18) }, "rcar-s4-03", now, clock)).toBe("Free tomorrow 12:00 to 18:00, book rcar-s4-03");
    expect(windowWords({ startMs: now + 12 * H, endMs: now + 16 * H }, now, clock)).toBe("21:00 to tomorrow 01:00");
    expect(windowWords({ startMs: tomorrow(12), endMs: tomorrow(24) }, now, clock)).toBe("tomorrow 12:00 to midnight");
    expect(windowWords({ startMs: tomorrow(12), endMs: tomorrow(24, 1) }, now, clock)).toBe("tomorrow 12:00 to Fri 4 Dec 00:01");
  });

  it("says who holds the board and how long yours would wait", () => {
    const window = { startMs: tomorrow(10), endMs: tomorrow(12) };
    const bobs = [booking("bob", tomorrow(9), tomorrow(10, 30))];
    expect(clashWords(boardOutlook("rcar-s4-03", true, bobs, window), window, "carol", now, clock)).toBe(
      "rcar-s4-03 is booked by bob until tomorrow 10:30; yours would wait until then.",
    );
    const later = [booking("alice", tomorrow(11), tomorrow(13))];
    expect(clashWords(boardOutlook("rcar-s4-03", true, later, window), window, "alice", now, clock)).toBe(
      "rcar-s4-03 is booked by you from tomorrow 11:00; yours would hold it first, and that booking would wait for yours to end.",
    );
    const whole = [booking("alice", tomorrow(9), tomorrow(12)), booking("bob", tomorrow(12), tomorrow(13))];
    expect(clashWords(boardOutlook("rcar-s4-03", true, whole, window), window, "carol", now, clock)).toMatch(/^rcar-s4-03 is booked by alice for the whole of that window/);
    expect(clashWords(boardOutlook("rcar-s4-03", true, [], window), window, "carol", now, clock)).toBeUndefined();
  });
});
