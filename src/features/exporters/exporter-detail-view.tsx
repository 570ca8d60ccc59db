// One exporter, everything a lab user asks about it (a view: props in).
import { DescriptionListDescription, DescriptionListTerm, DescriptionListGroup, DescriptionList } from "@/components/description-list";
import { CardTitle, CardBody, Card } from "@/components/card";
import { Content } from "@/components/content";
import { Table, Tbody, Td, Th, Thead, Tr } from "@/components/table/table";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { DeprecatedLabelsAlert } from "@/components/deprecated-labels";
import { NEVER_SEEN } from "@/components/exporter-status";
import { ExporterStatusLabel } from "@/components/exporter-status-label";
import { LabelChips } from "@/components/label-chips";
import { LeaseStatusLabel } from "@/components/lease-status-label";
import { RelativeTime } from "@/components/relative-time";
import { exporterDeprecations } from "@/domain/deprecated-labels";
import { timestampToMs } from "@/domain/durations";
import { leaseExpiryAtMs, leaseStatus } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import type { ExporterLeases } from "@/features/exporters/exporter-leases";
import { ExporterTimeLeft } from "@/features/exporters/exporter-time-left";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";

export interface ExporterDetailViewProps {
  readonly exporter: Exporter;
  readonly leases: ExporterLeases | undefined;
  /** Why the leases are unknown, in people's words. */
  readonly leasesError: string | undefined;
  readonly me: string;
  readonly nowMs: number;
}

/** [S1]/[S4] The connection in words: online, never connected ("Never seen"), or offline. */
function connectionText(exporter: Exporter): string {
  if (exporter.online) return exporter.status === ExporterStatus.UNSPECIFIED ? "Online (it reports no status of its own)" : "Online";
  if (exporter.status === ExporterStatus.UNSPECIFIED && exporter.statusMessage === NEVER_SEEN) return "Never connected";
  return "Offline";
}

function Holder({ lease, me }: { lease: Lease; me: string }) {
  const client = lease.client === undefined || lease.client === "" ? undefined : shortName(lease.client);
  if (client === undefined) return <span className="portal-muted">unknown</span>;
  return client === me ? <span className="portal-you">you ({client})</span> : <>{client}</>;
}

function LeaseLink({ lease }: { lease: Lease }) {
  const name = shortName(lease.name);
  return <Link to={`/leases/${encodeURIComponent(name)}`}>{name}</Link>;
}

function Time({ ms }: { ms: number | undefined }) {
  return ms === undefined ? <span className="portal-muted">—</span> : <RelativeTime ms={ms} />;
}

function Field({ term, children }: { term: string; children: ReactNode }) {
  return (
    <DescriptionListGroup>
      <DescriptionListTerm>{term}</DescriptionListTerm>
      <DescriptionListDescription>{children}</DescriptionListDescription>
    </DescriptionListGroup>
  );
}

function CurrentLease({ lease, me }: { lease: Lease | undefined; me: string }) {
  if (lease === undefined) {
    return (
      <Content>
        <p>Nobody holds this exporter now.</p>
      </Content>
    );
  }
  const end = leaseExpiryAtMs(lease);
  return (
    <DescriptionList isHorizontal isCompact>
      <Field term="Lease">
        <LeaseLink lease={lease} />
      </Field>
      <Field term="Holder">
        <Holder lease={lease} me={me} />
      </Field>
      <Field term="Since">
        <Time ms={timestampToMs(lease.effectiveBeginTime)} />
      </Field>
      <Field term="Time left">{end === undefined ? <span className="portal-muted">unknown</span> : <ExporterTimeLeft endMs={end} />}</Field>
    </DescriptionList>
  );
}

