// One lease, every field and condition (a view: props in). The actions come
// in as a node from the container.
import {
  Alert,
  Breadcrumb,
  BreadcrumbItem,
  Card,
  CardBody,
  CardTitle,
  DescriptionList,
  DescriptionListDescription,
  DescriptionListGroup,
  DescriptionListTerm,
  Flex,
  FlexItem,
  PageSection,
  Title,
} from "@patternfly/react-core";
import { BanIcon, ClockIcon } from "@patternfly/react-icons";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DeprecatedLabelsAlert } from "@/components/deprecated-labels";
import { LabelChips } from "@/components/label-chips";
import { LeaseStatusLabel } from "@/components/lease-status-label";
import { RouterAnchor } from "@/components/router-anchor";
import { leaseDeprecations } from "@/domain/deprecated-labels";
import { durationToMs, formatDuration, timestampToMs } from "@/domain/durations";
import { everHadExporter, leaseEndMs, type LeaseStatus } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { LeaseConditionsTable } from "@/features/leases/lease-conditions-table";
import { isMine } from "@/features/leases/lease-rows";
import { LeaseTimeCell } from "@/features/leases/lease-time-cell";
import { LeaseTimeLeft } from "@/features/leases/lease-time-left";
import { ShellCommand } from "@/features/leases/shell-command";
import { formatAbsolute } from "@/lib/format-date";

export interface LeaseDetailViewProps {
  readonly lease: Lease;
  readonly status: LeaseStatus;
  readonly namespace: string;
  readonly me: string;
  /** The holder's actions, or null when there are none to offer. */
  readonly actions: ReactNode;
  readonly nowMs: number;
}

