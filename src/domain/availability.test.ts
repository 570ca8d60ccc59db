import { describe, expect, it } from "vitest";
import {
  bookingOf,
  bookingsOf,
  boardOutlook,
  bookingsByBoard,
  freeSlots,
  overlaps,
  selectorLanes,
  windowAvailability,
  wouldStartAtMs,
  type BoardFacts,
  type Booking,
} from "@/domain/availability";
import { HOUR_MS, MINUTE_MS } from "@/domain/durations";
import { lease, type LeaseSpec } from "@/domain/lease-fixtures";
import { parseSelector, type Selector } from "@/domain/selector";

const NOW = Date.UTC(2026, 11, 2, 9, 0);
const at = (h: number, m = 0) => Date.UTC(2026, 11, 2, h, m);
const tomorrow = (h: number, m = 0) => Date.UTC(2026, 11, 3, h, m);

function sel(text: string): Selector {
  const p = parseSelector(text);
  if (!p.ok) throw new Error(text);
  return p.selector;
}

function pinned(spec: LeaseSpec & { exporterName: string }) {
  const l = lease({ ...spec, selector: "<none>" });
  l.exporterName = spec.exporterName;
  return l;
}

function must(b: Booking | undefined): Booking {
  if (b === undefined) throw new Error("no booking");
  return b;
}

describe("bookingOf: each stored shape of [TM2] as a stretch of time", () => {
  it("D, waiting for a board: from now, one duration long, on no board yet", () => {
    const b = must(bookingOf(lease({ name: "w", state: "pending", durationMs: HOUR_MS }), NOW));
    expect(b).toMatchObject({ kind: "waiting", startMs: NOW, endMs: NOW + HOUR_MS, selector: "board=rcar-s4", holder: "alice" });
    expect(b.board).toBeUndefined();
  });

  it("D, held: from the assignment to assignment + duration ([TM3])", () => {
    const b = bookingOf(lease({ name: "h", state: "ready", exporter: "rcar-s4-01", durationMs: HOUR_MS, effectiveBeginMs: at(8, 30) }), NOW);
    expect(b).toMatchObject({ kind: "held", board: "rcar-s4-01", startMs: at(8, 30), endMs: at(9, 30) });
  });

  it("BD, begin ahead: scheduled from begin for its duration", () => {
    const b = bookingOf(lease({ name: "s", durationMs: 2 * HOUR_MS, beginMs: tomorrow(10) }), NOW);
    expect(b).toMatchObject({ kind: "scheduled", startMs: tomorrow(10), endMs: tomorrow(12) });
  });

  it("BD, begin past and no board yet: waiting from now, still ending at begin + duration ([TM3])", () => {
    const b = bookingOf(lease({ name: "late", state: "pending", durationMs: HOUR_MS, beginMs: at(8, 30) }), NOW);
    expect(b).toMatchObject({ kind: "waiting", startMs: NOW, endMs: at(9, 30) });
  });

  it("BD, begin and duration both past: waiting, zero long (it would expire when assigned, [TM3])", () => {
    const b = bookingOf(lease({ name: "gone", state: "pending", durationMs: 30 * MINUTE_MS, beginMs: at(7) }), NOW);
    expect(b).toMatchObject({ kind: "waiting", startMs: NOW, endMs: NOW });
  });

  it("BD, assigned late: held until begin + duration, not assignment + duration ([TM3])", () => {
    const b = bookingOf(lease({ name: "l", state: "ready", exporter: "am62-01", durationMs: HOUR_MS, beginMs: at(8), effectiveBeginMs: at(8, 40) }), NOW);
    expect(b).toMatchObject({ kind: "held", startMs: at(8, 40), endMs: at(9) });
  });

  it("BED, ahead: its window", () => {
    const b = bookingOf(lease({ name: "win", durationMs: 2 * HOUR_MS, beginMs: tomorrow(10), endMs: tomorrow(12) }), NOW);
    expect(b).toMatchObject({ kind: "scheduled", startMs: tomorrow(10), endMs: tomorrow(12) });
  });

  it("BED from end + duration ('finish by'): the stored begin and end", () => {
    // [TM2]: end + duration is stored as begin = end - duration, end, duration.
    const b = bookingOf(lease({ name: "fin", durationMs: HOUR_MS, beginMs: tomorrow(11), endMs: tomorrow(12) }), NOW);
    expect(b).toMatchObject({ startMs: tomorrow(11), endMs: tomorrow(12) });
  });

  it("BED, held: until its end time", () => {
    const b = bookingOf(lease({ name: "hw", state: "ready", exporter: "x", durationMs: 2 * HOUR_MS, beginMs: at(8), endMs: at(10), effectiveBeginMs: at(8) }), NOW);
    expect(b).toMatchObject({ kind: "held", startMs: at(8), endMs: at(10) });
  });

  it("a lease by name carries its board before it has it", () => {
    const b = bookingOf(pinned({ name: "p", durationMs: HOUR_MS, beginMs: tomorrow(10), exporterName: "rcar-s4-03" }), NOW);
    expect(b).toMatchObject({ kind: "scheduled", board: "rcar-s4-03", selector: "" });
  });

  it("ended after holding a board: from assignment to its end; never held: no time on any board", () => {
    const ended = bookingOf(lease({ name: "e", state: "released", exporter: "x", durationMs: HOUR_MS, effectiveBeginMs: at(7), effectiveEndMs: at(7, 20) }), NOW);
    expect(ended).toMatchObject({ kind: "ended", state: "released", startMs: at(7), endMs: at(7, 20) });
    expect(bookingOf(lease({ name: "u", state: "unsatisfiable", durationMs: HOUR_MS }), NOW)).toBeUndefined();
    expect(bookingsOf([lease({ name: "u", state: "unsatisfiable", durationMs: HOUR_MS }), lease({ name: "b", durationMs: HOUR_MS, beginMs: at(11) }), lease({ name: "a", durationMs: HOUR_MS, beginMs: at(10) })], NOW).map((b) => b.lease)).toEqual(["a", "b"]);
  });
});

