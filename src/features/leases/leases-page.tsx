// /leases?scope=all&ended=1&tags= : my leases by default, everyone's on
// request, active by default, ended ones on request, filtered by tags. The
// container: hooks here, views beside it.
import { Flex, FlexItem } from "@/components/flex";
import "@/features/leases/leases.css";
import { Switch } from "@patternfly/react-core";
import { ToggleGroupItem, ToggleGroup } from "@/components/toggle-group";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { Spinner } from "@/components/spinner";
import { Button } from "@/components/button/button";
import { PlusCircleIcon } from "@patternfly/react-icons";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { RouterAnchor } from "@/components/router-anchor";
import { parseSelector } from "@/domain/selector";
import { readLeaseFilters, writeLeaseFilters, type LeaseListFilters } from "@/features/leases/lease-list-filters";
import { leaseListViewCode } from "@/features/leases/lease-list-code";
import { leasesInScope, sortLeases } from "@/features/leases/lease-rows";
import { TagFilterField } from "@/features/leases/tag-filter-field";
import { useLabExporters } from "@/lib/use-lab-exporters";
import { useLeaseList } from "@/lib/use-lease-list";
import { describeError, isRequestRefused } from "@/lib/errors";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useLoaded } from "@/lib/use-loaded";
import { useNow } from "@/lib/use-now";
import { currentParams } from "@/lib/current-params";
import { useTypedParam } from "@/lib/use-typed-param";

/** Typing pauses this long before a valid tag filter goes to the URL (and the controller). */
const FILTER_DEBOUNCE_MS = 300;

const tagsParse = (text: string): boolean => parseSelector(text).ok;

/** What the list shows until its leases (or its rows' code) are in. */
const loadingLeases = (
  <div className="portal-loading" role="status">
    <Spinner size="lg" aria-hidden /> Loading leases…
  </div>
);

function NewLeaseButton({ variant = "primary" }: { variant?: "primary" | "link" }) {
  return (
    <Button component={RouterAnchor} href="/leases/new" variant={variant} icon={<PlusCircleIcon />}>
      {variant === "link" ? "Lease a board →" : "New lease"}
    </Button>
  );
}