function LeaseTable({ leases, caption, nowMs, me, timeColumn }: { leases: readonly Lease[]; caption: string; nowMs: number; me: string; timeColumn: "begin" | "end" }) {
  return (
    <Table aria-label={caption} role="table" variant="compact" gridBreakPoint="grid-md">
      <Thead>
        <Tr>
          <Th>Lease</Th>
          <Th>Holder</Th>
          <Th>State</Th>
          <Th>{timeColumn === "begin" ? "Begins" : "Ended"}</Th>
        </Tr>
      </Thead>
      <Tbody>
        {leases.map((lease) => {
          const status = leaseStatus(lease, nowMs);
          const ms = timeColumn === "begin" ? timestampToMs(lease.beginTime) : timestampToMs(lease.effectiveEndTime);
          return (
            <Tr key={lease.name}>
              <Td dataLabel="Lease">
                <LeaseLink lease={lease} />
              </Td>
              <Td dataLabel="Holder">
                <Holder lease={lease} me={me} />
              </Td>
              <Td dataLabel="State">
                <LeaseStatusLabel state={status.state} text={status.label} isCompact />{" "}
                <span className="portal-muted">{status.detail}</span>
              </Td>
              <Td dataLabel={timeColumn === "begin" ? "Begins" : "Ended"}>
                {ms === undefined ? <span className="portal-muted">{timeColumn === "begin" ? "as soon as possible" : "—"}</span> : <RelativeTime ms={ms} />}
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

export function ExporterDetailView({ exporter, leases, leasesError, me, nowMs }: ExporterDetailViewProps) {
  const leasesUnknown = leasesError ?? "Loading…";
  const deprecated = exporterDeprecations(shortName(exporter.name), exporter.deprecatedLabels);
  return (
    <div className="portal-detail-grid">
      {deprecated.length > 0 && (
        <div className="portal-detail-wide">
          <DeprecatedLabelsAlert items={deprecated} title={deprecated.length === 1 ? "This exporter carries a deprecated label" : "This exporter carries deprecated labels"} />
        </div>
      )}
      <Card>
        <CardTitle component="h2">Status</CardTitle>
        <CardBody>
          <DescriptionList isHorizontal isCompact>
            <Field term="Status">
              <ExporterStatusLabel exporter={exporter} held={leases?.current !== undefined} />
            </Field>
            <Field term="Status message">
              {exporter.statusMessage === "" ? <span className="portal-muted">none</span> : exporter.statusMessage}
            </Field>
            {/* [V1]: enabled is absent from 0.8 and older controllers, and then means enabled. */}
            <Field term="Enabled">{exporter.enabled === false ? "No — an administrator disabled it; selector leases skip it" : "Yes"}</Field>
            <Field term="Connection">{connectionText(exporter)}</Field>
            <Field term="Resource name">
              <code>{exporter.name}</code>
            </Field>
          </DescriptionList>
        </CardBody>
      </Card>
      <Card>
        <CardTitle component="h2">Current lease</CardTitle>
        <CardBody>{leases === undefined ? <p className="portal-muted">{leasesUnknown}</p> : <CurrentLease lease={leases.current} me={me} />}</CardBody>
      </Card>
      <Card className="portal-detail-wide">
        <CardTitle component="h2">Labels</CardTitle>
        <CardBody>
          <LabelChips labels={exporter.labels} priorityKeys={["board", "site", "arch"]} ariaLabel={`Labels of ${shortName(exporter.name)}`} isTruncated={false} />
        </CardBody>
      </Card>
      <Card className="portal-detail-wide">
        <CardTitle component="h2">Upcoming</CardTitle>
        <CardBody>
          {leases === undefined ? (
            <p className="portal-muted">{leasesUnknown}</p>
          ) : leases.upcoming.length === 0 ? (
            <p>No lease is waiting for this exporter by name.</p>
          ) : (
            <LeaseTable leases={leases.upcoming} caption="Upcoming leases" nowMs={nowMs} me={me} timeColumn="begin" />
          )}
        </CardBody>
      </Card>
      <Card className="portal-detail-wide">
        <CardTitle component="h2">Recent leases</CardTitle>
        <CardBody>
          {leases === undefined ? (
            <p className="portal-muted">{leasesUnknown}</p>
          ) : leases.recent.length === 0 ? (
            <p>No lease has ended on this exporter yet.</p>
          ) : (
            <LeaseTable leases={leases.recent} caption="Recent leases" nowMs={nowMs} me={me} timeColumn="end" />
          )}
        </CardBody>
      </Card>
    </div>
  );
}
