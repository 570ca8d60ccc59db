// When each board is taken, and what a booking for a window would meet: the
// leases of the namespace as stretches of time on boards ([TM2] shapes D, BD
// and BED; [TM3] expiry; [TM4] a waiting lease holds nothing yet), and the
// free-for-the-whole-window count the create form and the timeline show.
// The controller queues rather than refuses ([L2] steps 7-8: a lease that
// finds its board held waits, Pending), so a clash is a warning with what would happen, never
// a refusal. Epoch milliseconds, half-open intervals [start, end). Pure.
import type { Exporter, Lease } from "../gen/jumpstarter/client/v1/client_pb.js";
import { durationToMs, timestampToMs } from "./durations.js";
import { assignedAtMs, isLeaseEnded, leaseEndMs, leaseExpiryAtMs, leaseStatus, type LeaseState } from "./lease-status.js";
import { shortName } from "./resource-names.js";
import { matchesSelector, parseSelector, type Selector } from "./selector.js";

/**
 * held: it holds its board now; waiting: it wants a board now and has none;
 * scheduled: its begin time is ahead; ended: it held a board and is over.
 */
export type BookingKind = "held" | "waiting" | "scheduled" | "ended";

/** A lease as a stretch of time, on its board when it has or names one. */
export interface Booking {
  /** The lease's bare name (its id). */
  readonly lease: string;
  /** The holder's client name (bare). */
  readonly holder: string;
  readonly kind: BookingKind;
  readonly state: LeaseState;
  /** The board it holds, held, or asked for by name; undefined for a selector lease without a board yet. */
  readonly board?: string;
  /** The selector it asks with ("" when it names its board). */
  readonly selector: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly startMs: number;
  /** Expected end; for a waiting lease, as if its board came now. Never before startMs. */
  readonly endMs: number;
}

export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

function nonEmpty(s: string | undefined): string | undefined {
  return s === undefined || s.trim() === "" ? undefined : s;
}

/** The board a lease holds, or held, or named; undefined for a selector lease without one. */
function leaseBoard(lease: Lease): string | undefined {
  const held = nonEmpty(lease.exporter);
  if (held !== undefined) return shortName(held);
  return nonEmpty(lease.exporterName);
}

/**
 * The stretch of time `lease` takes at `nowMs`, by [TM2] shape:
 * - held (an exporter assigned): from the assignment to its expiry ([TM3]);
 * - ended after holding a board: from the assignment to its end; an ended
 *   lease that never held one took no time on any board (undefined);
 * - begin time ahead (BD, BED): its requested window, begin to end or
 *   begin + duration;
 * - waiting now (D, or a begin already past): from now, ending where [TM3]
 *   would end it were a board assigned now — now + duration for D, the
 *   stored end or begin + duration otherwise (at least now: such a lease
 *   expires the moment it is assigned).
 */
export function bookingOf(lease: Lease, nowMs: number): Booking | undefined {
  const status = leaseStatus(lease, nowMs);
  const board = leaseBoard(lease);
  const base = {
    lease: shortName(lease.name),
    holder: shortName(lease.client ?? ""),
    state: status.state,
    ...(board === undefined ? {} : { board }),
    selector: lease.selector === "<none>" ? "" : lease.selector,
    tags: lease.tags,
  };
  const assigned = assignedAtMs(lease);
  if (isLeaseEnded(lease)) {
    if (assigned === undefined || board === undefined) return undefined;
    const end = leaseEndMs(lease) ?? assigned;
    return { ...base, kind: "ended", startMs: assigned, endMs: Math.max(assigned, end) };
  }
  if (assigned !== undefined) {
    const expiry = leaseExpiryAtMs(lease) ?? assigned;
    return { ...base, kind: "held", startMs: assigned, endMs: Math.max(assigned, expiry) };
  }
  const durationMs = durationToMs(lease.duration) ?? 0;
  const beginMs = timestampToMs(lease.beginTime);
  const endMs = timestampToMs(lease.endTime);
  if (beginMs !== undefined && beginMs > nowMs) {
    const end = endMs ?? beginMs + durationMs;
    return { ...base, kind: "scheduled", startMs: beginMs, endMs: Math.max(beginMs, end) };
  }
  const end = endMs ?? (beginMs !== undefined ? beginMs + durationMs : nowMs + durationMs);
  return { ...base, kind: "waiting", startMs: nowMs, endMs: Math.max(nowMs, end) };
}

