// /leases/:name : one lease, followed live (every 2 s while it waits, 5 s
// while held, not once ended), with the holder's actions.
import "@/features/leases/leases.css";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { Button } from "@/components/button/button";
import { useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { LoadFailedOrLoading } from "@/components/load-failed-or-loading";
import { validateObjectName } from "@/domain/resource-names";
import { LeaseCrumbs } from "@/features/leases/lease-crumbs";
import { loadedLeaseCode } from "@/features/leases/lease-detail-code";
import { useLease } from "@/features/leases/use-lease";
import { isNoSuchObject } from "@/lib/errors";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useLoaded } from "@/lib/use-loaded";
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
  // The content's code, started by the route beside GetLease (lease-detail-code.ts).
  const loaded = useLoaded(loadedLeaseCode);

  if (lease.data === undefined) {
    if (lease.isError && isNoSuchObject(lease.error)) {
      return <NoSuchLease name={name} namespace={session.namespace} />;
    }
    return <LeaseNotLoaded name={name} error={lease.error} isError={lease.isError} retry={() => void lease.refetch()} />;
  }
  // The lease is in, its view's code not yet: still loading, whatever a later poll says.
  if (loaded === undefined) return <LeaseNotLoaded name={name} error={undefined} isError={false} retry={() => undefined} />;
  return <loaded.LoadedLease lease={lease.data} nowMs={now} />;
}

function LeaseNotLoaded({ name, error, isError, retry }: { name: string; error: unknown; isError: boolean; retry: () => void }) {
  useDocumentTitle("Lease · Leases");
  return (
    <PageSection>
      <LeaseCrumbs title="Lease" />
      <Title headingLevel="h1">Lease</Title>
      <p className="portal-muted">
        <code>{name}</code>
      </p>
      <LoadFailedOrLoading error={error} isError={isError} retry={retry} what="lease" />
    </PageSection>
  );
}

export function LeaseDetailPage() {
  const { name = "" } = useParams();
  const session = useSession();
  // A name the controller could never hold: say so without asking it.
  if (validateObjectName(name) !== undefined) return <NoSuchLease name={name} namespace={session.namespace} />;
  return <ValidLeaseDetail key={name} name={name} />;
}
