// The leases page's rows with their actions (+30 min, +1 h, release), loaded
// beside the page's first ListLeases rather than with the page: its first
// paint (heading, filters, "Loading leases…") needs neither the table nor the
// actions (issue 13: initial JS per first page). See lease-list-code.ts.
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { LeaseActions } from "@/features/leases/lease-actions";
import { isMine } from "@/features/leases/lease-rows";
import type { LeaseSituation } from "@/features/leases/lease-situation";
import { LeaseTable, type LeaseTableProps } from "@/features/leases/lease-table";

export type LeaseListViewProps = Omit<LeaseTableProps, "renderActions">;

export function LeaseListView(props: LeaseListViewProps) {
  const { namespace, me } = props;
  // Only the holder acts on a lease, and only while it has not ended.
  const renderActions = (lease: Lease, situation: LeaseSituation) =>
    isMine(lease, namespace, me) && !situation.ended ? <LeaseActions lease={lease} layout="row" /> : null;
  return <LeaseTable {...props} renderActions={renderActions} />;
}
