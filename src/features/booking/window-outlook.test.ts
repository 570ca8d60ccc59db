import { describe, expect, it } from "vitest";
import type { BoardFacts, Booking } from "@/domain/availability";
import { parseSelector, type Selector } from "@/domain/selector";
import { boardWindowOutlook, selectorWindowOutlook, type OutlookContext } from "@/features/booking/window-outlook";

const at = (h: number, m = 0) => Date.UTC(2026, 11, 3, h, m);
const clock = (ms: number) => new Date(ms).toISOString().slice(11, 16);
const WINDOW = { startMs: at(10), endMs: at(12) };

const BOARDS: BoardFacts[] = [
  { name: "rcar-s4-01", labels: { board: "rcar-s4" }, usable: true },
  { name: "rcar-s4-02", labels: { board: "rcar-s4" }, usable: true },
  { name: "rcar-s4-03", labels: { board: "rcar-s4" }, usable: true },
  { name: "rcar-s4-04", labels: { board: "rcar-s4" }, usable: false },
];

function booking(board: string | undefined, holder: string, startMs: number, endMs: number, lease = `${holder}-${startMs}`): Booking {
  return { lease, holder, kind: "scheduled", state: "scheduled", selector: board === undefined ? "board=rcar-s4" : "", tags: {}, startMs, endMs, ...(board === undefined ? {} : { board }) };
}

function ctx(bookings: Booking[], me = "alice"): OutlookContext {
  return { boards: BOARDS, bookings, me, unusableWhy: new Map([["rcar-s4-04", "offline"]]), clock };
}

function sel(text: string): Selector {
  const p = parseSelector(text);
  if (!p.ok) throw new Error(text);
  return p.selector;
}

describe("a board by name: its bookings around the window and what a clash would do", () => {
  it("free: says so, with nothing to confirm", () => {
    const o = boardWindowOutlook("rcar-s4-03", { window: WINDOW, endFixed: true, scheduled: true }, ctx([booking("rcar-s4-03", "bob", at(6), at(7))]));
    expect(o).toEqual({ tone: "free", headline: "rcar-s4-03 is free from 10:00 to 12:00.", lines: ["Also booked: bob, 06:00 to 07:00."], needsConfirmation: false });
  });

  it("held when the window opens: yours would wait, and a stored end keeps it (the issue's own words)", () => {
    const o = boardWindowOutlook("rcar-s4-03", { window: WINDOW, endFixed: true, scheduled: true }, ctx([booking("rcar-s4-03", "bob", at(9), at(10, 30))]));
    expect(o?.headline).toBe("Starts at 10:00 if rcar-s4-03 is free; it is booked by bob until 10:30, so yours would wait.");
    expect(o?.lines[0]).toBe("It would start at 10:30 and still end at 12:00 (1 h 30 min instead of 2 h).");
    expect(o).toMatchObject({ tone: "wait", needsConfirmation: true });
  });

  it("an immediate lease that waits runs its whole length from when it gets the board", () => {
    const o = boardWindowOutlook("rcar-s4-03", { window: WINDOW, endFixed: false, scheduled: false }, ctx([booking("rcar-s4-03", "bob", at(9), at(10, 30))]));
    expect(o?.lines[0]).toBe("It would start at 10:30 and run 2 h from then.");
  });

  it("a lease for now that would wait is warned about, not held back", () => {
    const o = boardWindowOutlook("rcar-s4-03", { window: WINDOW, endFixed: false, scheduled: false }, ctx([booking("rcar-s4-03", "bob", at(9), at(10, 30))]));
    expect(o).toMatchObject({ tone: "wait", needsConfirmation: false });
  });

  it("booked past the window: it would never run", () => {
    const o = boardWindowOutlook("rcar-s4-03", { window: WINDOW, endFixed: true, scheduled: true }, ctx([booking("rcar-s4-03", "bob", at(9), at(13))]));
    expect(o?.lines[0]).toBe("It would get the board only at 13:00, after your window ends, and end at once.");
  });

  it("a chain of holders, one of them you", () => {
    const o = boardWindowOutlook("rcar-s4-03", { window: WINDOW, endFixed: true, scheduled: true }, ctx([booking("rcar-s4-03", "bob", at(9), at(10, 30)), booking("rcar-s4-03", "alice", at(10, 30), at(11))]));
    expect(o?.headline).toBe("Starts at 10:00 if rcar-s4-03 is free; it is booked by bob until 10:30, then you until 11:00, so yours would wait.");
  });

  it("free at the start but booked later in the window: yours takes it and theirs waits", () => {
    const o = boardWindowOutlook("rcar-s4-03", { window: WINDOW, endFixed: true, scheduled: true }, ctx([booking("rcar-s4-03", "bob", at(11), at(13))]));
    expect(o).toMatchObject({ tone: "warn", needsConfirmation: true, headline: "rcar-s4-03 is free at 10:00, but it is booked by bob from 11:00 to 13:00." });
    expect(o?.lines[0]).toBe("Yours would get it at 10:00, and the later booking would wait until yours ends at 12:00.");
  });

  it("an offline board is named as such; an unknown one says nothing (the picker does)", () => {
    expect(boardWindowOutlook("rcar-s4-04", { window: WINDOW, endFixed: true, scheduled: true }, ctx([]))).toMatchObject({
      tone: "warn",
      lines: ["rcar-s4-04 is offline now: the controller assigns it only once it can be used again."],
    });
    expect(boardWindowOutlook("nope", { window: WINDOW, endFixed: true, scheduled: true }, ctx([]))).toBeUndefined();
  });
});

