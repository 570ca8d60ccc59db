// The timeline's time arithmetic: which stretch of time a day or week view
// shows in the user's own zone, where a time falls across the track, the
// snapping of a drag, zoom levels and the ticks of the axis. Local dates
// come from the JS Date in the browser's zone, so a day with a daylight
// saving change is 23 or 25 hours long, as the wall clock has it. Pure.
import type { TimeWindow } from "@/domain/availability";

export type TimelineView = "day" | "week";

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** How far a drag snaps: 30 min in the day view, 1 h in the week view. */
export function snapStepMs(view: TimelineView): number {
  return view === "day" ? HOUR_MS / 2 : HOUR_MS;
}

const DATE_TEXT = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a "2026-12-03" date; undefined when it is not a real date. */
export function parseDateText(text: string): number | undefined {
  const m = DATE_TEXT.exec(text.trim());
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return undefined;
  return date.getTime();
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** "2026-12-03" for the local date of `ms`. */
export function dateText(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local midnight of the day `ms` falls in, moved by `days` calendar days. */
export function startOfLocalDay(ms: number, days = 0): number {
  const d = new Date(ms);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime();
}

/** The stretch a view shows for a date: that local day, or the Monday-to-Sunday week it falls in. */
export function viewRange(view: TimelineView, dayMs: number): TimeWindow {
  if (view === "day") return { startMs: startOfLocalDay(dayMs), endMs: startOfLocalDay(dayMs, 1) };
  const weekday = (new Date(dayMs).getDay() + 6) % 7; // Monday 0 ... Sunday 6
  return { startMs: startOfLocalDay(dayMs, -weekday), endMs: startOfLocalDay(dayMs, 7 - weekday) };
}

/** The date a step back or forward shows: a day in the day view, a week in the week view. */
export function shiftDate(view: TimelineView, dayMs: number, steps: number): number {
  return startOfLocalDay(dayMs, steps * (view === "day" ? 1 : 7));
}

/** Where `ms` falls across `range`, 0 at its start and 1 at its end (outside: below 0 or above 1). */
export function fractionOf(range: TimeWindow, ms: number): number {
  return (ms - range.startMs) / (range.endMs - range.startMs);
}

/** The time at `fraction` across `range`. */
export function timeAtFraction(range: TimeWindow, fraction: number): number {
  return range.startMs + fraction * (range.endMs - range.startMs);
}

/** The time under a pointer at `x` on a track drawn from `left` for `width` pixels, within the range. */
export function timeAtX(range: TimeWindow, left: number, width: number, x: number): number {
  if (width <= 0) return range.startMs;
  return timeAtFraction(range, Math.min(1, Math.max(0, (x - left) / width)));
}

/** `ms` snapped to the nearest step counted from `originMs` (local midnight, so steps fall on the clock's half hours). */
export function snapTime(ms: number, originMs: number, stepMs: number): number {
  return originMs + Math.round((ms - originMs) / stepMs) * stepMs;
}

/**
 * The window a drag from `fromMs` to `toMs` selects: both ends snapped, in
 * order, at least one step long, within the range.
 */
export function dragWindow(range: TimeWindow, fromMs: number, toMs: number, stepMs: number): TimeWindow {
  let start = snapTime(Math.min(fromMs, toMs), range.startMs, stepMs);
  let end = snapTime(Math.max(fromMs, toMs), range.startMs, stepMs);
  if (end <= start) {
    // A click, or a drag shorter than half a step: the step under the pointer.
    start = range.startMs + Math.floor((Math.min(fromMs, toMs) - range.startMs) / stepMs) * stepMs;
    end = start + stepMs;
  }
  start = Math.max(range.startMs, start);
  end = Math.min(range.endMs, end);
  return { startMs: start, endMs: Math.max(start, end) };
}

/** The zoom levels: how many times the visible width the track is. */
export const ZOOM_LEVELS = [1, 2, 4, 8] as const;
export type Zoom = (typeof ZOOM_LEVELS)[number];

/** The nearest zoom level at or below `value` (1 for anything unreadable). */
export function clampZoom(value: number): Zoom {
  let out: Zoom = 1;
  for (const z of ZOOM_LEVELS) if (value >= z) out = z;
  return out;
}

/** The next level in (+1) or out (-1), staying within the levels. */
export function stepZoom(zoom: Zoom, direction: 1 | -1): Zoom {
  const i = ZOOM_LEVELS.indexOf(zoom) + direction;
  return ZOOM_LEVELS[Math.min(ZOOM_LEVELS.length - 1, Math.max(0, i))] ?? zoom;
}

export interface Tick {
  readonly ms: number;
  /** Across the range, 0 to 1. */
  readonly fraction: number;
  /** Major ticks carry a label (a day, or an hour); minor ones are lines. */
  readonly major: boolean;
}

/**
 * The axis ticks: in the day view every hour, a label every `labelHours`
 * (fewer when zoomed out); in the week view every 6 hours, a label each day
 * (and each 6 hours once zoomed in enough).
 */
export function axisTicks(view: TimelineView, range: TimeWindow, zoom: Zoom): Tick[] {
  const ticks: Tick[] = [];
  const stepHours = view === "day" ? 1 : 6;
  const labelEvery = view === "day" ? (zoom >= 2 ? 1 : 2) : zoom >= 4 ? 6 : 24;
  // Walk local clock hours from local midnight, so a DST day still ticks on the clock's hours.
  const start = new Date(range.startMs);
  for (let h = 0; ; h += stepHours) {
    const ms = new Date(start.getFullYear(), start.getMonth(), start.getDate(), h).getTime();
    if (ms >= range.endMs) break;
    // The hour a spring-forward skips reads as the next one: tick it once.
    if (ticks.at(-1)?.ms === ms) continue;
    ticks.push({ ms, fraction: fractionOf(range, ms), major: new Date(ms).getHours() % labelEvery === 0 });
  }
  return ticks;
}

/** Live bookings and free time are only worth drawing where they cross the range. */
export function clipToRange(window: TimeWindow, range: TimeWindow): TimeWindow | undefined {
  const startMs = Math.max(window.startMs, range.startMs);
  const endMs = Math.min(window.endMs, range.endMs);
  return endMs > startMs ? { startMs, endMs } : undefined;
}
