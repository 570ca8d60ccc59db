// The timeline's view in the URL, so a view can be shared:
// ?view=day|week&date=YYYY-MM-DD&zoom=1|2|4|8&selector=&q=&group=
// The selector, search and group words are the exporters page's.
import { clampZoom, dateText, parseDateText, startOfLocalDay, type TimelineView, type Zoom } from "@/features/booking/timeline/time-axis";

export interface TimelineParams {
  readonly view: TimelineView;
  /** Local midnight of the date shown (today when the URL names none or a wrong one). */
  readonly dayMs: number;
  /** True when the URL's date did not read (then today is shown, and the page says so). */
  readonly badDate: boolean;
  readonly zoom: Zoom;
  /** Label selector, as typed (only valid ones are applied). */
  readonly selector: string;
  /** Free-text search over names, labels and holders. */
  readonly q: string;
  /** Label key to group rows by; "" for none. */
  readonly group: string;
}

export function readTimelineParams(params: URLSearchParams, nowMs: number): TimelineParams {
  const dateParam = params.get("date");
  const parsed = dateParam === null ? undefined : parseDateText(dateParam);
  const zoomParam = params.get("zoom");
  return {
    view: params.get("view") === "week" ? "week" : "day",
    dayMs: parsed ?? startOfLocalDay(nowMs),
    badDate: dateParam !== null && parsed === undefined,
    zoom: zoomParam === null ? 1 : clampZoom(Number(zoomParam)),
    selector: params.get("selector") ?? "",
    q: params.get("q") ?? "",
    group: params.get("group") ?? "",
  };
}

export type TimelinePatch = Partial<Pick<TimelineParams, "view" | "dayMs" | "zoom" | "selector" | "q" | "group">>;

/** New params with `patch` applied; defaults (day view, zoom 1, empty fields) are left out so URLs stay short. */
export function writeTimelineParams(params: URLSearchParams, patch: TimelinePatch): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string, fallback: string): void => {
    if (value === fallback) next.delete(key);
    else next.set(key, value);
  };
  if (patch.view !== undefined) set("view", patch.view, "day");
  if (patch.dayMs !== undefined) next.set("date", dateText(patch.dayMs));
  if (patch.zoom !== undefined) set("zoom", String(patch.zoom), "1");
  if (patch.selector !== undefined) set("selector", patch.selector, "");
  if (patch.q !== undefined) set("q", patch.q, "");
  if (patch.group !== undefined) set("group", patch.group, "");
  return next;
}
