import { describe, expect, it } from "vitest";
import type { Booking } from "@/domain/availability";
import { rowItems } from "@/features/booking/timeline/row-items";

const H = 3_600_000;
const day = { startMs: 0, endMs: 24 * H };

function booking(lease: string, kind: Booking["kind"], startMs: number, endMs: number): Booking {
  return { lease, holder: "bob", kind, state: "scheduled", board: "rcar-s4-03", selector: "", tags: {}, startMs, endMs };
}

describe("a row's items", () => {
  it("interleaves bars and free slots in time order, free only from now on", () => {
    const items = rowItems([booking("old", "ended", 1 * H, 2 * H), booking("b", "scheduled", 10 * H, 12 * H)], day, 3 * H + 20_000, true);
    expect(items.map((i) => (i.kind === "bar" ? `bar ${i.booking.lease}` : `free ${i.slot.startMs / H}-${i.slot.endMs / H}`))).toEqual([
      "bar old",
      `free ${(3 * H + 60_000) / H}-10`,
      "bar b",
      "free 12-24",
    ]);
  });

  it("clips bars to the range and leaves out those outside it", () => {
    const items = rowItems([booking("over", "held", -2 * H, 1 * H), booking("next-day", "scheduled", 25 * H, 26 * H)], day, -5 * H, false);
    expect(items).toEqual([{ kind: "bar", key: "bar:over", booking: expect.objectContaining({ lease: "over" }) as Booking, shown: { startMs: 0, endMs: H }, lane: 0, lanes: 1 }]);
  });

  it("puts overlapping bars in lanes, so none hides another; bars apart keep the whole row", () => {
    // bob holds the board 9-11; alice's lease waits on it from 10 to 12; carol's is booked 11-13; dana's alone at 15.
    const items = rowItems(
      [booking("bob", "held", 9 * H, 11 * H), booking("alice", "waiting", 10 * H, 12 * H), booking("carol", "scheduled", 11 * H, 13 * H), booking("dana", "scheduled", 15 * H, 16 * H)],
      day,
      0,
      false,
    );
    expect(items.map((i) => (i.kind === "bar" ? [i.booking.lease, i.lane, i.lanes] : []))).toEqual([
      ["bob", 0, 2],
      ["alice", 1, 2],
      ["carol", 0, 2],
      ["dana", 0, 1],
    ]);
  });

  it("offers no free time in a range that is over", () => {
    expect(rowItems([], day, 30 * H, true)).toEqual([]);
  });
});