function booking(board: string | undefined, startMs: number, endMs: number, extra: Partial<Booking> = {}): Booking {
  return { lease: `${board ?? "sel"}-${startMs}`, holder: "bob", kind: "scheduled", state: "scheduled", selector: board === undefined ? "board=rcar-s4" : "", tags: {}, startMs, endMs, ...(board === undefined ? {} : { board }), ...extra };
}

describe("clashes and when a queued lease would start", () => {
  it("intervals are half-open: one ending at 10:00 leaves 10:00 free", () => {
    expect(overlaps({ startMs: at(9), endMs: at(10) }, { startMs: at(10), endMs: at(11) })).toBe(false);
    expect(overlaps({ startMs: at(9), endMs: at(10, 1) }, { startMs: at(10), endMs: at(11) })).toBe(true);
  });

  it("a booked board: yours waits until the chain of holders ends", () => {
    const list = [booking("b3", tomorrow(9), tomorrow(10, 30)), booking("b3", tomorrow(10, 30), tomorrow(11)), booking("b3", tomorrow(13), tomorrow(14))];
    const window = { startMs: tomorrow(10), endMs: tomorrow(12) };
    expect(wouldStartAtMs(list, window)).toBe(tomorrow(11));
    const o = boardOutlook("b3", true, list, window);
    expect(o.clashes.map((c) => c.startMs)).toEqual([tomorrow(9), tomorrow(10, 30)]);
    expect(o.neverRuns).toBe(false);
  });

  it("a board busy past the window's end: it would never run", () => {
    const o = boardOutlook("b3", true, [booking("b3", tomorrow(9), tomorrow(13))], { startMs: tomorrow(10), endMs: tomorrow(12) });
    expect(o).toMatchObject({ startsAtMs: tomorrow(13), neverRuns: true });
  });

  it("ended bookings and the lease being changed are not clashes", () => {
    const list = [booking("b3", tomorrow(9), tomorrow(11), { kind: "ended" }), booking("b3", tomorrow(10), tomorrow(11), { lease: "mine" })];
    const window = { startMs: tomorrow(10), endMs: tomorrow(12) };
    expect(boardOutlook("b3", true, list, window, "mine")).toMatchObject({ clashes: [], startsAtMs: tomorrow(10) });
  });
});

