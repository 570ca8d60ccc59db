// What one timeline row holds, left to right: its bookings' bars and the
// free stretches between them from now on, each clipped to the range shown.
// The row's keyboard order (a roving tabindex) is this order. Pure.
import { freeSlots, type Booking, type TimeWindow } from "@/domain/availability";
import { clipToRange } from "@/features/booking/timeline/time-axis";

export type RowItem =
  | { readonly kind: "bar"; readonly key: string; readonly booking: Booking; readonly shown: TimeWindow }
  | { readonly kind: "free"; readonly key: string; readonly slot: TimeWindow };

/** A free slot shorter than this is not worth booking or a tab stop. */
const MIN_FREE_MS = 60_000;

export function rowItems(bookings: readonly Booking[], range: TimeWindow, nowMs: number, withFree: boolean): RowItem[] {
  const items: RowItem[] = [];
  for (const b of bookings) {
    const shown = clipToRange(b, range);
    if (shown !== undefined) items.push({ kind: "bar", key: `bar:${b.lease}`, booking: b, shown });
  }
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
