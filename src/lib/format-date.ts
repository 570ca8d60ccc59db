// Absolute dates and times in the user's own time zone and locale.
import { formatBookedDuration } from "@/domain/time-words";

// Made on first use, not when the module loads: a formatter with time zone
// names costs Chromium about 35 ms to build (its zone data), which a page's
// first paint should not wait for when it shows no absolute time (issue 13).
let absolute: Intl.DateTimeFormat | undefined;
let withSeconds: Intl.DateTimeFormat | undefined;

// Components rather than dateStyle: dateStyle cannot be combined with timeZoneName.
const absoluteOptions: Intl.DateTimeFormatOptions = {
  weekday: "short",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  // Always show the zone: a lab is shared across sites.
  timeZoneName: "short",
};

const withSecondsOptions: Intl.DateTimeFormatOptions = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
};

/** "Fri, 21 Nov 2025, 10:00 CET" in the user's locale and zone. */
export function formatAbsolute(ms: number): string {
  absolute ??= new Intl.DateTimeFormat(undefined, absoluteOptions);
  return absolute.format(new Date(ms));
}

/** "21 Nov 2025, 10:00:05 CET", for condition transition times and refresh stamps. */
export function formatAbsoluteWithSeconds(ms: number): string {
  withSeconds ??= new Intl.DateTimeFormat(undefined, withSecondsOptions);
  return withSeconds.format(new Date(ms));
}

/** The ISO form for `<time dateTime>`. */
export function isoString(ms: number): string {
  return new Date(ms).toISOString();
}

// ---------------------------------------------------------------------------
// Clock times: "14:05", "tomorrow 10:00", "Wed 3 Dec 10:00"

export interface ClockTimeOptions {
  /** A BCP 47 locale; the user's by default (tests fix one). */
  readonly locale?: string;
  /** An IANA zone; the user's by default (tests fix one). */
  readonly timeZone?: string;
}

interface ClockFormats {
  readonly day: Intl.DateTimeFormat;
  readonly time: Intl.DateTimeFormat;
  readonly date: Intl.DateTimeFormat;
  readonly dateWithYear: Intl.DateTimeFormat;
}

function twelveHour(locale: string | undefined): boolean {
  const cycle = new Intl.DateTimeFormat(locale, { hour: "numeric" }).resolvedOptions().hourCycle;
  return cycle === "h11" || cycle === "h12";
}

const clockFormats = new Map<string, ClockFormats>();

function formatsFor(options: ClockTimeOptions): ClockFormats {
  const cacheKey = `${options.locale ?? ""}|${options.timeZone ?? ""}`;
  const cached = clockFormats.get(cacheKey);
  if (cached !== undefined) return cached;
  const base = options.timeZone === undefined ? {} : { timeZone: options.timeZone };
  const formats: ClockFormats = {
    // The calendar day in the zone, to tell today and tomorrow apart.
    day: new Intl.DateTimeFormat("en-CA", { ...base, year: "numeric", month: "2-digit", day: "2-digit" }),
    // "14:05" and "09:00" on a 24-hour clock, "2:05 PM" on a 12-hour one.
    time: new Intl.DateTimeFormat(options.locale, { ...base, hour: twelveHour(options.locale) ? "numeric" : "2-digit", minute: "2-digit" }),
    date: new Intl.DateTimeFormat(options.locale, { ...base, weekday: "short", day: "numeric", month: "short" }),
    dateWithYear: new Intl.DateTimeFormat(options.locale, { ...base, day: "numeric", month: "short", year: "numeric" }),
  };
  clockFormats.set(cacheKey, formats);
  return formats;
}

/** Days from the calendar day of `nowMs` to that of `ms`, in the formats' zone. */
function dayDistance(f: ClockFormats, ms: number, nowMs: number): number {
  // en-CA writes YYYY-MM-DD; read as UTC midnights, their difference is whole days.
  const utcDay = (t: number): number => Date.parse(`${f.day.format(new Date(t))}T00:00:00Z`);
  return Math.round((utcDay(ms) - utcDay(nowMs)) / 86_400_000);
}

/**
 * A point in time as a clock time, with as much date as it needs, in the
 * user's zone and locale: "14:05" today, "tomorrow 10:00", "yesterday
 * 18:30", "Wed 3 Dec 10:00" within half a year, "3 Dec 2026 10:00" further.
 * (The zone is the user's, so it is not named; `formatAbsolute` names it.)
 */
export function formatClockTime(ms: number, nowMs: number, options: ClockTimeOptions = {}): string {
  const f = formatsFor(options);
  const date = new Date(ms);
  const time = f.time.format(date);
  const days = dayDistance(f, ms, nowMs);
  if (days === 0) return time;
  if (days === 1) return `tomorrow ${time}`;
  if (days === -1) return `yesterday ${time}`;
  const far = Math.abs(ms - nowMs) > 182 * 86_400_000;
  return `${(far ? f.dateWithYear : f.date).format(date).replace(/,/g, "")} ${time}`;
}

/**
 * How far a point in time is, in the units people book in and rounded the
 * way "time left" is (up to the minute ahead, so the two never disagree):
 * "in 2 h 30 min", "in 45 s", "12 min ago", "just now" within 10 s.
 */
export function formatDistance(targetMs: number, nowMs: number): string {
  const diff = targetMs - nowMs;
  if (Math.abs(diff) < 10_000) return "just now";
  if (diff > 0) return `in ${formatBookedDuration(diff < 60_000 ? diff : Math.ceil(diff / 60_000) * 60_000)}`;
  return `${formatBookedDuration(-diff)} ago`;
}