/** Every lease's booking at `nowMs` (ended ones that never held a board left out), by start. */
export function bookingsOf(leases: readonly Lease[], nowMs: number): Booking[] {
  const out: Booking[] = [];
  for (const l of leases) {
    const b = bookingOf(l, nowMs);
    if (b !== undefined) out.push(b);
  }
  return out.sort((a, b) => (a.startMs === b.startMs ? a.lease.localeCompare(b.lease) : a.startMs - b.startMs));
}

/** Half-open overlap: a booking ending at 10:00 leaves a 10:00 start free. */
export function overlaps(a: TimeWindow, b: TimeWindow): boolean {
  return a.startMs < b.endMs && b.startMs < a.endMs;
}

/** True for a booking that still takes time from now on (not ended). */
export function isLive(b: Booking): boolean {
  return b.kind !== "ended";
}

/** The live bookings on each board, by start. */
export function bookingsByBoard(bookings: readonly Booking[]): ReadonlyMap<string, readonly Booking[]> {
  const out = new Map<string, Booking[]>();
  for (const b of bookings) {
    if (b.board === undefined) continue;
    const list = out.get(b.board);
    if (list === undefined) out.set(b.board, [b]);
    else list.push(b);
  }
  for (const list of out.values()) list.sort((a, b) => a.startMs - b.startMs);
  return out;
}

/** Live bookings of `board` that overlap `window`, by start (ended ones are history, not clashes). */
export function clashesOn(boardBookings: readonly Booking[], window: TimeWindow, ignoreLease?: string): Booking[] {
  return boardBookings.filter((b) => isLive(b) && b.lease !== ignoreLease && overlaps(b, window)).sort((a, b) => a.startMs - b.startMs);
}

/**
 * When a lease of `board` for `window` would really get it: the window's
 * start if nothing clashes, else the end of the chain of bookings that hold
 * the board from then on (the controller keeps it Pending, [L2] step 7). Past the window's
 * end it would be assigned and expire at once ([TM3]).
 */
export function wouldStartAtMs(boardBookings: readonly Booking[], window: TimeWindow, ignoreLease?: string): number {
  let start = window.startMs;
  for (const b of clashesOn(boardBookings, { startMs: window.startMs, endMs: Number.MAX_SAFE_INTEGER }, ignoreLease)) {
    if (b.startMs > start) break;
    start = Math.max(start, b.endMs);
  }
  return start;
}

/** What a lease of one board for a window would meet. */
export interface BoardOutlook {
  readonly board: string;
  /** False when the board is offline, disabled or its hook failed: it cannot be assigned as things stand. */
  readonly usable: boolean;
  readonly clashes: readonly Booking[];
  /** When it would start: the window's start when free, later when it has to wait. */
  readonly startsAtMs: number;
  /** True when it would get the board only at or after the window's end (it would expire at once, [TM3]). */
  readonly neverRuns: boolean;
}

export function boardOutlook(board: string, usable: boolean, boardBookings: readonly Booking[], window: TimeWindow, ignoreLease?: string): BoardOutlook {
  const startsAtMs = wouldStartAtMs(boardBookings, window, ignoreLease);
  return { board, usable, clashes: clashesOn(boardBookings, window, ignoreLease), startsAtMs, neverRuns: startsAtMs >= window.endMs };
}

/** A board as availability sees it: its name, labels, and whether it can be assigned now. */
export interface BoardFacts {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly usable: boolean;
}

