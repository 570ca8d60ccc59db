// /exporters?selector=&q=&group=&sort=&status= : every exporter of the lab,
// who holds it and for how long. The container: hooks here, views below.
import { Button } from "@/components/button/button";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { Spinner } from "@/components/spinner";
import { useCallback, useDeferredValue, useLayoutEffect, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { EmptyState } from "@/components/empty-state";
import { ErrorAlert } from "@/components/error-alert";
import { NotAnsweringAlert } from "@/components/not-answering-alert";
import { parseSelector } from "@/domain/selector";
import { advancedFilterWords, readFilters, writeFilters, type ExporterFilters } from "@/features/exporters/exporter-filters";
import {
  buildRows,
  countStates,
  filterByState,
  groupRows,
  holdingLeases,
  labelKeys,
  listItems,
  searchRows,
  sortRows,
} from "@/features/exporters/exporter-rows";
import { appliedSelector } from "@/features/exporters/prefetch-exporters";
import { ExporterSummary } from "@/features/exporters/exporter-summary";
import { listViewCode } from "@/features/exporters/exporter-list-views";
import { useLoaded } from "@/lib/use-loaded";
import { ADVANCED_SUMMARY_ID, ExporterToolbar } from "@/features/exporters/exporter-toolbar";
import { useActiveLeases } from "@/features/exporters/use-active-leases";
import { useExporters } from "@/features/exporters/use-exporters";
import { describeError, isRequestRefused } from "@/lib/errors";
import { notAnsweringMessage } from "@/lib/first-load";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useFirstLoad } from "@/lib/use-first-load";
import { NARROW_QUERY, useMediaQuery } from "@/lib/use-media-query";
import { isShowingStale } from "@/lib/use-stale-queries";
import { isPartialAnswer } from "@/lib/list-queries";
import { currentParams } from "@/lib/current-params";
import { useTypedParam } from "@/lib/use-typed-param";

/** Typing pauses this long before a valid selector goes to the URL (and the controller). */
const SELECTOR_DEBOUNCE_MS = 300;
/** And this long before a search goes to the URL (the rows follow at once). */
const SEARCH_DEBOUNCE_MS = 250;
const selectorParses = (text: string): boolean => parseSelector(text).ok;
const anyText = (): boolean => true;

/** The id of the note that says the rows are stale (the list's description while it is shown). */
const STALE_NOTE_ID = "exporters-stale-note";

/** What the list shows until its first page (or its view's code) is in. */
const loadingExporters = (
  <div className="portal-loading" role="status">
    <Spinner size="lg" aria-hidden /> Loading exporters…
  </div>
);

const clockWithSeconds = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/**
 * Fills the window below the element given to `setElement` (a callback ref):
 * the table scrolls, not the page.
 */
function useFillHeight(min = 320, bottomGap = 16) {
  const [el, setElement] = useState<HTMLElement | null>(null);
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    if (el === null) return;
    const measure = (): void => setHeight(Math.max(min, Math.floor(window.innerHeight - el.getBoundingClientRect().top - bottomGap)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    window.addEventListener("resize", measure);
    return () => {
      observer.disconnect();
      window.removeEventListener("resize", measure);
    };
  }, [el, min, bottomGap]);
  return [setElement, height] as const;
}

