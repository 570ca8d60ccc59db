// Times in the words people book in (issue 8): "10 min left" rather than a
// "10:27" that reads like a clock time; durations in days, hours and minutes,
// seconds only under a minute. One place, so every page says it alike.
import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from "./durations.js";

function parts(ms: number): { days: number; hours: number; minutes: number; seconds: number } {
  const total = Math.max(0, ms);
  return {
    days: Math.floor(total / DAY_MS),
    hours: Math.floor((total % DAY_MS) / HOUR_MS),
    minutes: Math.floor((total % HOUR_MS) / MINUTE_MS),
    seconds: Math.floor((total % MINUTE_MS) / SECOND_MS),
  };
}

const days = (n: number): string => (n === 1 ? "1 day" : `${n} days`);

/**
 * A length as people book it, truncated: "45 s", "30 min", "1 h", "2 h 30 min",
 * "1 day", "2 days 4 h". Seconds appear only under a minute; "0 s" for nothing.
 */
export function formatBookedDuration(ms: number): string {
  const { days: d, hours: h, minutes: m, seconds: s } = parts(ms);
  if (d > 0) return h > 0 ? `${days(d)} ${h} h` : days(d);
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  if (m > 0) return `${m} min`;
  return `${s} s`;
}

/**
 * Time left, rounded up to the minute so it never reads as over too soon:
 * "10 min left", "2 h 29 min left", "1 day 3 h left"; under a minute,
 * "45 s left"; "ended" once over.
 */
export function formatTimeLeft(ms: number): string {
  if (!(ms > 0)) return "ended";
  if (ms < MINUTE_MS) return `${Math.ceil(ms / SECOND_MS)} s left`;
  return `${formatBookedDuration(Math.ceil(ms / MINUTE_MS) * MINUTE_MS)} left`;
}
