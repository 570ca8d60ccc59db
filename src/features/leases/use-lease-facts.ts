// What the lease page needs to know besides the lease: its exporter's status
// (GetExporter; the same cache entry the notifications read, so the page and
// the "is ready" toast agree), whether another lease got that exporter since
// (all leases, only asked when it matters), the boards a waiting lease can
// get and who holds them (the active leases), and how many exporters its
// selector matches (ListExporters with the selector as filter: the
// controller's own count, hidden labels included [F2]).
import { skipToken, useQuery as useConnectQuery, useTransport } from "@connectrpc/connect-query";
import { useQuery } from "@tanstack/react-query";
import { leaseStatus } from "@/domain/lease-status";
import { clientName as clientResourceName, exporterName } from "@/domain/resource-names";
import { ClientService, type Exporter, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { boardsWaitedFor, type BoardsWaitedFor } from "@/features/leases/boards-waited-for";
import { boardTakenSince, hasSelector, isPinned, leaseSituation, type LeaseFacts, type LeaseSituation } from "@/features/leases/lease-situation";
import { useLeaseList } from "@/lib/use-lease-list";
import { EXPORTERS_POLL_MS, LEASES_POLL_MS, WAITING_LEASE_POLL_MS } from "@/lib/config";
import { exportersQueryOptions, leasesQueryOptions } from "@/lib/list-queries";
import { useSession } from "@/lib/session-context";

/** How often the lease's exporter is read: often while its hook runs, with the lease while it lasts, never again once it ended. */
export function leaseExporterPollMs(situation: LeaseSituation): number | false {
  if (situation.ended) return false;
  if (situation.state === "starting") return WAITING_LEASE_POLL_MS;
  return situation.waitingFor === undefined ? LEASES_POLL_MS : EXPORTERS_POLL_MS;
}

export interface LeaseFactsResult {
  readonly situation: LeaseSituation;
  /** The exporter the lease got (or names, while it waits for it), when known. */
  readonly exporter: Exporter | undefined;
  /** While it waits for a board: the boards it can get, holders and expected ends. */
  readonly waitedFor: BoardsWaitedFor | undefined;
}

export function useLeaseFacts(lease: Lease, nowMs: number): LeaseFactsResult {
  const transport = useTransport();
  const { namespace, clientName } = useSession();
  const base = leaseStatus(lease, nowMs);
  const assigned = lease.exporter ?? "";
  const pinned = isPinned(lease);
  // The board it got; while it waits for a pinned one, that one.
  const boardName = assigned !== "" ? assigned : pinned && !base.ended ? exporterName(namespace, lease.exporterName ?? "") : "";

  const exporterQuery = useConnectQuery(ClientService.method.getExporter, boardName === "" ? skipToken : { name: boardName }, {
    refetchInterval: (query) => leaseExporterPollMs(leaseSituation(lease, Date.now(), { exporter: query.state.data })),
  });
  const exporter = exporterQuery.data;

  // [RL4] Only a released lease whose board reports a failed beforeLease hook needs the whole history.
  const mayHaveFailedHook = base.state === "released" && assigned !== "" && exporter?.status === ExporterStatus.BEFORE_LEASE_HOOK_FAILED;
  const allLeases = useQuery({ ...leasesQueryOptions(transport, namespace, { onlyActive: false }), enabled: mayHaveFailedHook });
  const takenSince = mayHaveFailedHook && allLeases.data !== undefined ? boardTakenSince(lease, allLeases.data.leases) : undefined;

  // A selector lease still waiting, or ended NoAccess: which exporters its selector matches.
  const waitingBySelector = !base.ended && assigned === "" && !pinned && hasSelector(lease);
  const noAccess = base.state === "unsatisfiable" && base.reason === "NoAccess" && hasSelector(lease);
  const matching = useQuery({
    ...exportersQueryOptions(transport, namespace, lease.selector),
    enabled: waitingBySelector || noAccess,
    refetchInterval: waitingBySelector ? EXPORTERS_POLL_MS : false,
  });

  const active = useLeaseList(true, "");

  const facts: LeaseFacts = {
    exporter,
    boardTakenSince: takenSince,
    selectorMatches: noAccess ? matching.data?.exporters.length : undefined,
  };
  const situation = leaseSituation(lease, nowMs, facts);

  let waitedFor: BoardsWaitedFor | undefined;
  // Only once the controller said why it waits: before its first look ("assignment") it may still find a board.
  const why = situation.waitingFor;
  if ((why === "in-use" || why === "offline" || why === "not-ready" || why === "other") && active.data !== undefined) {
    const candidates = pinned ? (exporter === undefined ? undefined : [exporter]) : matching.data?.exporters;
    if (candidates !== undefined) waitedFor = boardsWaitedFor(candidates, active.data.leases, lease, clientResourceName(namespace, clientName));
  }
  return { situation, exporter, waitedFor };
}