export function ExportersPage() {
  useDocumentTitle("Exporters");
  const session = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);

  const update = useCallback(
    (patch: Partial<ExporterFilters>) => setParams(() => writeFilters(currentParams(), patch), { replace: true }),
    [setParams],
  );
  const writeSelector = useCallback((selector: string) => update({ selector }), [update]);
  const [selectorText, setSelectorText] = useTypedParam(filters.selector, writeSelector, selectorParses, SELECTOR_DEBOUNCE_MS);
  const parsedSelector = parseSelector(selectorText);
  const selectorError = parsedSelector.ok ? undefined : parsedSelector.error;

  // Search is local: typed text shows at once and the rows follow as deferred
  // work, which the next keystroke interrupts; the URL follows when typing
  // stops, so a keystroke is not a navigation of the whole app (issue 13).
  const writeQuery = useCallback((q: string) => update({ q }), [update]);
  const [search, setSearch] = useTypedParam(filters.q, writeQuery, anyText, SEARCH_DEBOUNCE_MS);
  const rowSearch = useDeferredValue(search);

  // Only a valid selector is ever sent; a shared link with an invalid one shows everything and the error.
  const applied = appliedSelector(params);
  const exporters = useExporters(applied);
  const leases = useActiveLeases();

  const holding = useMemo(() => holdingLeases(leases.data?.leases ?? []), [leases.data]);
  const rows = useMemo(() => buildRows(exporters.data?.exporters ?? [], holding), [exporters.data, holding]);
  const counts = useMemo(() => countStates(rows), [rows]);
  const keys = useMemo(() => labelKeys(exporters.data?.exporters ?? []), [exporters.data]);
  // Sorted once per answer or order, not per keystroke: searching keeps the order.
  const sorted = useMemo(() => sortRows(rows, filters.sort), [rows, filters.sort]);
  const visible = useMemo(() => filterByState(searchRows(sorted, rowSearch), filters.status), [sorted, rowSearch, filters.status]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo(() => {
    const groups = filters.group === "" ? null : groupRows(visible, filters.group);
    return listItems(visible, groups, filters.group, collapsed);
  }, [visible, filters.group, collapsed]);
  const toggleGroup = useCallback((value: string | undefined) => {
    const id = value ?? "";
    setCollapsed((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);
  const openExporter = useCallback((name: string) => void navigate(`/exporters/${encodeURIComponent(name)}`), [navigate]);
  const [fillRef, tableHeight] = useFillHeight();
  const narrow = useMediaQuery(NARROW_QUERY);
  // The rows' code comes in while their first page is asked for.
  const listViews = useLoaded(listViewCode(narrow));
  // Status, group by and sort stay behind the "Filters" toggle until asked for.
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const inForce = advancedFilterWords(filters);

  // A new selector's answer, not the previous one kept on screen meanwhile, decides the first-load state.
  const load = useFirstLoad({ ...exporters, data: exporters.isPlaceholderData ? undefined : exporters.data });
  // Rows drawn from answers that fail to refresh (the exporters or their holders) look stale.
  const staleSources = [exporters, leases].filter((q) => isShowingStale(q) && q.dataUpdatedAt > 0);
  const stale = staleSources.length > 0 || (exporters.isPlaceholderData && load.kind === "not-answering");
  const staleSince = staleSources.length === 0 ? undefined : Math.min(...staleSources.map((q) => q.dataUpdatedAt));

  // A first load of a large lab shows its first pages before the rest: the count says so.
  const partial = exporters.data !== undefined && !exporters.isPlaceholderData && isPartialAnswer(exporters.data);
  const rest = !partial ? undefined : exporters.isFetching ? "loading" : "failed";

  const serverSelectorError =
    exporters.isError && isRequestRefused(exporters.error) && applied !== "" ? describeError(exporters.error).detail : undefined;
  const canClear = filters.selector !== "" || selectorText !== "" || search !== "" || filters.status !== undefined || filters.group !== "" || filters.sort !== "name";
  const clear = (): void => {
    setSelectorText("");
    setSearch("");
    setParams(new URLSearchParams(), { replace: true });
  };

  let body;
  if (exporters.data === undefined) {
    if (load.kind === "failed" && serverSelectorError === undefined) {
      body = (
        <ErrorAlert
          error={load.error}
          title="The exporters could not be loaded"
          actions={
            <Button variant="link" isInline onClick={() => void exporters.refetch()}>
              Try again
            </Button>
          }
        />
      );
    } else if (load.kind === "failed") {
      body = <EmptyState title="No results for this selector">The controller refused the selector; see the message under the field.</EmptyState>;
    } else if (load.kind === "not-answering") {
      body = <NotAnsweringAlert load={load} what="the exporters" onRetryNow={() => void exporters.refetch()} />;
    } else {
      body = loadingExporters;
    }
  } else if (rows.length === 0) {
    body = (
      <EmptyState title={applied === "" ? "This lab has no exporters yet" : "No exporter matches this selector"}>
        {applied === "" ? "Exporters appear here once they register with the controller." : <>Nothing matches <code>{applied}</code>.</>}
      </EmptyState>
    );
  } else if (visible.length === 0) {
    body = (
      <EmptyState
        title="No exporter matches the search and status filter"
        actions={
          <Button variant="link" onClick={clear}>
            Clear filters
          </Button>
        }
      />
    );
  } else {
    // A new view (filter, grouping, order) starts at its top, not where the last one was scrolled to.
    // A prop, not a React key: remounting the list on every search keystroke cost a whole new table (issue 13).
    const viewKey = `${applied}|${rowSearch}|${filters.status ?? ""}|${filters.group}|${filters.sort}`;
    body =
      listViews === undefined ? (
        loadingExporters
      ) : "ExporterCards" in listViews ? (
        <listViews.ExporterCards
          viewKey={viewKey}
          items={items}
          me={session.clientName}
          onToggleGroup={toggleGroup}
          height={tableHeight}
          stale={stale}
          staleNoteId={STALE_NOTE_ID}
        />
      ) : (
        <listViews.ExporterTable
          viewKey={viewKey}
          items={items}
          me={session.clientName}
          sort={filters.sort}
          onOpen={openExporter}
          onToggleGroup={toggleGroup}
          height={tableHeight}
          stale={stale}
          staleNoteId={STALE_NOTE_ID}
        />
      );
  }

  const notes = [];
  if (exporters.data !== undefined && stale) {
    notes.push(
      <span key="stale" id={STALE_NOTE_ID} className="portal-stale-note">
        {staleSince === undefined
          ? "These rows are from the previous selector and may be out of date."
          : `These rows may be out of date: last refreshed at ${clockWithSeconds.format(staleSince)}.`}
      </span>,
    );
  }
  if (exporters.isPlaceholderData && load.kind === "not-answering") {
    notes.push(
      <span key="waiting" className="portal-muted" role="status">
        {notAnsweringMessage(load, "the results of the new selector")}
      </span>,
    );
  } else if (exporters.isPlaceholderData) {
    notes.push(
      <span key="updating" className="portal-muted" role="status">
        <Spinner size="sm" aria-hidden /> Updating for the new selector…
      </span>,
    );
  }
  // Without exporters on screen the not-answering alert says it all.
  if (exporters.data !== undefined && leases.isError && leases.data === undefined) {
    notes.push(<span key="holders" className="portal-muted">{`Holders unknown: ${describeError(leases.error).message}`}</span>);
  }

  return (
    <>
      <PageSection className="portal-exporters-head">
        <div className="portal-exporters-head__title">
          <Title headingLevel="h1">Exporters</Title>
          {exporters.data !== undefined && (
            // The counts are as stale as the rows: drawn alike.
            <div className={stale ? "portal-stale" : undefined}>
              <ExporterSummary
                total={rows.length}
                counts={counts}
                shown={visible.length}
                status={filters.status}
                onStatusChange={(status) => update({ status })}
                {...(rest === undefined ? {} : { rest })}
              />
            </div>
          )}
          {/* What the closed "Filters" toggle holds, beside the counts it shapes. */}
          {!advancedOpen && inForce.length > 0 && (
            <span id={ADVANCED_SUMMARY_ID} className="portal-muted portal-filters__summary">
              {`Showing ${inForce.join(", ")}`}
            </span>
          )}
        </div>
        <ExporterToolbar
          selectorText={selectorText}
          selectorError={selectorError}
          selectorServerError={serverSelectorError}
          onSelectorChange={setSelectorText}
          search={search}
          onSearchChange={setSearch}
          status={filters.status}
          onStatusChange={(status) => update({ status })}
          group={filters.group}
          groupKeys={keys}
          onGroupChange={(group) => {
            setCollapsed(new Set());
            update({ group });
          }}
          sort={filters.sort}
          onSortChange={(sort) => update({ sort })}
          canClear={canClear}
          onClear={clear}
          advancedOpen={advancedOpen}
          onAdvancedOpenChange={setAdvancedOpen}
        />
      </PageSection>
      <PageSection aria-label="Exporter list" className="portal-exporters-list">
        {notes.length > 0 && <div className="portal-summary-row">{notes}</div>}
        <div ref={fillRef}>{body}</div>
      </PageSection>
    </>
  );
}
