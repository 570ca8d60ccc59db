// The `<input type="datetime-local">` value format ("2025-11-21T10:00"), read
// and written in the user's own time zone. Pure.

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;

/** Epoch ms of a datetime-local value in the user's zone; undefined when empty or malformed. */
export function parseLocalDateTime(text: string): number | undefined {
  const m = LOCAL_DATE_TIME.exec(text.trim());
  if (m === null) return undefined;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map((s) => (s === undefined ? 0 : Number(s)));
  const date = new Date(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  // Reject impossible dates ("2025-02-30") rather than letting Date roll them over.
  if (date.getFullYear() !== year || date.getMonth() !== (month ?? 1) - 1 || date.getDate() !== day) return undefined;
  return date.getTime();
}

const pad = (n: number): string => String(n).padStart(2, "0");

/** The datetime-local value (to the minute) for `ms` in the user's zone. */
export function formatLocalDateTime(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
