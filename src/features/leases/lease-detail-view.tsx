// One lease, every field and condition (a view: props in). Led by what a
// person recognises (the board, the selector, the tags, the holder); the
// lease's name is there to copy. The actions come in as a node from the
// container.
import { DescriptionListDescription, DescriptionListTerm, DescriptionListGroup, DescriptionList } from "@/components/description-list";
import { CardTitle, CardBody, Card } from "@/components/card";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { BanIcon, ClockIcon } from "@patternfly/react-icons";
import type { ReactNode } from "react";
import { Link } from "react-router";
import { Flex, FlexItem } from "@/components/flex";
import { DeprecatedLabelsAlert } from "@/components/deprecated-labels";
import { InlineAlert } from "@/components/inline-alert";
import { ExporterStatusLabel } from "@/components/exporter-status-label";
import { LabelChips } from "@/components/label-chips";
import { LeaseStatusLabel } from "@/components/lease-status-label";
import { leaseDeprecations } from "@/domain/deprecated-labels";
import { durationToMs, timestampToMs } from "@/domain/durations";
import { everHadExporter, leaseEndMs } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import { formatBookedDuration } from "@/domain/time-words";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import type { BoardsWaitedFor } from "@/features/leases/boards-waited-for";
import { CopyNameButton } from "@/features/leases/copy-name-button";
import { LeaseCrumbs } from "@/features/leases/lease-crumbs";
import { leaseAgainHref, leaseAgainPrefill } from "@/features/leases/lease-again";
import { LeaseConditionsTable } from "@/features/leases/lease-conditions-table";
import { isMine } from "@/features/leases/lease-rows";
import { isPinned, type LeaseSituation } from "@/features/leases/lease-situation";
import { LeaseTimeCell } from "@/features/leases/lease-time-cell";
import { LeaseTimeLeft } from "@/features/leases/lease-time-left";
import { leaseTitle } from "@/features/leases/lease-title";
import { ShellCommand } from "@/features/leases/shell-command";
import { WaitedBoardsList } from "@/features/leases/waited-boards-list";
import { formatClockTime } from "@/lib/format-date";

