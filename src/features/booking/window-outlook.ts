// What the create form says about the chosen window before anything is sent:
// for a selector, how many matching boards are free for the whole window and
// who has the others then; for a board by name, its bookings around the
// window and what the controller would do with a clash. It queues rather than
// refuses ([L2] step 7: a lease whose board is held stays Pending), and a
// lease whose begin or end is stored still ends then ([TM3]), so a late
// start is a shorter lease. Pure: lab facts and a clock formatter in, words out.
import {
  boardOutlook,
  bookingsByBoard,
  overlaps,
  windowAvailability,
  type BoardFacts,
  type Booking,
  type TimeWindow,
} from "@/domain/availability";
import type { Selector } from "@/domain/selector";
import { formatBookedDuration } from "@/domain/time-words";

/** free: nothing in the way; warn: it may wait or push another booking back; wait: it would wait. */
export type OutlookTone = "free" | "warn" | "wait";

export interface WindowOutlook {
  readonly tone: OutlookTone;
  readonly headline: string;
  /** Further sentences, one per line: who has which board when, what would happen. */
  readonly lines: readonly string[];
  /** True when the window overlaps a booking: sending it takes an explicit "book anyway". */
  readonly needsConfirmation: boolean;
}

export interface OutlookContext {
  readonly boards: readonly BoardFacts[];
  /** Live bookings of the namespace (bookingsOf of the active leases). */
  readonly bookings: readonly Booking[];
  /** The signed-in client's bare name, to say "you" for its own bookings. */
  readonly me: string;
  /** Why an unusable board cannot be assigned now ("offline", "disabled"), by name. */
  readonly unusableWhy: ReadonlyMap<string, string>;
  /** A time in words, relative to now ("10:00", "tomorrow 10:00"). */
  readonly clock: (ms: number) => string;
}

export interface OutlookRequest {
  readonly window: TimeWindow;
  /** True when the request stores a begin or an end: it ends at the window's end even if it starts late ([TM3]). */
  readonly endFixed: boolean;
  /**
   * True for a booking at a chosen time: a clash then takes an explicit "book
   * anyway". A lease for now that would wait is only warned about: queueing
   * for a board in use is what such a lease is for.
   */
  readonly scheduled: boolean;
}

/** How far around a board's window its other bookings are listed. */
const AROUND_MS = 6 * 3_600_000;

function who(b: Booking, me: string): string {
  return b.holder === me ? "you" : b.holder;
}

function span(ctx: OutlookContext, b: TimeWindow): string {
  return `${ctx.clock(b.startMs)} to ${ctx.clock(b.endMs)}`;
}

/** What a lease that gets its board at `startMs` would be: its end stays, or it runs its full length from then. */
function lateStartWords(ctx: OutlookContext, req: OutlookRequest, startMs: number): string {
  const length = req.window.endMs - req.window.startMs;
  if (startMs >= req.window.endMs) return `It would get the board only at ${ctx.clock(startMs)}, after your window ends, and end at once.`;
  if (req.endFixed) {
    return `It would start at ${ctx.clock(startMs)} and still end at ${ctx.clock(req.window.endMs)} (${formatBookedDuration(req.window.endMs - startMs)} instead of ${formatBookedDuration(length)}).`;
  }
  return `It would start at ${ctx.clock(startMs)} and run ${formatBookedDuration(length)} from then.`;
}