/** What a lease by selector for a window would meet. */
export interface WindowAvailability {
  /** Boards the selector matches. */
  readonly matching: number;
  /** Usable matching boards with no booking in the whole window, by name. */
  readonly freeForWindow: readonly string[];
  /** Matching boards booked during the window, with who holds them when. */
  readonly booked: readonly BoardOutlook[];
  /** Matching boards that cannot be assigned (offline, disabled, hook failed). */
  readonly unusable: readonly string[];
  /**
   * Live selector bookings without a board yet that overlap the window and
   * could take one of the free boards: each may take one before yours.
   */
  readonly contending: readonly Booking[];
  /** Free boards left if every contending booking takes one (never below 0). */
  readonly surelyFree: number;
  /** Every match is booked (or unusable) during the window: yours would wait. */
  readonly likelyToWait: boolean;
  /** The free ones may all be taken by contending bookings: yours may wait. */
  readonly mayWait: boolean;
}

export function windowAvailability(
  boards: readonly BoardFacts[],
  bookings: readonly Booking[],
  selector: Selector,
  window: TimeWindow,
  ignoreLease?: string,
): WindowAvailability {
  const byBoard = bookingsByBoard(bookings);
  const matches = boards.filter((b) => matchesSelector(selector, b.labels));
  const free: BoardFacts[] = [];
  const booked: BoardOutlook[] = [];
  const unusable: string[] = [];
  for (const b of matches) {
    const outlook = boardOutlook(b.name, b.usable, byBoard.get(b.name) ?? [], window, ignoreLease);
    if (outlook.clashes.length > 0) booked.push(outlook);
    else if (!b.usable) unusable.push(b.name);
    else free.push(b);
  }
  const contending = bookings.filter((bk) => {
    if (bk.board !== undefined || !isLive(bk) || bk.lease === ignoreLease || !overlaps(bk, window)) return false;
    const parsed = parseSelector(bk.selector);
    return parsed.ok && free.some((f) => matchesSelector(parsed.selector, f.labels));
  });
  const surelyFree = Math.max(0, free.length - contending.length);
  booked.sort((a, b) => (a.startsAtMs === b.startsAtMs ? a.board.localeCompare(b.board) : a.startsAtMs - b.startsAtMs));
  return {
    matching: matches.length,
    freeForWindow: free.map((f) => f.name).sort(),
    booked,
    unusable: unusable.sort(),
    contending,
    surelyFree,
    likelyToWait: free.length === 0,
    mayWait: free.length > 0 && surelyFree === 0,
  };
}

/** A stretch of a board's time with no live booking, within a range. */
export function freeSlots(boardBookings: readonly Booking[], range: TimeWindow): TimeWindow[] {
  const slots: TimeWindow[] = [];
  let cursor = range.startMs;
  for (const b of clashesOn(boardBookings, range)) {
    if (b.startMs > cursor) slots.push({ startMs: cursor, endMs: b.startMs });
    cursor = Math.max(cursor, b.endMs);
  }
  if (cursor < range.endMs) slots.push({ startMs: cursor, endMs: range.endMs });
  return slots;
}

/** A selector's bookings without a board, and how many boards it could take. */
export interface SelectorLane {
  readonly selector: string;
  readonly bookings: readonly Booking[];
  /** Boards the selector matches (usable or not). */
  readonly candidates: number;
}

/** The lanes of selector bookings that have no board yet (scheduled or waiting), one per selector text. */
export function selectorLanes(bookings: readonly Booking[], boards: readonly BoardFacts[]): SelectorLane[] {
  const bySelector = new Map<string, Booking[]>();
  for (const b of bookings) {
    if (b.board !== undefined || !isLive(b)) continue;
    const list = bySelector.get(b.selector);
    if (list === undefined) bySelector.set(b.selector, [b]);
    else list.push(b);
  }
  return [...bySelector.entries()]
    .map(([selector, list]) => {
      const parsed = parseSelector(selector);
      const candidates = parsed.ok ? boards.filter((f) => matchesSelector(parsed.selector, f.labels)).length : 0;
      return { selector, bookings: list.sort((a, b) => a.startMs - b.startMs), candidates };
    })
    .sort((a, b) => a.selector.localeCompare(b.selector));
}

/** BoardFacts from exporters, with `usable` decided by the caller (from the exporter's state). */
export function boardFacts(exporters: readonly Exporter[], usable: (e: Exporter) => boolean): BoardFacts[] {
  return exporters.map((e) => ({ name: shortName(e.name), labels: e.labels, usable: usable(e) }));
}
