// Absolute dates and times in the user's own time zone and locale.

// Components rather than dateStyle: dateStyle cannot be combined with timeZoneName.
const absolute = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  // Always show the zone: a lab is shared across sites.
  timeZoneName: "short",
});

const withSeconds = new Intl.DateTimeFormat(undefined, {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  timeZoneName: "short",
});

/** "Fri, 21 Nov 2025, 10:00 CET" in the user's locale and zone. */
export function formatAbsolute(ms: number): string {
  return absolute.format(new Date(ms));
}

/** "21 Nov 2025, 10:00:05 CET", for condition transition times and refresh stamps. */
export function formatAbsoluteWithSeconds(ms: number): string {
  return withSeconds.format(new Date(ms));
}

/** The ISO form for `<time dateTime>`. */
export function isoString(ms: number): string {
  return new Date(ms).toISOString();
}
