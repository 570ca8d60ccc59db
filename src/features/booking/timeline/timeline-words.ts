// The timeline's sentences: what a bar, a free slot and a clash say, to the
// eye (titles) and to a screen reader (accessible names). Clock times come
// from the caller's formatter (the user's zone and locale). Pure.
import type { BoardOutlook, Booking, BookingKind, TimeWindow } from "@/domain/availability";

/** "14:05", "tomorrow 10:00": a point in time relative to now (formatClockTime). */
export type ClockFormat = (ms: number, nowMs: number) => string;

const KIND_WORDS: Readonly<Record<BookingKind, string>> = {
  held: "active",
  waiting: "waiting for a board",
  scheduled: "scheduled",
  ended: "ended",
};

export function kindWords(kind: BookingKind): string {
  return KIND_WORDS[kind];
}

/**
 * "tomorrow 10:00 to 12:00": the end without its day when it is the
 * start's; "tomorrow 12:00 to midnight" for the end of the start's day.
 */
export function windowWords(w: TimeWindow, nowMs: number, clock: ClockFormat): string {
  const start = clock(w.startMs, nowMs);
  // A time written without a day is on the day of the reference time.
  const onStartDay = (ms: number): boolean => clock(ms, w.startMs) === clock(ms, ms);
  if (onStartDay(w.endMs)) return `${start} to ${clock(w.endMs, w.endMs)}`;
  // Ends fall on whole minutes: a minute before the end still on the start's day is midnight.
  if (onStartDay(w.endMs - 60_000)) return `${start} to midnight`;
  return `${start} to ${clock(w.endMs, nowMs)}`;
}

export function tagWords(tags: Readonly<Record<string, string>>): string {
  return Object.entries(tags)
    .map(([k, v]) => `${k}=${v}`)
    .join(", ");
}

/** "alice, rcar-s4-03, tomorrow 10:00 to 12:00, scheduled, tags team=bsp". */
export function barName(b: Booking, nowMs: number, clock: ClockFormat): string {
  const where = b.board ?? `any board matching ${b.selector}`;
  const tags = tagWords(b.tags);
  return [b.holder, where, windowWords(b, nowMs, clock), kindWords(b.kind), ...(tags === "" ? [] : [`tags ${tags}`])].join(", ");
}

/** "Free tomorrow 12:00 to 18:00, book rcar-s4-03". */
export function freeSlotName(slot: TimeWindow, board: string, nowMs: number, clock: ClockFormat): string {
  return `Free ${windowWords(slot, nowMs, clock)}, book ${board}`;
}

function holderList(bookings: readonly Booking[], me: string): string {
  const names = [...new Set(bookings.map((b) => (b.holder === me ? "you" : b.holder)))];
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}`;
}

/**
 * What a booking of `window` on the outlook's board would meet, or
 * undefined when nothing clashes: "rcar-s4-03 is booked by bob until 10:30;
 * yours would wait until then". The controller queues, never refuses ([L2]).
 */
export function clashWords(outlook: BoardOutlook, window: TimeWindow, me: string, nowMs: number, clock: ClockFormat): string | undefined {
  if (outlook.clashes.length === 0) return undefined;
  const who = holderList(outlook.clashes, me);
  if (outlook.neverRuns) {
    return `${outlook.board} is booked by ${who} for the whole of that window; yours would get it only as the window ends, and end at once.`;
  }
  if (outlook.startsAtMs > window.startMs) {
    return `${outlook.board} is booked by ${who} until ${clock(outlook.startsAtMs, nowMs)}; yours would wait until then.`;
  }
  const first = outlook.clashes[0];
  const from = first === undefined ? window.startMs : first.startMs;
  return `${outlook.board} is booked by ${who} from ${clock(from, nowMs)}; yours would hold it first, and that booking would wait for yours to end.`;
}

/** The row's mark for a board the controller cannot assign now, or undefined. */
export function unusableWords(stateText: string, usable: boolean): string | undefined {
  return usable ? undefined : `${stateText}: cannot be assigned now`;
}