const BOARDS: BoardFacts[] = [
  { name: "rcar-s4-01", labels: { board: "rcar-s4" }, usable: true },
  { name: "rcar-s4-02", labels: { board: "rcar-s4" }, usable: true },
  { name: "rcar-s4-03", labels: { board: "rcar-s4" }, usable: true },
  { name: "rcar-s4-04", labels: { board: "rcar-s4" }, usable: false },
  { name: "am62-01", labels: { board: "am62" }, usable: true },
];
const WINDOW = { startMs: tomorrow(10), endMs: tomorrow(12) };

describe("windowAvailability: free for the whole window, not just now", () => {
  it("counts the matches free for the whole window and names who holds the others", () => {
    const bookings = [booking("rcar-s4-01", tomorrow(11), tomorrow(13), { holder: "bob" }), booking("am62-01", tomorrow(10), tomorrow(12))];
    const a = windowAvailability(BOARDS, bookings, sel("board=rcar-s4"), WINDOW);
    expect(a).toMatchObject({ matching: 4, freeForWindow: ["rcar-s4-02", "rcar-s4-03"], unusable: ["rcar-s4-04"], surelyFree: 2, likelyToWait: false, mayWait: false });
    // Free at 10:00, so a lease would get it then and bob's at 11:00 would wait: booked, not free for the window.
    expect(a.booked.map((o) => [o.board, o.clashes[0]?.holder, o.startsAtMs])).toEqual([["rcar-s4-01", "bob", tomorrow(10)]]);
  });

  it("a booking free now but taken later in the window is not free for it", () => {
    const a = windowAvailability(BOARDS.slice(2, 3), [booking("rcar-s4-03", tomorrow(11, 30), tomorrow(12, 30))], sel("board=rcar-s4"), WINDOW);
    expect(a.freeForWindow).toEqual([]);
    expect(a.likelyToWait).toBe(true);
  });

  it("selector bookings without a board contend for the free ones", () => {
    const bookings = [
      booking("rcar-s4-01", tomorrow(9), tomorrow(12)),
      booking(undefined, tomorrow(10), tomorrow(11), { lease: "s1" }),
      booking(undefined, tomorrow(11), tomorrow(12), { lease: "s2" }),
      booking(undefined, tomorrow(10), tomorrow(11), { lease: "am", selector: "board=am62" }),
    ];
    const a = windowAvailability(BOARDS, bookings, sel("board=rcar-s4"), WINDOW);
    expect(a.contending.map((b) => b.lease)).toEqual(["s1", "s2"]);
    expect(a).toMatchObject({ surelyFree: 0, likelyToWait: false, mayWait: true });
  });

  it("every match booked: yours would wait", () => {
    const bookings = BOARDS.filter((b) => b.labels.board === "am62").map((b) => booking(b.name, tomorrow(8), tomorrow(10, 30)));
    const a = windowAvailability(BOARDS, bookings, sel("board=am62"), WINDOW);
    expect(a).toMatchObject({ matching: 1, freeForWindow: [], likelyToWait: true });
    expect(a.booked[0]?.startsAtMs).toBe(tomorrow(10, 30));
  });
});

describe("the timeline's rows", () => {
  it("free slots are the gaps between live bookings in the range", () => {
    const list = bookingsByBoard([booking("b", tomorrow(10), tomorrow(11)), booking("b", tomorrow(12), tomorrow(13)), booking("b", tomorrow(12, 30), tomorrow(14))]).get("b") ?? [];
    expect(freeSlots(list, { startMs: tomorrow(9), endMs: tomorrow(15) })).toEqual([
      { startMs: tomorrow(9), endMs: tomorrow(10) },
      { startMs: tomorrow(11), endMs: tomorrow(12) },
      { startMs: tomorrow(14), endMs: tomorrow(15) },
    ]);
    expect(freeSlots([], WINDOW)).toEqual([WINDOW]);
  });

  it("selector bookings without a board get one lane per selector, with the boards they could take", () => {
    const lanes = selectorLanes(
      [booking(undefined, tomorrow(10), tomorrow(11)), booking(undefined, tomorrow(9), tomorrow(10)), booking(undefined, tomorrow(9), tomorrow(10), { selector: "board=am62" }), booking("x", 0, 1)],
      BOARDS,
    );
    expect(lanes.map((l) => [l.selector, l.bookings.length, l.candidates, l.bookings[0]?.startMs])).toEqual([
      ["board=am62", 1, 1, tomorrow(9)],
      ["board=rcar-s4", 2, 4, tomorrow(9)],
    ]);
  });
});
