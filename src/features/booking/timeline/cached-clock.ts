// formatClockTime with its answers kept: a row's names repeat the same few
// times (midnight, now, the hours of bookings) and Intl formatting is the
// costliest part of drawing a row while scrolling. Bounded: cleared when full.
import { formatClockTime } from "@/lib/format-date";

const MAX_ENTRIES = 20_000;
const cache = new Map<string, string>();

export function cachedClock(ms: number, nowMs: number): string {
  // The words depend on the day of `nowMs` only through "today/tomorrow": key on its minute.
  const key = `${ms}|${Math.floor(nowMs / 60_000)}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const text = formatClockTime(ms, nowMs);
  cache.set(key, text);
  return text;
}
