// What one timeline row holds, left to right: its bookings' bars and the
// free stretches between them from now on, each clipped to the range shown.
// The row's keyboard order (a roving tabindex) is this order. Pure.
import { freeSlots, type Booking, type TimeWindow } from "@/domain/availability";
import { clipToRange } from "@/features/booking/timeline/time-axis";

export type RowItem =
  | {
      readonly kind: "bar";
      readonly key: string;
      readonly booking: Booking;
      readonly shown: TimeWindow;
      /** Bars that overlap share the row's height: this one's lane, of `lanes` in its cluster. */
      readonly lane: number;
      readonly lanes: number;
    }
  | { readonly kind: "free"; readonly key: string; readonly slot: TimeWindow };

/** A free slot shorter than this is not worth booking or a tab stop. */
const MIN_FREE_MS = 60_000;

/**
 * The bars of a row, each in a lane: a board's bookings can overlap (a
 * waiting lease over the one holding it, a queued booking over its window),
 * and an overlapping bar must not hide another. Greedy, by start; a cluster of
 * bars that overlap one another shares its lane count.
 */
function barsInLanes(bookings: readonly Booking[], range: TimeWindow): Extract<RowItem, { kind: "bar" }>[] {
  const shownBars = bookings
    .map((booking) => ({ booking, shown: clipToRange(booking, range) }))
    .filter((b): b is { booking: Booking; shown: TimeWindow } => b.shown !== undefined)
    .sort((a, b) => a.shown.startMs - b.shown.startMs);
  const out: Extract<RowItem, { kind: "bar" }>[] = [];
  let cluster: { lane: number; index: number }[] = [];
  let laneEnds: number[] = [];
  let clusterEnd = Number.NEGATIVE_INFINITY;
  const close = (): void => {
    for (const c of cluster) out[c.index] = { ...(out[c.index] as Extract<RowItem, { kind: "bar" }>), lanes: laneEnds.length };
    cluster = [];
    laneEnds = [];
  };
  for (const { booking, shown } of shownBars) {
    if (shown.startMs >= clusterEnd) close();
    let lane = laneEnds.findIndex((end) => end <= shown.startMs);
    if (lane === -1) lane = laneEnds.push(shown.endMs) - 1;
    else laneEnds[lane] = shown.endMs;
    clusterEnd = cluster.length === 0 ? shown.endMs : Math.max(clusterEnd, shown.endMs);
    cluster.push({ lane, index: out.length });
    out.push({ kind: "bar", key: `bar:${booking.lease}`, booking, shown, lane, lanes: 1 });
  }
  close();
  return out;
}

export function rowItems(bookings: readonly Booking[], range: TimeWindow, nowMs: number, withFree: boolean): RowItem[] {
  const items: RowItem[] = [...barsInLanes(bookings, range)];
  if (withFree) {
    // Free from the next whole minute: the past cannot be booked.
    const from = Math.max(range.startMs, Math.ceil(nowMs / 60_000) * 60_000);
    if (from < range.endMs) {
      for (const slot of freeSlots(bookings, { startMs: from, endMs: range.endMs })) {
        if (slot.endMs - slot.startMs >= MIN_FREE_MS) items.push({ kind: "free", key: `free:${slot.startMs}`, slot });
      }
    }
  }
  const start = (i: RowItem): number => (i.kind === "bar" ? i.shown.startMs : i.slot.startMs);
  return items.sort((a, b) => start(a) - start(b));
}
