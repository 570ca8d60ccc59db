// The exporter list's rows and what the toolbar does to them: search, status
// filter, sort, group, and the summary counts. Pure, so it is tested alone
// and stays fast for thousands of rows.
import type { ExporterState, ExporterStateKind } from "@/components/exporter-status";
import { EXPORTER_STATE_KINDS, exporterState } from "@/components/exporter-status";
import { exporterDeprecations, type DeprecatedLabel } from "@/domain/deprecated-labels";
import { holdsExporter, leaseExpiryAtMs } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";

export interface ExporterRow {
  readonly exporter: Exporter;
  /** The bare name (`rcar-s4-01`), used in URLs and shown to people. */
  readonly name: string;
  readonly state: ExporterState;
  /** The active lease holding this exporter, if any. */
  readonly lease?: Lease;
  /** The holder's bare client name. */
  readonly holder?: string;
  /** When the holder's lease ends (ms since the epoch), if known. */
  readonly endMs?: number;
  /** Its deprecated labels ([HL2]), in jmp's words; usually none. */
  readonly deprecated: readonly DeprecatedLabel[];
  /** What the search looks through, lower-cased once per row rather than once per keystroke. */
  readonly searchText: string;
}

export type SortKey = "name" | "status" | "board" | "time-left";
export const SORT_KEYS: readonly SortKey[] = ["name", "status", "board", "time-left"];
export const SORT_NAMES: Readonly<Record<SortKey, string>> = {
  name: "Name",
  status: "Status",
  board: "Board",
  "time-left": "Time left",
};

/**
 * The active leases that hold an exporter, by the exporter's bare name: the
 * ones naming it in `exporter`, with effective_begin_time and a last
 * condition `Ready True` ([S6]; an exporter has no "leased by" field).
 * Scheduled and pending leases hold nothing yet.
 */
export function holdingLeases(leases: readonly Lease[]): Map<string, Lease> {
  const byExporter = new Map<string, Lease>();
  for (const lease of leases) {
    if (!holdsExporter(lease)) continue;
    byExporter.set(shortName(lease.exporter ?? ""), lease);
  }
  return byExporter;
}

export function buildRows(exporters: readonly Exporter[], holding: ReadonlyMap<string, Lease>): ExporterRow[] {
  return exporters.map((exporter) => {
    const name = shortName(exporter.name);
    const lease = holding.get(name);
    const holder = lease?.client === undefined || lease.client === "" ? undefined : shortName(lease.client);
    const endMs = lease === undefined ? undefined : leaseExpiryAtMs(lease);
    return {
      exporter,
      name,
      state: exporterState(exporter, { held: lease !== undefined }),
      deprecated: exporterDeprecations(name, exporter.deprecatedLabels),
      searchText: rowSearchText(name, exporter.labels, holder),
      ...(lease === undefined ? {} : { lease }),
      ...(holder === undefined ? {} : { holder }),
      ...(endMs === undefined ? {} : { endMs }),
    };
  });
}

/** The name, each label value and `key=value`, and the holder, one per line, lower-cased. */
export function rowSearchText(name: string, labels: Readonly<Record<string, string>>, holder: string | undefined): string {
  return [name, ...Object.entries(labels).flatMap(([k, v]) => [v, `${k}=${v}`]), holder ?? ""].join("\n").toLowerCase();
}

/** The words of a search, lower-cased; none for blank text. */
export function searchWords(query: string): string[] {
  return query.toLowerCase().split(/\s+/).filter((w) => w !== "");
}

/**
 * Free-text search over the name, the label values (and `key=value`), and
 * the holder. Every word must match somewhere; case does not matter. Keeps
 * the rows' order, so rows sorted once stay sorted while typing.
 */
export function searchRows(rows: readonly ExporterRow[], query: string): readonly ExporterRow[] {
  const words = searchWords(query);
  if (words.length === 0) return rows;
  return rows.filter((row) => words.every((w) => row.searchText.includes(w)));
}

export function filterByState(rows: readonly ExporterRow[], kind: ExporterStateKind | undefined): readonly ExporterRow[] {
  return kind === undefined ? rows : rows.filter((r) => r.state.kind === kind);
}

// Natural order: rcar-s4-2 before rcar-s4-10, as people count boards.
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });

const byName = (a: ExporterRow, b: ExporterRow): number => collator.compare(a.name, b.name);

/** `first`, or the name order when `first` ties. */
const thenByName = (first: number, a: ExporterRow, b: ExporterRow): number => (first !== 0 ? first : byName(a, b));