export function LeasesPage() {
  useDocumentTitle("Leases");
  const session = useSession();
  const now = useNow();
  const [params, setParams] = useSearchParams();
  const filters = readLeaseFilters(params);
  const update = useCallback(
    (patch: Partial<LeaseListFilters>) => setParams(() => writeLeaseFilters(currentParams(), patch), { replace: true }),
    [setParams],
  );
  const writeTags = useCallback((tags: string) => update({ tags }), [update]);
  const [tagsText, setTagsText] = useTypedParam(filters.tags, writeTags, tagsParse, FILTER_DEBOUNCE_MS);
  const parsedTags = parseSelector(tagsText);
  const tags = { text: tagsText, setText: setTagsText, error: parsedTags.ok ? undefined : parsedTags.error };

  // Only a valid filter is ever sent; a shared link with an invalid one shows everything and the error.
  const applied = parseSelector(filters.tags).ok ? filters.tags.trim() : "";
  const list = useLeaseList(!filters.ended, applied);
  const inScope = useMemo(
    () => leasesInScope(list.data?.leases ?? [], filters.scope, session.namespace, session.clientName),
    [list.data, filters.scope, session.namespace, session.clientName],
  );
  const rows = sortLeases(inScope, now);
  // Exporter statuses tell a board still running its beforeLease hook, and a lease its failed hook ended.
  const lab = useLabExporters();
  const exporters = useMemo(() => (lab.data === undefined ? undefined : new Map(lab.data.exporters.map((e) => [e.name, e]))), [lab.data]);

  const serverTagError = list.isError && isRequestRefused(list.error) && applied !== "" ? describeError(list.error).detail : undefined;
  const filtered = applied !== "";
  const clearFilters = (): void => {
    tags.setText("");
    update({ tags: "" });
  };

  // The rows' code, started by the route beside the first call (lease-list-code.ts).
  const view = useLoaded(leaseListViewCode);

  let body;
  if (list.data === undefined) {
    if (list.isError && serverTagError === undefined) {
      body = (
        <ErrorAlert
          error={list.error}
          title="The leases could not be loaded"
          actions={
            <Button variant="link" isInline onClick={() => void list.refetch()}>
              Try again
            </Button>
          }
        />
      );
    } else if (list.isError) {
      body = <EmptyState title="No results for this tag filter">The controller refused the filter; see the message under the field.</EmptyState>;
    } else {
      body = loadingLeases;
    }
  } else if (rows.length === 0) {
    const mine = filters.scope === "mine";
    const what = filters.ended ? "no leases, active or ended" : "no active leases";
    body = filtered ? (
      <EmptyState
        title={`No lease has tags matching ${applied}`}
        actions={
          <Button variant="link" onClick={clearFilters}>
            Clear the tag filter
          </Button>
        }
      >
        {mine ? "Among your leases, none carries these tags." : "No lease in the namespace carries these tags."}
      </EmptyState>
    ) : mine ? (
      <EmptyState title={filters.ended ? "You have no leases, active or ended" : "You hold no leases"} actions={<NewLeaseButton variant="link" />}>
        {filters.ended ? "Leases you make appear here, and stay listed after they end." : "Find a free board and lease it; it appears here, with its time left."}
        {!filters.ended && (
          <>
            {" "}
            <Button variant="link" isInline onClick={() => update({ scope: "all" })}>
              See everyone&apos;s leases
            </Button>
          </>
        )}
      </EmptyState>
    ) : (
      <EmptyState title={`The namespace has ${what}`} actions={<NewLeaseButton variant="link" />}>
        Nobody holds or waits for a board right now.
      </EmptyState>
    );
  } else if (view === undefined) {
    body = loadingLeases;
  } else {
    body = (
      <view.LeaseListView
        leases={rows}
        listed={list.data.leases}
        exporters={exporters}
        namespace={session.namespace}
        me={session.clientName}
        showClient={filters.scope === "all"}
        caption={filters.scope === "all" ? "Everyone's leases" : "My leases"}
      />
    );
  }

  const count = rows.length;
  return (
    <>
      <PageSection>
        <Flex justifyContent={{ default: "justifyContentSpaceBetween" }} alignItems={{ default: "alignItemsCenter" }}>
          <FlexItem>
            <Title headingLevel="h1">Leases</Title>
          </FlexItem>
          <FlexItem>
            <NewLeaseButton />
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection className="portal-leases-toolbar">
        <Flex alignItems={{ default: "alignItemsFlexStart" }} gap={{ default: "gapLg" }}>
          <FlexItem>
            <div className="portal-field-label" id="lease-scope-label">
              Whose leases
            </div>
            <ToggleGroup aria-labelledby="lease-scope-label">
              <ToggleGroupItem text="Mine" buttonId="lease-scope-mine" isSelected={filters.scope === "mine"} onChange={() => update({ scope: "mine" })} />
              <ToggleGroupItem text="Everyone's" buttonId="lease-scope-all" isSelected={filters.scope === "all"} onChange={() => update({ scope: "all" })} />
            </ToggleGroup>
          </FlexItem>
          <FlexItem className="portal-switch-item">
            <Switch
              id="lease-show-ended"
              label="Show ended leases"
              isChecked={filters.ended}
              onChange={(_e, checked) => update({ ended: checked })}
            />
          </FlexItem>
          <FlexItem grow={{ default: "grow" }}>
            <TagFilterField value={tags.text} onChange={tags.setText} error={tags.error} serverError={serverTagError} />
          </FlexItem>
        </Flex>
      </PageSection>
      <PageSection aria-label="Lease list">
        {list.data !== undefined && (
          <div className="portal-summary-row">
            <span className="portal-summary__total">
              {`${count} ${count === 1 ? "lease" : "leases"}`}
              <span className="portal-muted">{` · ${filters.scope === "mine" ? "yours" : "everyone's"}, ${filters.ended ? "active and ended" : "active"}${filtered ? `, tags ${applied}` : ""}`}</span>
            </span>
            {list.isPlaceholderData && (
              <span className="portal-muted" role="status">
                <Spinner size="sm" aria-hidden /> Updating…
              </span>
            )}
          </div>
        )}
        {body}
      </PageSection>
    </>
  );
}
