// The wall's URL: ?group=<label key>&selector=<label selector>&interval=<seconds>.
// A wall is set up once by a person typing a URL; what they got wrong is
// said on the wall itself, in words, and the wall runs on with the default.
import { parseSelector } from "@/domain/selector";

export const DEFAULT_PAGE_SECONDS = 15;
export const MIN_PAGE_SECONDS = 5;
export const MAX_PAGE_SECONDS = 600;

export interface WallParams {
  /** The label to group by; undefined for one group. */
  readonly group?: string;
  /** A label selector sent as ListExporters' filter ("" for the whole lab). */
  readonly selector: string;
  /** How long each screen shows before the next, ms. */
  readonly pageMs: number;
  /** What was wrong in the URL, for the wall to say. */
  readonly problems: readonly string[];
}

export function readWallParams(search: URLSearchParams): WallParams {
  const problems: string[] = [];
  const group = (search.get("group") ?? "").trim();
  let selector = (search.get("selector") ?? "").trim();
  if (selector !== "") {
    const parsed = parseSelector(selector);
    if (!parsed.ok) {
      problems.push(`selector=${selector} is not a label selector (${parsed.error.message}); showing the whole lab`);
      selector = "";
    }
  }
  let pageMs = DEFAULT_PAGE_SECONDS * 1000;
  const interval = search.get("interval");
  if (interval !== null && interval.trim() !== "") {
    const seconds = Number(interval.trim().replace(/s$/, ""));
    if (!Number.isFinite(seconds) || seconds < MIN_PAGE_SECONDS || seconds > MAX_PAGE_SECONDS) {
      problems.push(`interval=${interval} must be a number of seconds from ${MIN_PAGE_SECONDS} to ${MAX_PAGE_SECONDS}; paging every ${DEFAULT_PAGE_SECONDS} s`);
    } else {
      pageMs = Math.round(seconds * 1000);
    }
  }
  return { ...(group === "" ? {} : { group }), selector, pageMs, problems };
}
