// /leases/:name : one lease, followed live (every 2 s while it waits, 5 s
// while held, not once ended), with the holder's actions.
import "@/features/leases/leases.css";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { Button } from "@/components/button/button";
import { useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { LoadFailedOrLoading } from "@/components/load-failed-or-loading";
import { shortName, validateObjectName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { LeaseActions } from "@/features/leases/lease-actions";
import { LeaseCrumbs, LeaseDetailView } from "@/features/leases/lease-detail-view";
import { isMine } from "@/features/leases/lease-rows";
import { leaseLongTitle } from "@/features/leases/lease-title";
import { useLease } from "@/features/leases/use-lease";
import { useLeaseFacts } from "@/features/leases/use-lease-facts";
import { isNoSuchObject } from "@/lib/errors";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";

function NoSuchLease({ name, namespace }: { name: string; namespace: string }) {
  const navigate = useNavigate();
  useDocumentTitle("Lease not found · Leases");
  return (
    <PageSection>
      <LeaseCrumbs title={name} />
      <Title headingLevel="h1" className="pf-v6-screen-reader">
        Lease not found
      </Title>
      <EmptyState
        title={`No lease named ${name} in namespace ${namespace}`}
        actions={
          <>
            <Button variant="primary" onClick={() => void navigate("/leases?ended=1")}>
              See my leases, ended ones too
            </Button>
            <Button variant="link" onClick={() => void navigate("/leases/new")}>
              Lease a board
            </Button>
          </>
        }
      >
        The link may have a typo, or the lease belongs to another namespace.
      </EmptyState>
    </PageSection>
  );
}

function ValidLeaseDetail({ name }: { name: string }) {
  const session = useSession();
  const now = useNow();
  const lease = useLease(name);

  if (lease.data === undefined) {
    if (lease.isError && isNoSuchObject(lease.error)) {
      return <NoSuchLease name={name} namespace={session.namespace} />;
    }
    return <LeaseNotLoaded name={name} lease={lease} />;
  }

  return <LoadedLease lease={lease.data} nowMs={now} />;
}

function LeaseNotLoaded({ name, lease }: { name: string; lease: ReturnType<typeof useLease> }) {
  useDocumentTitle("Lease · Leases");
  return (
    <PageSection>
      <LeaseCrumbs title="Lease" />
      <Title headingLevel="h1">Lease</Title>
      <p className="portal-muted">
        <code>{name}</code>
      </p>
      <LoadFailedOrLoading error={lease.error} isError={lease.isError} retry={() => void lease.refetch()} what="lease" />
    </PageSection>
  );
}

function LoadedLease({ lease, nowMs }: { lease: Lease; nowMs: number }) {
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

export function LeaseDetailPage() {
  const { name = "" } = useParams();
  const session = useSession();
  // A name the controller could never hold: say so without asking it.
  if (validateObjectName(name) !== undefined) return <NoSuchLease name={name} namespace={session.namespace} />;
  return <ValidLeaseDetail key={name} name={name} />;
}
