// /exporters/:name : one exporter, its leases, and "Lease this board".
import { BreadcrumbItem, Breadcrumb } from "@/components/breadcrumb";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { Button } from "@/components/button/button";
import { useMemo } from "react";
import { useNavigate, useParams } from "react-router";
import { Flex, FlexItem } from "@/components/flex";
import { EmptyState } from "@/components/empty-state";
import { LoadFailedOrLoading } from "@/components/load-failed-or-loading";
import { ExporterStatusLabel } from "@/components/exporter-status-label";
import { RouterAnchor } from "@/components/router-anchor";
import { isLeaseOf } from "@/domain/lease-status";
import { shortName, validateObjectName } from "@/domain/resource-names";
import { ExporterDetailView } from "@/features/exporters/exporter-detail-view";
import { leasesOfExporter } from "@/features/exporters/exporter-leases";
import { useExporter } from "@/features/exporters/use-exporter";
import { useAllLeases } from "@/features/exporters/use-exporter-leases";
import { errorMessage, isNoSuchObject } from "@/lib/errors";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";

function Crumbs({ name }: { name: string }) {
  return (
    <Breadcrumb>
      <BreadcrumbItem component={RouterAnchor} to="/exporters">
        Exporters
      </BreadcrumbItem>
      <BreadcrumbItem isActive>{name}</BreadcrumbItem>
    </Breadcrumb>
  );
}

function NoSuchExporter({ name, namespace }: { name: string; namespace: string }) {
  const navigate = useNavigate();
  return (
    <PageSection>
      <Crumbs name={name} />
      <Title headingLevel="h1" className="pf-v6-screen-reader">
        Exporter not found
      </Title>
      <EmptyState
        title={`No exporter named ${name} in namespace ${namespace}`}
        actions={
          <Button variant="primary" onClick={() => void navigate("/exporters")}>
            See every exporter
          </Button>
        }
      >
        It may have been removed, or the link has a typo.
      </EmptyState>
    </PageSection>
  );
}

function ValidExporterDetail({ name }: { name: string }) {
  const session = useSession();
  const now = useNow();
  const exporter = useExporter(name);
  const allLeases = useAllLeases();
  const leases = useMemo(
    () => (allLeases.data === undefined ? undefined : leasesOfExporter(allLeases.data.leases, session.namespace, name, now)),
    [allLeases.data, session.namespace, name, now],
  );

  if (exporter.data === undefined) {
    if (exporter.isError && isNoSuchObject(exporter.error)) {
      return <NoSuchExporter name={name} namespace={session.namespace} />;
    }
    return (
      <PageSection>
        <Crumbs name={name} />
        <Title headingLevel="h1">{name}</Title>
        <LoadFailedOrLoading error={exporter.error} isError={exporter.isError} retry={() => void exporter.refetch()} what="exporter" />
      </PageSection>
    );
  }

  const e = exporter.data;
  const current = leases?.current;
  const myLease = current !== undefined && isLeaseOf(current, session.namespace, session.clientName) ? current : undefined;
  return (
    <>
      <PageSection>
        <Crumbs name={name} />
        <Flex alignItems={{ default: "alignItemsCenter" }} justifyContent={{ default: "justifyContentSpaceBetween" }} gap={{ default: "gapMd" }}>
          <Flex alignItems={{ default: "alignItemsCenter" }} gap={{ default: "gapMd" }}>
            <FlexItem>
              <Title headingLevel="h1">{name}</Title>
            </FlexItem>
            <FlexItem>
              <ExporterStatusLabel exporter={e} held={leases?.current !== undefined} />
            </FlexItem>
          </Flex>
          <FlexItem>
            {myLease !== undefined ? (
              // Leasing a board one holds already would only queue behind oneself: lead to the lease instead.
              <Flex alignItems={{ default: "alignItemsCenter" }} gap={{ default: "gapSm" }}>
                <span className="portal-you">You hold this board</span>
                <Button component={RouterAnchor} href={`/leases/${encodeURIComponent(shortName(myLease.name))}`} variant="primary">
                  Go to your lease
                </Button>
              </Flex>
            ) : (
              <Button component={RouterAnchor} href={`/leases/new?exporter=${encodeURIComponent(name)}`} variant="primary">
                Lease this board
              </Button>
            )}
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection>
        <ExporterDetailView
          exporter={e}
          leases={leases}
          leasesError={allLeases.isError && allLeases.data === undefined ? errorMessage(allLeases.error) : undefined}
          me={session.clientName}
          nowMs={now}
        />
      </PageSection>
    </>
  );
}

export function ExporterDetailPage() {
  const { name = "" } = useParams();
  const session = useSession();
  useDocumentTitle(name === "" ? "Exporter" : `${name} · Exporters`);
  // A name the controller could never hold: say so without asking it.
  if (validateObjectName(name) !== undefined) return <NoSuchExporter name={name} namespace={session.namespace} />;
  return <ValidExporterDetail key={name} name={name} />;
}
