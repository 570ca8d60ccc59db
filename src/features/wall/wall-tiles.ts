// The wall's tiles: one per exporter, its state in words (the exporter
// list's vocabulary, components/exporter-status), who holds it and for how
// long, and whether a person is needed. Pure, so the wall's rules are tested
// without a browser.
import { exporterState, type ExporterState } from "@/components/exporter-status";
import { holdsExporter, leaseExpiryAtMs } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import { formatTimeLeft } from "@/domain/time-words";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";

/** A lease ending sooner than this needs its holder (or whoever waits for the board). */
export const ENDING_SOON_MS = 10 * 60_000;

/** Why a tile is called out: a person should look at that board. */
export type Attention = "offline" | "hook-failed" | "ending-soon";

export const ATTENTION_WORDS: Readonly<Record<Attention, string>> = {
  offline: "Offline",
  "hook-failed": "Hook failed",
  "ending-soon": "Ending soon",
};

export interface WallTile {
  /** The bare name, as people call the board. */
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly state: ExporterState;
  /** The holder's bare client name, while a lease holds the board. */
  readonly holder?: string;
  /** When the holder's lease ends (ms since the epoch). */
  readonly endMs?: number;
  /** "25 min left", while held with a known end. */
  readonly timeLeft?: string;
  readonly attention?: Attention;
}

/** The board each holding lease holds ([S6]), by bare exporter name. */
export function leasesByBoard(leases: readonly Lease[]): Map<string, Lease> {
  const byBoard = new Map<string, Lease>();
  for (const lease of leases) if (holdsExporter(lease)) byBoard.set(shortName(lease.exporter ?? ""), lease);
  return byBoard;
}

function attentionOf(state: ExporterState, endMs: number | undefined, nowMs: number): Attention | undefined {
  // A board the controller knows but that never connected is no emergency; a lost one is.
  if (state.kind === "offline") return "offline";
  if (state.kind === "hook-failed") return "hook-failed";
  if (endMs !== undefined && endMs - nowMs < ENDING_SOON_MS) return "ending-soon";
  return undefined;
}

/** A tile per exporter, in natural name order (rpi5-2 before rpi5-10). */
export function buildTiles(exporters: readonly Exporter[], leases: readonly Lease[], nowMs: number): WallTile[] {
  const holding = leasesByBoard(leases);
  const tiles = exporters.map((exporter): WallTile => {
    const name = shortName(exporter.name);
    const lease = holding.get(name);
    const state = exporterState(exporter, { held: lease !== undefined });
    const holder = lease?.client === undefined || lease.client === "" ? undefined : shortName(lease.client);
    const endMs = lease === undefined ? undefined : leaseExpiryAtMs(lease);
    const attention = attentionOf(state, endMs, nowMs);
    return {
      name,
      labels: exporter.labels,
      state,
      ...(holder === undefined ? {} : { holder }),
      ...(endMs === undefined ? {} : { endMs, timeLeft: formatTimeLeft(endMs - nowMs) }),
      ...(attention === undefined ? {} : { attention }),
    };
  });
  return tiles.sort((a, b) => collator.compare(a.name, b.name));
}

export const collator = new Intl.Collator("en", { numeric: true, sensitivity: "variant" });

/** The boards that need a person, for the callout strip: offline, failed hooks, leases about to end. */
export function attentionTiles(tiles: readonly WallTile[]): WallTile[] {
  const order: readonly Attention[] = ["hook-failed", "offline", "ending-soon"];
  return tiles.filter((t) => t.attention !== undefined).sort((a, b) => order.indexOf(a.attention ?? "offline") - order.indexOf(b.attention ?? "offline"));
}

export interface WallGroup {
  /** The label's value; undefined for boards without the label. */
  readonly value: string | undefined;
  /** "rcar-s4", or "No board" for the unlabelled. */
  readonly title: string;
  readonly tiles: readonly WallTile[];
  /** Boards someone could lease now. */
  readonly free: number;
}

/** Free is what a person walking in wants: available, nothing running or failed. */
export function isFree(tile: WallTile): boolean {
  return tile.state.kind === "available";
}

/**
 * Tiles grouped by a label's value (groups in natural order, the unlabelled
 * last), each with its count of free boards; one untitled group without a key.
 */
export function groupTiles(tiles: readonly WallTile[], labelKey: string | undefined): WallGroup[] {
  const freeOf = (list: readonly WallTile[]): number => list.reduce((n, t) => (isFree(t) ? n + 1 : n), 0);
  if (labelKey === undefined || labelKey === "") return [{ value: undefined, title: "All boards", tiles, free: freeOf(tiles) }];
  const groups = new Map<string | undefined, WallTile[]>();
  for (const tile of tiles) {
    const value = tile.labels[labelKey];
    const list = groups.get(value);
    if (list === undefined) groups.set(value, [tile]);
    else list.push(tile);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === undefined ? 1 : b === undefined ? -1 : collator.compare(a, b)))
    .map(([value, list]) => ({ value, title: value ?? `No ${labelKey}`, tiles: list, free: freeOf(list) }));
}

/** "3 of 5 free". */
export function freeWords(free: number, total: number): string {
  return `${free} of ${total} free`;
}
