// The lease list (a view: leases in, rows out). Actions come from the
// container through `renderActions`, so this file calls no hooks but the clock.
import { Table, Tbody, Td, Th, Thead, Tr } from "@patternfly/react-table";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { LabelChips } from "@/components/label-chips";
import { timestampToMs } from "@/domain/durations";
import { leaseEndMs, leaseStatus } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { isMine } from "@/features/leases/lease-rows";
import { LeaseStatusText } from "@/features/leases/lease-status-text";
import { LeaseTimeCell } from "@/features/leases/lease-time-cell";
import { LeaseTimeLeft } from "@/features/leases/lease-time-left";
import { useNow } from "@/lib/use-now";

export interface LeaseTableProps {
  readonly leases: readonly Lease[];
  readonly namespace: string;
  readonly me: string;
  /** Show the Client column (everyone's leases). */
  readonly showClient: boolean;
  /** The actions cell of a lease, or null when it has none. */
  readonly renderActions: (lease: Lease) => ReactNode;
  readonly caption: string;
}

/** The board a lease holds, or what it asked for (a board by name, or a selector). */
export function LeaseTarget({ lease }: { lease: Lease }) {
  const exporter = lease.exporter ?? "";
  if (exporter !== "") {
    const name = shortName(exporter);
    return (
      <Link to={`/exporters/${encodeURIComponent(name)}`} className="portal-nowrap">
        {name}
      </Link>
    );
  }
  const byName = lease.exporterName ?? "";
  if (byName !== "") {
    return (
      <span>
        <span className="portal-muted">asked for </span>
        <Link to={`/exporters/${encodeURIComponent(byName)}`} className="portal-nowrap">
          {byName}
        </Link>
      </span>
    );
  }
  return lease.selector === "" || lease.selector === "<none>" ? <span className="portal-muted">—</span> : <code className="portal-selector-text">{lease.selector}</code>;
}

function Client({ lease, namespace, me }: { lease: Lease; namespace: string; me: string }) {
  if (isMine(lease, namespace, me)) return <span className="portal-you">you</span>;
  const client = lease.client ?? "";
  return client === "" ? <span className="portal-muted">unknown</span> : <span className="portal-nowrap">{shortName(client)}</span>;
}

/** A lease's tags under its name (they annotate the lease; a column of their own would not fit). */
function Tags({ lease }: { lease: Lease }) {
  if (Object.keys(lease.tags).length === 0) return null;
  return (
    <div className="portal-lease-tags">
      <LabelChips labels={lease.tags} max={3} ariaLabel={`Tags of ${shortName(lease.name)}`} />
    </div>
  );
}

export function LeaseTable({ leases, namespace, me, showClient, renderActions, caption }: LeaseTableProps) {
  const now = useNow();
  return (
    <div className="portal-lease-table-scroll">
      <Table aria-label={caption} role="table" variant="compact" gridBreakPoint="grid-lg" className="portal-lease-table">
        <Thead>
          <Tr>
            <Th modifier="wrap">Lease and tags</Th>
            <Th modifier="wrap">Status</Th>
            <Th modifier="wrap">Board</Th>
            {showClient && <Th modifier="wrap">Client</Th>}
            <Th modifier="wrap">Begins</Th>
            <Th modifier="wrap">Ends</Th>
            <Th modifier="wrap">Time left</Th>
            <Th screenReaderText="Actions" />
          </Tr>
        </Thead>
        <Tbody>
          {leases.map((lease) => {
            const name = shortName(lease.name);
            const status = leaseStatus(lease, now);
            const begin = timestampToMs(lease.effectiveBeginTime) ?? timestampToMs(lease.beginTime);
            const end = leaseEndMs(lease);
            return (
              <Tr key={lease.name}>
                <Td dataLabel="Lease" className="portal-lease-name">
                  <Link to={`/leases/${encodeURIComponent(name)}`}>{name}</Link>
                  <Tags lease={lease} />
                </Td>
                <Td dataLabel="Status">
                  <LeaseStatusText status={status} isCompact />
                </Td>
                <Td dataLabel="Board">
                  <LeaseTarget lease={lease} />
                </Td>
                {showClient && (
                  <Td dataLabel="Client">
                    <Client lease={lease} namespace={namespace} me={me} />
                  </Td>
                )}
                <Td dataLabel="Begins">
                  <LeaseTimeCell ms={begin} unknownText={status.ended ? "never began" : "when free"} compact />
                </Td>
                <Td dataLabel="Ends">
                  <LeaseTimeCell ms={end} unknownText={status.ended ? "—" : "once it begins"} compact />
                </Td>
                <Td dataLabel="Time left">
                  <LeaseTimeLeft lease={lease} plain />
                </Td>
                <Td dataLabel="Actions" isActionCell modifier="nowrap">
                  {renderActions(lease)}
                </Td>
              </Tr>
            );
          })}
        </Tbody>
      </Table>
    </div>
  );
}