describe("a selector: free for the whole window, and who has the rest", () => {
  it("counts the free ones and names the booked and the unusable", () => {
    const o = selectorWindowOutlook(sel("board=rcar-s4"), { window: WINDOW, endFixed: true, scheduled: true }, ctx([booking("rcar-s4-01", "bob", at(11), at(13))]));
    expect(o).toEqual({
      tone: "free",
      headline: "2 of 4 matching boards are free for the whole window (10:00 to 12:00).",
      lines: ["Free for the whole window: rcar-s4-02, rcar-s4-03.", "rcar-s4-01: booked by bob, 11:00 to 13:00.", "Not usable now: rcar-s4-04 (offline)."],
      needsConfirmation: false,
    });
  });

  it("selector bookings in the window may take the free ones", () => {
    const o = selectorWindowOutlook(sel("board=rcar-s4"), { window: WINDOW, endFixed: true, scheduled: true }, ctx([booking("rcar-s4-01", "bob", at(9), at(13)), booking("rcar-s4-02", "bob", at(9), at(13)), booking(undefined, "carol", at(10), at(11))]));
    expect(o).toMatchObject({ tone: "warn", needsConfirmation: false, headline: "1 of 4 matching boards is free for the whole window, but 1 other booking by selector then may take it first." });
  });

  it("every match booked: yours would wait, with the first to come free", () => {
    const bookings = [booking("rcar-s4-01", "bob", at(9), at(10, 30)), booking("rcar-s4-02", "bob", at(8), at(11)), booking("rcar-s4-03", "dana", at(9, 30), at(12))];
    const o = selectorWindowOutlook(sel("board=rcar-s4"), { window: WINDOW, endFixed: true, scheduled: true }, ctx(bookings));
    expect(o?.headline).toBe("Every matching board is booked from 10:00 to 12:00: yours would wait.");
    expect(o?.lines[0]).toBe("The first to come free is rcar-s4-01. It would start at 10:30 and still end at 12:00 (1 h 30 min instead of 2 h).");
    expect(o?.needsConfirmation).toBe(true);
  });

  it("nothing matches: no outlook (the selector field says so)", () => {
    expect(selectorWindowOutlook(sel("board=nope"), { window: WINDOW, endFixed: true, scheduled: true }, ctx([]))).toBeUndefined();
  });
});