export function LeaseCrumbs({ name }: { name: string }) {
  return (
    <Breadcrumb>
      <BreadcrumbItem component={RouterAnchor} to="/leases">
        Leases
      </BreadcrumbItem>
      <BreadcrumbItem isActive>{name}</BreadcrumbItem>
    </Breadcrumb>
  );
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function None({ text = "none" }: { text?: string }) {
  return <span className="portal-muted">{text}</span>;
}

function ExporterLink({ name }: { name: string }) {
  return <Link to={`/exporters/${encodeURIComponent(name)}`}>{name}</Link>;
}

function Holder({ lease, namespace, me }: { lease: Lease; namespace: string; me: string }) {
  const client = lease.client ?? "";
  if (client === "") return <None text="unknown" />;
  return isMine(lease, namespace, me) ? <span className="portal-you">you ({shortName(client)})</span> : <>{shortName(client)}</>;
}

/** The one thing to know about the lease now, as a banner. */
function StatusBanner({ lease, status, mine, nowMs }: { lease: Lease; status: LeaseStatus; mine: boolean; nowMs: number }) {
  const name = shortName(lease.name);
  const reason = status.reason === undefined ? "" : ` (${status.reason})`;
  switch (status.state) {
    case "ready": {
      const board = shortName(lease.exporter ?? "");
      if (!mine) return <Alert isInline component="h2" variant="success" title={`Ready: ${board === "" ? "a board" : board} is held by ${shortName(lease.client ?? "")}`} />;
      return (
        <Alert isInline component="h2" variant="success" title={`Ready: ${board === "" ? "your board" : board} is yours. Open a shell on it with:`}>
          <ShellCommand leaseName={name} />
        </Alert>
      );
    }
    case "pending":
      return (
        <Alert isInline component="h2" variant="info" title={`Pending: ${status.detail}${reason}`}>
          <p>
            {status.message !== undefined && status.message !== status.detail ? `The controller says: ${status.message}. ` : ""}
            The controller keeps trying; this page follows the lease and shows when it becomes Ready. Its time only starts once it gets a board: until then it
            waits, however long, unless you release it.
          </p>
        </Alert>
      );
    case "scheduled": {
      // Scheduled means a begin time ahead ([L2] step 1); the clock re-renders this when it passes.
      const begin = timestampToMs(lease.beginTime) ?? nowMs;
      return (
        <Alert isInline component="h2" variant="info" title={`Scheduled: starts ${formatAbsolute(begin)}`}>
          <p>The controller assigns a board at the begin time; this page follows the lease.</p>
        </Alert>
      );
    }
    case "unsatisfiable":
    case "invalid":
      return (
        <Alert isInline component="h2" variant="danger" title={`${status.label}${reason}: the lease ended at once`}>
          <p>{status.message ?? status.detail}</p>
        </Alert>
      );
    case "expired":
    case "released":
    case "ended":
      return (
        <Alert
          isInline
          component="h2"
          variant="custom"
          customIcon={status.state === "expired" ? <ClockIcon /> : <BanIcon />}
          title={`${status.label}: ${status.message ?? status.detail}`}
        >
          <p>
            The lease has ended and stays listed among ended leases.{" "}
            {mine && (
              <Link to={`/leases/new?${lease.exporter !== undefined && lease.exporter !== "" ? `exporter=${encodeURIComponent(shortName(lease.exporter))}` : `selector=${encodeURIComponent(lease.selector)}`}`}>
                Lease it again
              </Link>
            )}
          </p>
        </Alert>
      );
  }
}

export function LeaseDetailView({ lease, status, namespace, me, actions, nowMs }: LeaseDetailViewProps) {
  const name = shortName(lease.name);
  const mine = isMine(lease, namespace, me);
  const duration = durationToMs(lease.duration);
  const effective = durationToMs(lease.effectiveDuration);
  const exporter = lease.exporter ?? "";
  const requested = lease.exporterName ?? "";
  const end = leaseEndMs(lease);
  const deprecated = leaseDeprecations(name, lease.deprecatedLabels);
  return (
    <>
      <PageSection>
        <LeaseCrumbs name={name} />
        <Flex alignItems={{ default: "alignItemsCenter" }} gap={{ default: "gapMd" }} className="portal-lease-heading">
          <FlexItem>
            <Title headingLevel="h1" className="portal-cell-name">
              {name}
            </Title>
          </FlexItem>
          <FlexItem>
            <LeaseStatusLabel state={status.state} text={status.label} />
          </FlexItem>
        </Flex>
        {/* Left-aligned under the title: the corner is where toasts appear. */}
        {actions !== null && <div className="portal-lease-page-actions">{actions}</div>}
      </PageSection>
      <PageSection>
        <StatusBanner lease={lease} status={status} mine={mine} nowMs={nowMs} />
        <DeprecatedLabelsAlert items={deprecated} title={deprecated.length === 1 ? "The lease's selector uses a deprecated label" : "The lease's selector uses deprecated labels"} />
      </PageSection>
      <PageSection>
        <div className="portal-detail-grid">
          <Card>
            <CardTitle component="h2">Board and holder</CardTitle>
            <CardBody>
              <DescriptionList isHorizontal isCompact>
                <Field term="Board">{exporter === "" ? <None text={status.ended ? "none was assigned" : "not assigned yet"} /> : <ExporterLink name={shortName(exporter)} />}</Field>
                <Field term="Asked for board">{requested === "" ? <None text="any matching the selector" /> : <ExporterLink name={requested} />}</Field>
                <Field term="Selector">{lease.selector === "" || lease.selector === "<none>" ? <None text="none (a board by name)" /> : <code className="portal-selector-text">{lease.selector}</code>}</Field>
                <Field term="Client">
                  <Holder lease={lease} namespace={namespace} me={me} />
                </Field>
                <Field term="Allow disabled boards">{lease.allowDisabled ? "Yes" : "No"}</Field>
                <Field term="Resource name">
                  <code className="portal-cell-name">{lease.name}</code>
                </Field>
              </DescriptionList>
            </CardBody>
          </Card>
          <Card>
            <CardTitle component="h2">Time</CardTitle>
            <CardBody>
              <DescriptionList isHorizontal isCompact>
                <Field term="Time left">
                  <LeaseTimeLeft lease={lease} />
                </Field>
                <Field term={status.ended ? "Ended" : everHadExporter(lease) ? "Ends" : "Planned end"}>
                  <LeaseTimeCell ms={end} unknownText={status.ended ? "unknown" : "once a board is assigned"} />
                </Field>
                <Field term="Duration">{duration === undefined ? <None /> : formatDuration(duration, { seconds: true })}</Field>
                <Field term="Effective duration">
                  {effective === undefined || (effective === 0 && lease.effectiveBeginTime === undefined) ? (
                    <None text={status.ended ? "none: it never held a board" : "none yet"} />
                  ) : (
                    `${formatDuration(effective, { seconds: true })}${status.ended ? " in total" : " so far"}`
                  )}
                </Field>
                <Field term="Begin time">
                  <LeaseTimeCell ms={timestampToMs(lease.beginTime)} unknownText="not set (as soon as a board is free)" />
                </Field>
                <Field term="End time">
                  <LeaseTimeCell ms={timestampToMs(lease.endTime)} unknownText="not set (begin + duration)" />
                </Field>
                <Field term="Effective begin time">
                  <LeaseTimeCell ms={timestampToMs(lease.effectiveBeginTime)} unknownText="not yet" />
                </Field>
                <Field term="Effective end time">
                  <LeaseTimeCell ms={timestampToMs(lease.effectiveEndTime)} unknownText="not yet" />
                </Field>
              </DescriptionList>
            </CardBody>
          </Card>
          <Card>
            <CardTitle component="h2">Tags and context</CardTitle>
            <CardBody>
              <DescriptionList isCompact>
                <Field term="Tags">
                  {Object.keys(lease.tags).length === 0 ? <None /> : <LabelChips labels={lease.tags} ariaLabel={`Tags of ${name}`} isTruncated={false} />}
                </Field>
                <Field term="Context">
                  {Object.keys(lease.context).length === 0 ? <None /> : <LabelChips labels={lease.context} ariaLabel={`Context of ${name}`} isTruncated={false} />}
                </Field>
              </DescriptionList>
            </CardBody>
          </Card>
          <Card className="portal-detail-wide">
            <CardTitle component="h2">Conditions</CardTitle>
            <CardBody>
              <LeaseConditionsTable conditions={lease.conditions} leaseName={name} />
            </CardBody>
          </Card>
        </div>
      </PageSection>
    </>
  );
}
