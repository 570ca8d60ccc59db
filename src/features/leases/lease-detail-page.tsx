// /leases/:name : one lease, followed live (every 2 s while it waits, 5 s
// while held, not once ended), with the holder's actions.
import { Button, PageSection, Spinner, Title } from "@patternfly/react-core";
import { useNavigate, useParams } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { leaseStatus } from "@/domain/lease-status";
import { validateObjectName } from "@/domain/resource-names";
import { LeaseActions } from "@/features/leases/lease-actions";
import { LeaseCrumbs, LeaseDetailView } from "@/features/leases/lease-detail-view";
import { isMine } from "@/features/leases/lease-rows";
import { useLease } from "@/features/leases/use-lease";
import { isNoSuchObject } from "@/lib/errors";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";

function NoSuchLease({ name, namespace }: { name: string; namespace: string }) {
  const navigate = useNavigate();
  return (
    <PageSection>
      <LeaseCrumbs name={name} />
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
    return (
      <PageSection>
        <LeaseCrumbs name={name} />
        <Title headingLevel="h1">{name}</Title>
        {lease.isError ? (
          <ErrorAlert
            error={lease.error}
            title="This lease could not be loaded"
            actions={
              <Button variant="link" isInline onClick={() => void lease.refetch()}>
                Try again
              </Button>
            }
          />
        ) : (
          <div className="portal-loading" role="status">
            <Spinner size="lg" aria-hidden /> Loading the lease…
          </div>
        )}
      </PageSection>
    );
  }

  const l = lease.data;
  const status = leaseStatus(l, now);
  const canAct = isMine(l, session.namespace, session.clientName) && !status.ended;
  return (
    <LeaseDetailView
      lease={l}
      status={status}
      namespace={session.namespace}
      me={session.clientName}
      nowMs={now}
      actions={canAct ? <LeaseActions lease={l} layout="page" /> : null}
    />
  );
}

export function LeaseDetailPage() {
  const { name = "" } = useParams();
  const session = useSession();
  useDocumentTitle(name === "" ? "Lease" : `${name} · Leases`);
  // A name the controller could never hold: say so without asking it.
  if (validateObjectName(name) !== undefined) return <NoSuchLease name={name} namespace={session.namespace} />;
  return <ValidLeaseDetail key={name} name={name} />;
}
