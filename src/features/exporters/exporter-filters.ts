// The exporter list's filters, kept in the URL so a view can be shared:
// ?selector=&q=&group=&sort=&status=
import { EXPORTER_STATE_KINDS, EXPORTER_STATE_NAMES, type ExporterStateKind } from "@/components/exporter-status";
import { SORT_KEYS, SORT_NAMES, type SortKey } from "@/features/exporters/exporter-rows";
import { selectorParam } from "@/features/exporters/selector-param";

export interface ExporterFilters {
  /** Label selector sent to the controller (as typed; only valid ones are written). */
  readonly selector: string;
  /** Free-text search, applied in the browser. */
  readonly q: string;
  /** Label key to group by; "" for no grouping. */
  readonly group: string;
  readonly sort: SortKey;
  /** Only exporters in this state; undefined for all. */
  readonly status: ExporterStateKind | undefined;
}

export const DEFAULT_SORT: SortKey = "name";

function isSortKey(v: string | null): v is SortKey {
  return v !== null && (SORT_KEYS as readonly string[]).includes(v);
}

function isStateKind(v: string | null): v is ExporterStateKind {
  return v !== null && (EXPORTER_STATE_KINDS as readonly string[]).includes(v);
}

export function readFilters(params: URLSearchParams): ExporterFilters {
  const sort = params.get("sort");
  const status = params.get("status");
  return {
    selector: selectorParam(params),
    q: params.get("q") ?? "",
    group: params.get("group") ?? "",
    sort: isSortKey(sort) ? sort : DEFAULT_SORT,
    status: isStateKind(status) ? status : undefined,
  };
}

/** New params with `patch` applied; defaults are left out so URLs stay short. */
export function writeFilters(params: URLSearchParams, patch: Partial<ExporterFilters>): URLSearchParams {
  const next = new URLSearchParams(params);
  const set = (key: string, value: string | undefined, fallback = ""): void => {
    if (value === undefined || value === fallback) next.delete(key);
    else next.set(key, value);
  };
  if ("selector" in patch) set("selector", patch.selector);
  if ("q" in patch) set("q", patch.q);
  if ("group" in patch) set("group", patch.group);
  if ("sort" in patch) set("sort", patch.sort, DEFAULT_SORT);
  if ("status" in patch) set("status", patch.status);
  return next;
}

/**
 * The filters behind the toolbar's "Filters" toggle that are in force, in
 * words ("only leased", "grouped by board", "sorted by time left"), so a
 * closed toggle still says what shapes the list.
 */
export function advancedFilterWords({ status, group, sort }: Pick<ExporterFilters, "status" | "group" | "sort">): string[] {
  const words: string[] = [];
  if (status !== undefined) words.push(`only ${EXPORTER_STATE_NAMES[status].toLowerCase()}`);
  if (group !== "") words.push(`grouped by ${group}`);
  if (sort !== DEFAULT_SORT) words.push(`sorted by ${SORT_NAMES[sort].toLowerCase()}`);
  return words;
}