/** A lease of `board` for the window. */
export function boardWindowOutlook(board: string, req: OutlookRequest, ctx: OutlookContext): WindowOutlook | undefined {
  const facts = ctx.boards.find((b) => b.name === board);
  if (facts === undefined) return undefined;
  const own = bookingsByBoard(ctx.bookings).get(board) ?? [];
  const outlook = boardOutlook(board, facts.usable, own, req.window);
  const around = own.filter((b) => overlaps(b, { startMs: req.window.startMs - AROUND_MS, endMs: req.window.endMs + AROUND_MS }));
  const aroundLines = around
    .filter((b) => !outlook.clashes.includes(b))
    .map((b) => `Also booked: ${who(b, ctx.me)}, ${span(ctx, b)}.`);
  const why = ctx.unusableWhy.get(board);
  const unusableLine = facts.usable ? [] : [`${board} is ${why ?? "not usable"} now: the controller assigns it only once it can be used again.`];
  if (outlook.clashes.length === 0) {
    return {
      tone: facts.usable ? "free" : "warn",
      headline: `${board} is free from ${span(ctx, req.window)}.`,
      lines: [...unusableLine, ...aroundLines],
      needsConfirmation: false,
    };
  }
  if (outlook.startsAtMs > req.window.startMs) {
    // Someone holds it when the window opens: yours waits for the chain of holders.
    const blocking = outlook.clashes.filter((b) => b.startMs <= req.window.startMs || b.startMs < outlook.startsAtMs);
    const holders = blocking.map((b) => `${who(b, ctx.me)} until ${ctx.clock(b.endMs)}`).join(", then ");
    return {
      tone: "wait",
      headline: `Starts at ${ctx.clock(req.window.startMs)} if ${board} is free; it is booked by ${holders}, so yours would wait.`,
      lines: [lateStartWords(ctx, req, outlook.startsAtMs), ...unusableLine, ...outlook.clashes.filter((b) => !blocking.includes(b)).map((b) => `Also booked then: ${who(b, ctx.me)}, ${span(ctx, b)}.`), ...aroundLines],
      needsConfirmation: req.scheduled,
    };
  }
  // Free when the window opens, booked later in it: yours would take it first and theirs would wait.
  const later = outlook.clashes.map((b) => `${who(b, ctx.me)} from ${span(ctx, b)}`).join("; ");
  return {
    tone: "warn",
    headline: `${board} is free at ${ctx.clock(req.window.startMs)}, but it is booked by ${later}.`,
    lines: [`Yours would get it at ${ctx.clock(req.window.startMs)}, and the later booking would wait until yours ends at ${ctx.clock(req.window.endMs)}.`, ...unusableLine, ...aroundLines],
    needsConfirmation: req.scheduled,
  };
}

const NAMES_SHOWN = 6;

function names(list: readonly string[]): string {
  return list.length <= NAMES_SHOWN ? list.join(", ") : `${list.slice(0, NAMES_SHOWN).join(", ")} and ${list.length - NAMES_SHOWN} more`;
}

/** A lease of any board matching `selector` for the window; undefined when nothing matches (the selector field says so). */
export function selectorWindowOutlook(selector: Selector, req: OutlookRequest, ctx: OutlookContext): WindowOutlook | undefined {
  const a = windowAvailability(ctx.boards, ctx.bookings, selector, req.window);
  if (a.matching === 0) return undefined;
  const bookedLines = a.booked.slice(0, NAMES_SHOWN).map((o) => `${o.board}: booked by ${o.clashes.map((b) => `${who(b, ctx.me)}, ${span(ctx, b)}`).join("; ")}.`);
  if (a.booked.length > NAMES_SHOWN) bookedLines.push(`${a.booked.length - NAMES_SHOWN} more booked then.`);
  const unusableLines = a.unusable.length === 0 ? [] : [`Not usable now: ${names(a.unusable.map((n) => `${n} (${ctx.unusableWhy.get(n) ?? "not usable"})`))}.`];
  const of = `${a.freeForWindow.length} of ${a.matching} matching ${a.matching === 1 ? "board" : "boards"} ${a.freeForWindow.length === 1 ? "is" : "are"}`;
  if (a.likelyToWait) {
    const first = a.booked.filter((o) => o.usable).reduce<(typeof a.booked)[number] | undefined>((best, o) => (best === undefined || o.startsAtMs < best.startsAtMs ? o : best), undefined);
    const firstLine =
      first === undefined
        ? "None of them can be used now, so the controller keeps it waiting until one can."
        : first.startsAtMs > req.window.startMs
          ? `The first to come free is ${first.board}. ${lateStartWords(ctx, req, first.startsAtMs)}`
          : `${first.board} is free when your window opens, but booked later in it: yours would take it and that booking would wait.`;
    return {
      tone: "wait",
      headline: `Every matching board is booked from ${span(ctx, req.window)}: yours would wait.`,
      lines: [firstLine, ...bookedLines, ...unusableLines],
      needsConfirmation: req.scheduled,
    };
  }
  const freeLine = `Free for the whole window: ${names(a.freeForWindow)}.`;
  if (a.mayWait) {
    const n = a.contending.length;
    return {
      tone: "warn",
      headline: `${of} free for the whole window, but ${n} other ${n === 1 ? "booking" : "bookings"} by selector then may take ${a.freeForWindow.length === 1 ? "it" : "them"} first.`,
      lines: [freeLine, `If ${n === 1 ? "it does" : "they do"}, yours would wait for the next free board.`, ...bookedLines, ...unusableLines],
      needsConfirmation: false,
    };
  }
  return {
    tone: "free",
    headline: `${of} free for the whole window (${span(ctx, req.window)}).`,
    lines: [freeLine, ...bookedLines, ...unusableLines],
    needsConfirmation: false,
  };
}
