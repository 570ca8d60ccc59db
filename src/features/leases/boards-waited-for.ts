// The boards a waiting lease could get, who holds each and until when: the
// portal knows the active leases' `exporter`, holder `client` and expected
// end ([S6]: there is no "leased by" field on an exporter). Sorted by how
// soon each could serve the lease: free ones, then held ones by their
// expected end, then those running a hook, failed, offline or disabled. Pure.
import { exporterState, type ExporterStateKind } from "@/components/exporter-status";
import { isLeaseEnded, leaseEndMs } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import { matchesSelector, parseSelector } from "@/domain/selector";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";

export interface WaitedBoard {
  /** The exporter's bare name. */
  readonly name: string;
  readonly kind: ExporterStateKind;
  /** The state in words ("Leased", "Hook running (after lease)", "Offline"). */
  readonly stateText: string;
  /** The exporter's own status message, when it has one. */
  readonly statusMessage?: string;
  /** The holder's client name, while another lease holds it. */
  readonly holder?: string;
  /** True when the holder is the signed-in client (another of their leases). */
  readonly heldByMe?: boolean;
  /** The holding lease's bare name. */
  readonly holdingLease?: string;
  /** When the holding lease is expected to end ([TM3]); undefined while unknown. */
  readonly freeAtMs?: number;
}

export interface BoardsWaitedFor {
  readonly boards: readonly WaitedBoard[];
  /** The earliest expected end among the held ones: when a board may be free. */
  readonly soonestFreeMs?: number;
}

const ORDER: Readonly<Record<ExporterStateKind, number>> = {
  available: 0,
  leased: 1,
  "hook-running": 2,
  unknown: 3,
  "hook-failed": 4,
  offline: 5,
  disabled: 6,
};

/**
 * `candidates`: the exporters the lease asks for (its selector's matches, or
 * its pinned board); `leases`: the namespace's active leases; `waiting`: the
 * lease itself (left out as a holder); `me`: my client resource name.
 */
export function boardsWaitedFor(candidates: readonly Exporter[], leases: readonly Lease[], waiting: Lease, me: string): BoardsWaitedFor {
  const holders = new Map<string, Lease>();
  for (const l of leases) {
    const exporter = l.exporter ?? "";
    if (exporter === "" || l.name === waiting.name || isLeaseEnded(l)) continue;
    holders.set(exporter, l);
  }
  const boards = candidates.map((e): WaitedBoard => {
    const holding = holders.get(e.name);
    const state = exporterState(e, { held: holding !== undefined });
    const freeAtMs = holding === undefined ? undefined : leaseEndMs(holding);
    const client = holding?.client ?? "";
    return {
      name: shortName(e.name),
      kind: state.kind,
      stateText: state.text,
      ...(e.statusMessage === "" ? {} : { statusMessage: e.statusMessage }),
      ...(holding === undefined ? {} : { holdingLease: shortName(holding.name) }),
      ...(client === "" ? {} : { holder: shortName(client), heldByMe: client === me }),
      ...(freeAtMs === undefined ? {} : { freeAtMs }),
    };
  });
  boards.sort((a, b) => {
    if (ORDER[a.kind] !== ORDER[b.kind]) return ORDER[a.kind] - ORDER[b.kind];
    const fa = a.freeAtMs ?? Number.POSITIVE_INFINITY;
    const fb = b.freeAtMs ?? Number.POSITIVE_INFINITY;
    if (fa !== fb) return fa - fb;
    return a.name.localeCompare(b.name, undefined, { numeric: true });
  });
  const ends = boards.map((b) => b.freeAtMs).filter((ms): ms is number => ms !== undefined);
  return ends.length === 0 ? { boards } : { boards, soonestFreeMs: Math.min(...ends) };
}

/**
 * The exporters of `exporters` a lease asks for, matched here (the lease
 * list, where asking the controller per row would cost a call each): its
 * pinned board, else those its selector matches. Labels the controller
 * hides from lists ([HL1]) are not seen, so this may find fewer than the
 * controller does; the lease page asks the controller instead.
 */
export function matchingExporters(lease: Lease, exporters: Iterable<Exporter>): Exporter[] {
  const pinned = lease.exporterName ?? "";
  const all = [...exporters];
  if (pinned !== "") return all.filter((e) => shortName(e.name) === pinned);
  const parsed = parseSelector(lease.selector);
  if (!parsed.ok || lease.selector.trim() === "" || lease.selector === "<none>") return [];
  return all.filter((e) => matchesSelector(parsed.selector, e.labels));
}

/** The held board expected to be free first, when any is. */
export function soonestFreeBoard(waited: BoardsWaitedFor): WaitedBoard | undefined {
  return waited.boards.filter((b) => b.freeAtMs !== undefined).sort((a, b) => (a.freeAtMs ?? 0) - (b.freeAtMs ?? 0))[0];
}
