// The timeline's rows: one per board (its state, its bookings), lanes for
// selector bookings that have no board yet, and group headings; filtered by
// the exporters page's label selector and search words, grouped by a label.
// Each board line carries a signature of what it draws, so a row redraws
// only when its own bookings or state change. Pure.
import { exporterState, type ExporterState, type ExporterStateKind } from "@/components/exporter-status";
import { bookingsByBoard, isLive, selectorLanes, type Booking, type BoardFacts } from "@/domain/availability";
import { shortName } from "@/domain/resource-names";
import { matchesSelector, parseSelector, type Selector } from "@/domain/selector";
import type { Exporter } from "@/gen/jumpstarter/client/v1/client_pb.js";

/** States in which the controller cannot assign a board ([S1], [S4]): marked on the row. */
const UNUSABLE: ReadonlySet<ExporterStateKind> = new Set(["offline", "disabled", "hook-failed"]);

export interface BoardLine {
  readonly kind: "board";
  readonly key: string;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly state: ExporterState;
  readonly usable: boolean;
  /** Its bookings (ended ones too), by start. */
  readonly bookings: readonly Booking[];
  /** What the search looks through, lower-cased: name, label values and key=value, holders. */
  readonly searchText: string;
  /** Changes whenever anything the row draws changes. */
  readonly signature: string;
}

export interface LaneLine {
  readonly kind: "lane";
  readonly key: string;
  readonly selector: string;
  /** Boards the selector matches in the whole lab. */
  readonly candidates: number;
  readonly bookings: readonly Booking[];
  readonly signature: string;
}

export interface GroupLine {
  readonly kind: "group";
  readonly key: string;
  readonly title: string;
  readonly count: number;
  readonly signature: string;
}

export type TimelineLine = BoardLine | LaneLine | GroupLine;

const collator = new Intl.Collator("en", { numeric: true });

function bookingSignature(b: Booking): string {
  return `${b.lease}:${b.kind}:${b.startMs}:${b.endMs}:${b.holder}`;
}

/** A board line per exporter, by name as people count boards (rcar-s4-2 before rcar-s4-10). */
export function boardLines(exporters: readonly Exporter[], bookings: readonly Booking[]): BoardLine[] {
  const byBoard = bookingsByBoard(bookings);
  return exporters
    .map((e): BoardLine => {
      const name = shortName(e.name);
      const own = byBoard.get(name) ?? [];
      const state = exporterState(e, { held: own.some((b) => b.kind === "held") });
      const holders = [...new Set(own.map((b) => b.holder))];
      return {
        kind: "board",
        key: `board:${name}`,
        name,
        labels: e.labels,
        state,
        usable: !UNUSABLE.has(state.kind),
        bookings: own,
        searchText: [name, ...Object.entries(e.labels).flatMap(([k, v]) => [v, `${k}=${v}`]), ...holders].join("\n").toLowerCase(),
        signature: `${state.kind}|${state.text}|${own.map(bookingSignature).join(",")}`,
      };
    })
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The boards a selector (undefined: all) and the search words (all must match somewhere) keep. */
export function filterBoards(lines: readonly BoardLine[], selector: Selector | undefined, query: string): BoardLine[] {
  const words = query.toLowerCase().split(/\s+/).filter((w) => w !== "");
  return lines.filter((l) => (selector === undefined || matchesSelector(selector, l.labels)) && words.every((w) => l.searchText.includes(w)));
}

/** Availability's view of the board lines. */
export function facts(lines: readonly BoardLine[]): BoardFacts[] {
  return lines.map((l) => ({ name: l.name, labels: l.labels, usable: l.usable }));
}

/**
 * Everything the timeline lists, top to bottom: the lanes of selector
 * bookings without a board that could take one of the boards shown (counted
 * against every board of the lab they match), then the boards, under a
 * heading per value of the `group` label when grouping.
 */
export function timelineLines(allBoards: readonly BoardLine[], shown: readonly BoardLine[], bookings: readonly Booking[], group: string): TimelineLine[] {
  const lanes = selectorLanes(bookings.filter(isLive), facts(allBoards)).filter((lane) => {
    const parsed = parseSelector(lane.selector);
    return parsed.ok && shown.some((b) => matchesSelector(parsed.selector, b.labels));
  });
  const out: TimelineLine[] = lanes.map((lane) => ({
    kind: "lane",
    key: `lane:${lane.selector}`,
    selector: lane.selector,
    candidates: lane.candidates,
    bookings: lane.bookings,
    signature: `${lane.candidates}|${lane.bookings.map(bookingSignature).join(",")}`,
  }));
  if (group === "") return [...out, ...shown];
  const groups = new Map<string, BoardLine[]>();
  for (const b of shown) {
    const value = b.labels[group];
    const title = value === undefined ? `No ${group} label` : `${group}=${value}`;
    const list = groups.get(title);
    if (list === undefined) groups.set(title, [b]);
    else list.push(b);
  }
  // Boards without the label come last.
  const titles = [...groups.keys()].sort((a, b) => (a.startsWith("No ") ? 1 : b.startsWith("No ") ? -1 : collator.compare(a, b)));
  for (const title of titles) {
    const list = groups.get(title) ?? [];
    out.push({ kind: "group", key: `group:${title}`, title, count: list.length, signature: `${title}|${list.length}` });
    out.push(...list);
  }
  return out;
}

/** The label keys boards carry, for the group-by choice. */
export function groupKeys(lines: readonly BoardLine[]): string[] {
  return [...new Set(lines.flatMap((l) => Object.keys(l.labels)))].sort(collator.compare);
}