function compareOptional(a: string | number | undefined, b: string | number | undefined): number {
  // Rows without the value go last, whatever the direction people expect.
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  if (typeof a === "string" && typeof b === "string") return collator.compare(a, b);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A new array sorted by `key`, ties broken by name. */
export function sortRows(rows: readonly ExporterRow[], key: SortKey): ExporterRow[] {
  const out = [...rows];
  switch (key) {
    case "name":
      return out.sort(byName);
    case "status":
      return out.sort((a, b) => thenByName(EXPORTER_STATE_KINDS.indexOf(a.state.kind) - EXPORTER_STATE_KINDS.indexOf(b.state.kind), a, b));
    case "board":
      return out.sort((a, b) => thenByName(compareOptional(a.exporter.labels["board"], b.exporter.labels["board"]), a, b));
    case "time-left":
      // Soonest to end first: who frees up next.
      return out.sort((a, b) => thenByName(compareOptional(a.endMs, b.endMs), a, b));
  }
}

export interface RowGroup {
  /** The label value, or undefined for exporters without the key. */
  readonly value: string | undefined;
  readonly rows: readonly ExporterRow[];
}

/** Groups (already sorted) rows by a label's value; groups by value, the unlabelled last. */
export function groupRows(rows: readonly ExporterRow[], labelKey: string): RowGroup[] {
  const groups = new Map<string | undefined, ExporterRow[]>();
  for (const row of rows) {
    const value = row.exporter.labels[labelKey];
    const list = groups.get(value);
    if (list === undefined) groups.set(value, [row]);
    else list.push(row);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => compareOptional(a, b))
    .map(([value, groupRowsList]) => ({ value, rows: groupRowsList }));
}

export type StateCounts = Readonly<Record<ExporterStateKind, number>>;

export function countStates(rows: readonly ExporterRow[]): StateCounts {
  const counts: Record<ExporterStateKind, number> = {
    available: 0,
    leased: 0,
    "hook-running": 0,
    "hook-failed": 0,
    offline: 0,
    disabled: 0,
    unknown: 0,
  };
  for (const r of rows) counts[r.state.kind]++;
  return counts;
}

/** Every label key in use, the lab's usual ones (board, site) first, for "group by". */
export function labelKeys(exporters: readonly Exporter[]): string[] {
  const keys = new Set<string>();
  for (const e of exporters) for (const k of Object.keys(e.labels)) keys.add(k);
  const preferred = ["board", "site", "arch"];
  return [...keys].sort((a, b) => {
    const pa = preferred.indexOf(a);
    const pb = preferred.indexOf(b);
    if (pa >= 0 || pb >= 0) return (pa < 0 ? preferred.length : pa) - (pb < 0 ? preferred.length : pb);
    return collator.compare(a, b);
  });
}

/** A board someone could lease now: available (not held, enabled, online, no hook running or failed). */
export function isFreeRow(row: ExporterRow): boolean {
  return row.state.kind === "available";
}

/** One line of the list: a group header (with how many of its boards are free) or an exporter. */
export type ListItem =
  | {
      readonly kind: "group";
      readonly key: string;
      readonly groupKey: string;
      readonly value: string | undefined;
      /** Boards in the group (after search and status filter). */
      readonly count: number;
      /** Of those, the free ones. */
      readonly free: number;
      readonly collapsed: boolean;
    }
  | { readonly kind: "row"; readonly key: string; readonly row: ExporterRow };

/** Flattens rows (or groups, minus the collapsed ones' rows) into list lines. */
export function listItems(rows: readonly ExporterRow[], groups: readonly RowGroup[] | null, groupKey: string, collapsed: ReadonlySet<string>): ListItem[] {
  const rowItem = (row: ExporterRow): ListItem => ({ kind: "row", key: `row:${row.name}`, row });
  if (groups === null) return rows.map(rowItem);
  const items: ListItem[] = [];
  for (const g of groups) {
    const id = g.value ?? "";
    const isCollapsed = collapsed.has(id);
    const free = g.rows.reduce((n, r) => (isFreeRow(r) ? n + 1 : n), 0);
    items.push({ kind: "group", key: `group:${id}`, groupKey, value: g.value, count: g.rows.length, free, collapsed: isCollapsed });
    if (!isCollapsed) for (const r of g.rows) items.push(rowItem(r));
  }
  return items;
}

/** A group header's title: "board=rcar-s4", or "No board" for the unlabelled. */
export function groupTitle(groupKey: string, value: string | undefined): string {
  return value === undefined ? `No ${groupKey}` : `${groupKey}=${value}`;
}

/** "2 of 3 free": what a group header counts (free boards, not just boards). */
export function freeOfTotal(free: number, count: number): string {
  return `${free} of ${count} free`;
}
