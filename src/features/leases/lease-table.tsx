// The lease list (a view: leases in, rows out). Each row is led by what a
// person recognises — the board, else the board asked for or the selector —
// with the tags under it and the lease's name to copy. Actions come from the
// container through `renderActions`, so this file calls no hooks but the clock.
import { Table, Tbody, Td, Th, Thead, Tr } from "@/components/table/table";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { LabelChips } from "@/components/label-chips";
import { timestampToMs } from "@/domain/durations";
import { clientName, shortName } from "@/domain/resource-names";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { boardsWaitedFor, matchingExporters, soonestFreeBoard } from "@/features/leases/boards-waited-for";
import { CopyNameButton } from "@/features/leases/copy-name-button";
import { isMine } from "@/features/leases/lease-rows";
import { boardTakenSince, leaseSituation, type LeaseSituation } from "@/features/leases/lease-situation";
import { LeaseStatusText } from "@/features/leases/lease-status-text";
import { LeaseTimeCell } from "@/features/leases/lease-time-cell";
import { LeaseTimeLeft } from "@/features/leases/lease-time-left";
import { leaseTitle } from "@/features/leases/lease-title";
import { formatClockTime } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface LeaseTableProps {
  readonly leases: readonly Lease[];
  /** Every lease the list holds (for "did another lease get its board since"). */
  readonly listed: readonly Lease[];
  /** The lab's exporters by resource name, for their status ([L6], [RL4]); undefined while unknown. */
  readonly exporters: ReadonlyMap<string, Exporter> | undefined;
  readonly namespace: string;
  readonly me: string;
  /** Show the Client column (everyone's leases). */
  readonly showClient: boolean;
  /** The actions cell of a lease, or null when it has none. */
  readonly renderActions: (lease: Lease, situation: LeaseSituation) => ReactNode;
  readonly caption: string;
}

/** A row's situation, from the exporter list and the listed leases. */
export function rowSituation(lease: Lease, nowMs: number, exporters: ReadonlyMap<string, Exporter> | undefined, listed: readonly Lease[]): LeaseSituation {
  const exporter = exporters?.get(lease.exporter ?? "");
  return leaseSituation(lease, nowMs, { exporter, boardTakenSince: exporter === undefined ? undefined : boardTakenSince(lease, listed) });
}

/** The lease's title (a link to it), how it asked, its tags, and its name to copy. */
export function LeaseLead({ lease }: { lease: Lease }) {
  const title = leaseTitle(lease);
  const name = shortName(lease.name);
  return (
    <div className="portal-lease-lead">
      <span className="portal-lease-lead__title">
        <Link to={`/leases/${encodeURIComponent(name)}`} className={title.kind === "selector" ? "portal-selector-text" : "portal-lease-lead__board"}>
          {title.text}
        </Link>
        <CopyNameButton name={name} />
      </span>
      {title.via !== undefined && (
        <span className="portal-lease-lead__via">
          <span className="portal-muted">by </span>
          <code className="portal-selector-text">{title.via}</code>
        </span>
      )}
      {title.kind === "asked-board" && <span className="portal-lease-lead__via portal-muted">asked for by name</span>}
      {Object.keys(lease.tags).length > 0 && (
        <div className="portal-lease-tags">
          <LabelChips labels={lease.tags} max={3} ariaLabel={`Tags of ${title.text}`} />
        </div>
      )}
    </div>
  );
}

/**
 * For a lease waiting because its boards are in use: the one expected to be
 * free first, its holder and when ("solo-01: bob's until 14:05").
 */
export function waitHint(lease: Lease, situation: LeaseSituation, exporters: ReadonlyMap<string, Exporter> | undefined, listed: readonly Lease[], me: string, nowMs: number): string | undefined {
  if (situation.waitingFor !== "in-use" || exporters === undefined) return undefined;
  const board = soonestFreeBoard(boardsWaitedFor(matchingExporters(lease, exporters.values()), listed, lease, me));
  if (board?.freeAtMs === undefined) return undefined;
  const holder = board.heldByMe === true ? "yours" : board.holder === undefined ? "held" : `${board.holder}'s`;
  return `${board.name}: ${holder} until ${formatClockTime(board.freeAtMs, nowMs)}`;
}

function Client({ lease, namespace, me }: { lease: Lease; namespace: string; me: string }) {
  if (isMine(lease, namespace, me)) return <span className="portal-you">you</span>;
  const client = lease.client ?? "";
  return client === "" ? <span className="portal-muted">unknown</span> : <span className="portal-nowrap">{shortName(client)}</span>;
}

export function LeaseTable({ leases, listed, exporters, namespace, me, showClient, renderActions, caption }: LeaseTableProps) {
  const now = useNow();
  const myClient = clientName(namespace, me);
  return (
    <div className="portal-lease-table-scroll">
      <Table aria-label={caption} role="table" variant="compact" gridBreakPoint="grid-lg" className="portal-lease-table">
        <Thead>
          <Tr>
            <Th modifier="wrap">Lease</Th>
            <Th modifier="wrap">Status</Th>
            {showClient && <Th modifier="wrap">Client</Th>}
            <Th modifier="wrap">Begins</Th>
            <Th modifier="wrap">Time left</Th>
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {leases.map((lease) => {
            const situation = rowSituation(lease, now, exporters, listed);
            const begin = timestampToMs(lease.effectiveBeginTime) ?? timestampToMs(lease.beginTime);
            return (
              <Tr key={lease.name}>
                <Td dataLabel="Lease" className="portal-lease-name">
                  <LeaseLead lease={lease} />
                </Td>
                <Td dataLabel="Status">
                  <LeaseStatusText situation={situation} isCompact hint={waitHint(lease, situation, exporters, listed, myClient, now)} />
                </Td>
                {showClient && (
                  <Td dataLabel="Client">
                    <Client lease={lease} namespace={namespace} me={me} />
                  </Td>
                )}
                <Td dataLabel="Begins">
                  <LeaseTimeCell ms={begin} unknownText={situation.ended ? "never began" : "when a board is free"} compact />
                </Td>
                <Td dataLabel="Time left">
                  <LeaseTimeLeft lease={lease} situation={situation} plain />
                </Td>
                <Td isActionCell modifier="nowrap">
                  {renderActions(lease, situation)}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </div>
  );
}
