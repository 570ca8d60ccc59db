// The create form's link: what a link to /leases/new can fill in (the board
// or a selector, the length or the window, the tags) and its query string.
// "Lease this board", "Lease it again" and the timeline's free slots write
// it; the booking form reads it back. Pure.
import { parseDuration } from "@/domain/durations";

export interface TagRow {
  readonly key: string;
  readonly value: string;
}

/** What a link can fill in: the board or selector, the length or the window, the tags ("Lease this board", "Lease it again"). */
export interface CreateLeasePrefill {
  readonly exporter?: string | null;
  readonly selector?: string | null;
  readonly durationMs?: number;
  readonly beginMs?: number;
  readonly endMs?: number;
  readonly tags?: readonly TagRow[];
}

/** A duration as the custom field reads it (parseDuration): "2h", "1h30m", "1d4h", "45s". */
export function durationText(ms: number): string {
  let rest = Math.round(ms / 1000);
  const parts: string[] = [];
  for (const [size, unit] of [
    [86_400, "d"],
    [3_600, "h"],
    [60, "m"],
    [1, "s"],
  ] as const) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.length === 0 ? "0s" : parts.join("");
}

/** The create form's query string for `prefill`. */
export function createPrefillSearch(prefill: CreateLeasePrefill): string {
  const params = new URLSearchParams();
  if ((prefill.exporter ?? "") !== "") params.set("exporter", prefill.exporter ?? "");
  if ((prefill.selector ?? "") !== "") params.set("selector", prefill.selector ?? "");
  if (prefill.durationMs !== undefined) params.set("duration", durationText(prefill.durationMs));
  if (prefill.beginMs !== undefined) params.set("start", new Date(prefill.beginMs).toISOString());
  if (prefill.endMs !== undefined) params.set("end", new Date(prefill.endMs).toISOString());
  for (const t of prefill.tags ?? []) params.append("tag", `${t.key}=${t.value}`);
  return params.toString();
}

/**
 * The prefill a create URL carries: `exporter`, `selector`, `duration` (as
 * typed: "2h", "1h30m"), `start` and `end` (ISO times), `tag=key=value`
 * (repeated). What does not read is left out, never refused: the form shows
 * the rest and the user fills in what is missing.
 */
export function readCreatePrefill(params: URLSearchParams): CreateLeasePrefill {
  const time = (name: string): number | undefined => {
    const text = params.get(name);
    if (text === null) return undefined;
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? undefined : ms;
  };
  const durationParam = params.get("duration");
  const duration = durationParam === null ? undefined : parseDuration(durationParam);
  const beginMs = time("start");
  const endMs = time("end");
  const tags = params.getAll("tag").flatMap((t): TagRow[] => {
    const eq = t.indexOf("=");
    return eq <= 0 ? [] : [{ key: t.slice(0, eq), value: t.slice(eq + 1) }];
  });
  return {
    exporter: params.get("exporter"),
    selector: params.get("selector"),
    ...(duration?.ok === true ? { durationMs: duration.ms } : {}),
    ...(beginMs === undefined ? {} : { beginMs }),
    ...(endMs === undefined ? {} : { endMs }),
    ...(tags.length === 0 ? {} : { tags }),
  };
}