export interface LeaseDetailViewProps {
  readonly lease: Lease;
  readonly situation: LeaseSituation;
  /** The exporter the lease got (or names while it waits), when known. */
  readonly exporter: Exporter | undefined;
  /** While it waits for a board: the boards it can get, who holds them, until when. */
  readonly waitedFor: BoardsWaitedFor | undefined;
  readonly namespace: string;
  readonly me: string;
  /** The holder's actions, or null when there are none to offer. */
  readonly actions: ReactNode;
  readonly nowMs: number;
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

/** What "Lease it again" asks for, in words: "board=am62, 2 h, tags team=bsp". */
function againWords(lease: Lease, nowMs: number): string {
  const p = leaseAgainPrefill(lease, nowMs);
  const what = p.exporter !== undefined && p.exporter !== null && p.exporter !== "" ? p.exporter : (p.selector ?? "");
  const when =
    p.beginMs !== undefined && p.endMs !== undefined
      ? `${formatClockTime(p.beginMs, nowMs)} to ${formatClockTime(p.endMs, nowMs)}`
      : p.endMs !== undefined
        ? `until ${formatClockTime(p.endMs, nowMs)}`
        : p.durationMs !== undefined
          ? `${formatBookedDuration(p.durationMs)}${p.beginMs !== undefined ? ` from ${formatClockTime(p.beginMs, nowMs)}` : ""}`
          : "";
  const tags = (p.tags ?? []).map((t) => `${t.key}=${t.value}`).join(", ");
  return [what, when, tags === "" ? "" : `tags ${tags}`].filter((s) => s !== "").join(", ");
}

function LeaseAgain({ lease, nowMs, note }: { lease: Lease; nowMs: number; note?: string }) {
  return (
    <p>
      <Link to={leaseAgainHref(lease, nowMs)}>Lease it again</Link>
      <span className="portal-muted">{` — the same request: ${againWords(lease, nowMs)}.${note === undefined ? "" : ` ${note}`}`}</span>
    </p>
  );
}

function waitingIntro(situation: LeaseSituation): string {
  if (situation.waitingFor === "in-use") return "It gets the first of these boards that becomes free:";
  if (situation.waitingFor === "offline" || situation.waitingFor === "not-ready") return "The boards it can get, and why none can serve it yet:";
  return "The boards it can get:";
}

/** The one thing to know about the lease now, as a banner. */
function StatusBanner({ lease, situation, exporter, waitedFor, mine, nowMs }: { lease: Lease; situation: LeaseSituation; exporter: Exporter | undefined; waitedFor: BoardsWaitedFor | undefined; mine: boolean; nowMs: number }) {
  const reason = situation.reason === undefined ? "" : ` (${situation.reason})`;
  const board = shortName(lease.exporter ?? "");
  const says = situation.message !== undefined && situation.message !== situation.detail ? <p className="portal-muted">{`The controller says: ${situation.message}${reason}.`}</p> : null;
  switch (situation.state) {
    case "ready": {
      if (!mine) return <InlineAlert component="h2" variant="success" title={`Ready: ${board === "" ? "a board" : board} is held by ${shortName(lease.client ?? "")}`} />;
      return (
        <InlineAlert component="h2" variant="success" title={`Ready: ${board === "" ? "your board" : board} is yours. Open a shell on it with:`}>
          <ShellCommand leaseName={shortName(lease.name)} />
        </InlineAlert>
      );
    }
    case "starting":
      return (
        <InlineAlert component="h2" variant="info" title={`Starting: ${situation.detail}`}>
          <p>
            {`${board} is assigned to ${mine ? "you" : shortName(lease.client ?? "")} and its time has started; it is ready for commands once its beforeLease hook is done${exporter !== undefined && exporter.statusMessage !== "" ? ` (the exporter says: ${exporter.statusMessage})` : ""}. This page shows when it is.`}
          </p>
          {mine && <ShellCommand leaseName={shortName(lease.name)} />}
        </InlineAlert>
      );
    case "pending":
      return (
        <InlineAlert component="h2" variant="info" title={`Pending: ${situation.detail}`}>
          {waitedFor !== undefined && waitedFor.boards.length > 0 && (
            <>
              <p>{waitingIntro(situation)}</p>
              <WaitedBoardsList waited={waitedFor} nowMs={nowMs} />
            </>
          )}
          {says}
          <p>
            The controller keeps trying; this page follows the lease and shows when it becomes Ready. Its time only starts once it gets a board: until then it waits,
            however long, unless you release it.
          </p>
        </InlineAlert>
      );
    case "scheduled": {
      const begin = timestampToMs(lease.beginTime) ?? nowMs;
      return (
        <InlineAlert component="h2" variant="info" title={`Scheduled: starts ${formatClockTime(begin, nowMs)}`}>
          <p>The controller assigns a board at the begin time; this page follows the lease.</p>
        </InlineAlert>
      );
    }
    case "hook-failed": {
      const failure = situation.hookFailure;
      const name = failure?.exporter ?? board;
      const message = failure?.message ?? exporter?.statusMessage ?? "";
      return (
        <InlineAlert component="h2" variant="danger" title={situation.ended ? `Ended: ${name}'s beforeLease hook failed` : `${name}'s beforeLease hook failed: the lease is ending`}>
          <p>
            {`The exporter ended the lease because its beforeLease hook failed${message === "" ? "." : `: “${message}”.`} You did not release it. `}
            {exporter !== undefined && (
              <>
                <ExporterLink name={name} /> now shows <ExporterStatusLabel exporter={exporter} isCompact />; it stays so until someone repairs it.
              </>
            )}
          </p>
          {mine && situation.ended && (
            <LeaseAgain
              lease={lease}
              nowMs={nowMs}
              note={isPinned(lease) ? `It asks for ${name} again, so it waits until the board is repaired.` : "The controller gives it a board that is ready, not this one while it is failed."}
            />
          )}
        </InlineAlert>
      );
    }
    case "unsatisfiable":
    case "invalid":
      return (
        <InlineAlert component="h2" variant="danger" title={situation.noMatch === true ? "No exporter matches this selector: the lease ended at once" : `${situation.label}${reason}: the lease ended at once`}>
          {situation.noMatch === true ? (
            <>
              <p>
                {`No exporter in the lab has labels matching ${lease.selector}, so nothing could be assigned. `}
                <Link to={`/exporters?selector=${encodeURIComponent(lease.selector)}`}>Check the selector against the exporters</Link>
                {mine && (
                  <>
                    {" or "}
                    <Link to={leaseAgainHref(lease, nowMs)}>lease again with another selector</Link>
                  </>
                )}
                .
              </p>
              <p className="portal-muted">{`The controller says: ${situation.message ?? ""}${reason}.`}</p>
            </>
          ) : (
            <p>{situation.message ?? situation.detail}</p>
          )}
        </InlineAlert>
      );
    case "expired":
    case "released":
    case "ended":
      return (
        <InlineAlert
          component="h2"
          variant="custom"
          customIcon={situation.state === "expired" ? <ClockIcon /> : <BanIcon />}
          title={`${situation.label}: ${situation.message ?? situation.detail}`}
        >
          <p>The lease has ended and stays listed among ended leases.</p>
          {mine && <LeaseAgain lease={lease} nowMs={nowMs} />}
        </InlineAlert>
      );
  }
}

/** Under the heading: how it asked, its tags, whose it is, and its name to copy. */
function HeadingFacts({ lease, namespace, me }: { lease: Lease; namespace: string; me: string }) {
  const title = leaseTitle(lease);
  const name = shortName(lease.name);
  const tags = Object.keys(lease.tags).length > 0;
  return (
    <Flex className="portal-lease-facts" gap={{ default: "gapMd" }} alignItems={{ default: "alignItemsCenter" }}>
      {title.via !== undefined && (
        <FlexItem>
          <span className="portal-muted">by selector </span>
          <code className="portal-selector-text">{title.via}</code>
        </FlexItem>
      )}
      {title.kind === "asked-board" && (
        <FlexItem>
          <span className="portal-muted">asked for by name</span>
        </FlexItem>
      )}
      {tags && (
        <FlexItem>
          <LabelChips labels={lease.tags} ariaLabel="Tags of this lease" isTruncated={false} />
        </FlexItem>
      )}
      {!isMine(lease, namespace, me) && (
        <FlexItem>
          <span className="portal-muted">held by </span>
          <strong>{shortName(lease.client ?? "") || "unknown"}</strong>
        </FlexItem>
      )}
      <FlexItem>
        <span className="portal-muted">lease </span>
        <CopyNameButton name={name} showName />
      </FlexItem>
    </Flex>
  );
}

export function LeaseDetailView({ lease, situation, exporter, waitedFor, namespace, me, actions, nowMs }: LeaseDetailViewProps) {
  const name = shortName(lease.name);
  const mine = isMine(lease, namespace, me);
  const title = leaseTitle(lease);
  const duration = durationToMs(lease.duration);
  const effective = durationToMs(lease.effectiveDuration);
  const assigned = shortName(lease.exporter ?? "");
  const requested = lease.exporterName ?? "";
  const end = leaseEndMs(lease);
  const deprecated = leaseDeprecations(name, lease.deprecatedLabels);
  return (
    <>
      <PageSection>
        <LeaseCrumbs title={title.text} />
        <Flex alignItems={{ default: "alignItemsCenter" }} gap={{ default: "gapMd" }} className="portal-lease-heading">
          <FlexItem className="portal-lease-heading__title">
            <Title headingLevel="h1" className={title.kind === "selector" ? "portal-lease-title portal-lease-title--selector" : "portal-lease-title"}>
              {title.text}
            </Title>
          </FlexItem>
          <FlexItem>
            <LeaseStatusLabel state={situation.state} text={situation.label} />
          </FlexItem>
        </Flex>
        <HeadingFacts lease={lease} namespace={namespace} me={me} />
        {actions !== null && <div className="portal-lease-page-actions">{actions}</div>}
      </PageSection>
      <PageSection>
        <StatusBanner lease={lease} situation={situation} exporter={exporter} waitedFor={waitedFor} mine={mine} nowMs={nowMs} />
        <DeprecatedLabelsAlert items={deprecated} title={deprecated.length === 1 ? "The lease's selector uses a deprecated label" : "The lease's selector uses deprecated labels"} />
      </PageSection>
      <PageSection>
        <div className="portal-detail-grid">
          <Card>
            <CardTitle component="h2">Board and holder</CardTitle>
            <CardBody>
              <DescriptionList isHorizontal isCompact>
                <Field term="Board">
                  {assigned === "" ? (
                    <None text={situation.ended ? "none was assigned" : "not assigned yet"} />
                  ) : (
                    <span className="portal-board-state">
                      <ExporterLink name={assigned} />
                      {exporter !== undefined && exporter.name === lease.exporter && <ExporterStatusLabel exporter={exporter} isCompact />}
                    </span>
                  )}
                </Field>
                {exporter !== undefined && exporter.name === lease.exporter && exporter.statusMessage !== "" && <Field term="Board says">{exporter.statusMessage}</Field>}
                <Field term="Asked for board">{requested === "" ? <None text="any matching the selector" /> : <ExporterLink name={requested} />}</Field>
                <Field term="Selector">{lease.selector === "" || lease.selector === "<none>" ? <None text="none (a board by name)" /> : <code className="portal-selector-text">{lease.selector}</code>}</Field>
                <Field term="Client">
                  <Holder lease={lease} namespace={namespace} me={me} />
                </Field>
                <Field term="Allow disabled boards">{lease.allowDisabled ? "Yes" : "No"}</Field>
                <Field term="Lease name">
                  <CopyNameButton name={name} showName />
                </Field>
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
                  <LeaseTimeLeft lease={lease} situation={situation} />
                </Field>
                <Field term={situation.ended ? "Ended" : everHadExporter(lease) ? "Ends" : "Planned end"}>
                  <LeaseTimeCell ms={end} unknownText={situation.ended ? "unknown" : "once a board is assigned"} />
                </Field>
                <Field term="Duration">{duration === undefined ? <None /> : formatBookedDuration(duration)}</Field>
                <Field term="Held for">
                  {effective === undefined || (effective === 0 && lease.effectiveBeginTime === undefined) ? (
                    <None text={situation.ended ? "never: it got no board" : "not yet"} />
                  ) : (
                    `${formatBookedDuration(effective)}${situation.ended ? " in total" : " so far"}`
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
