// A lease's page once GetLease has answered: its facts, the view and, for the
// holder, the actions. Loaded beside the page's first GetLease rather than
// with the page, whose first paint (breadcrumb, heading, "Loading the
// lease…") needs none of it (issue 13: initial JS per first page). See
// lease-detail-code.ts.
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { LeaseActions } from "@/features/leases/lease-actions";
import { LeaseDetailView } from "@/features/leases/lease-detail-view";
import { isMine } from "@/features/leases/lease-rows";
import { leaseLongTitle } from "@/features/leases/lease-title";
import { useLeaseFacts } from "@/features/leases/use-lease-facts";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";

export function LoadedLease({ lease, nowMs }: { lease: Lease; nowMs: number }) {
  const session = useSession();
  const { situation, exporter, waitedFor } = useLeaseFacts(lease, nowMs);
  const mine = isMine(lease, session.namespace, session.clientName);
  useDocumentTitle(`${leaseLongTitle(lease, mine ? undefined : shortName(lease.client ?? ""))} · ${situation.label} · Leases`);
  return (
    <LeaseDetailView
      lease={lease}
      situation={situation}
      exporter={exporter}
      waitedFor={waitedFor}
      namespace={session.namespace}
      me={session.clientName}
      nowMs={nowMs}
      actions={mine && !situation.ended ? <LeaseActions lease={lease} layout="page" /> : null}
    />
  );
}
