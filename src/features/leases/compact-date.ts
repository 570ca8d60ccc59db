// Short absolute times for dense tables, in the user's zone and locale:
// "20:12 UTC" today, "Tue, Nov 24, 10:00 UTC" another day this year, with
// the year otherwise. (Full forms: lib/format-date.)

const sameDay = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
const sameYear = new Intl.DateTimeFormat(undefined, { weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
const otherYear = new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });

export function formatCompactAbsolute(ms: number, nowMs: number): string {
  const d = new Date(ms);
  const now = new Date(nowMs);
  if (d.getFullYear() !== now.getFullYear()) return otherYear.format(d);
  if (d.getMonth() === now.getMonth() && d.getDate() === now.getDate()) return `today ${sameDay.format(d)}`;
  return sameYear.format(d);
}
