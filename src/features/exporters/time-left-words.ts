// The exporter list's "Time left": "1 h 20 min left" (formatTimeLeft, as the
// lease pages say it) and when that is, as a clock time beside it. Pure.
import { formatTimeLeft } from "@/domain/time-words";

/** Under this much time left a holder's board is about to free up: shown highlighted. */
export const ENDING_SOON_MS = 10 * 60_000;

export interface TimeLeftWords {
  /** "10 min left", "ended". */
  readonly left: string;
  /** The end as a clock time: "11:40" today, "Tue 11:40" within a week, "21 Nov, 11:40" later. */
  readonly until: string;
  readonly endingSoon: boolean;
}

const DAY_MS = 24 * 60 * 60_000;

function sameDay(a: Date, b: Date, timeZone: string | undefined): boolean {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
  return day.format(a) === day.format(b);
}

export function timeLeftWords(endMs: number, nowMs: number, locale?: string, timeZone?: string): TimeLeftWords {
  const left = endMs - nowMs;
  const end = new Date(endMs);
  const base = { hour: "2-digit", minute: "2-digit", timeZone } as const;
  const options: Intl.DateTimeFormatOptions = sameDay(end, new Date(nowMs), timeZone)
    ? base
    : endMs - nowMs < 6 * DAY_MS
      ? { ...base, weekday: "short" }
      : { ...base, day: "numeric", month: "short" };
  return {
    left: formatTimeLeft(left),
    until: new Intl.DateTimeFormat(locale, options).format(end),
    endingSoon: left > 0 && left < ENDING_SOON_MS,
  };
}
