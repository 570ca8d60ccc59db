// /timeline: every board as a row and time across, its leases as bars, the
// free time between them as buttons that book it; drag across a row to book
// that window (a clash with a booking is said before anything is sent). The
// view (day or week, date, zoom, selector, search, grouping) is in the URL.
import "@/features/booking/timeline/timeline.css";
import { Button } from "@/components/button/button";
import { Title } from "@/components/title";
import { PageSection } from "@/components/page-section";
import { Spinner } from "@/components/spinner";
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { ErrorAlert } from "@/components/error-alert";
import { InlineAlert } from "@/components/inline-alert";
import { NotAnsweringAlert } from "@/components/not-answering-alert";
import { boardOutlook, bookingsOf, type TimeWindow } from "@/domain/availability";
import { createPrefillSearch } from "@/domain/create-lease-link";
import { parseSelector } from "@/domain/selector";
import { formatClockTime } from "@/lib/format-date";
import { useSession } from "@/lib/session-context";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useFirstLoad } from "@/lib/use-first-load";
import { useLabExporters } from "@/lib/use-lab-exporters";
import { useLeaseList } from "@/lib/use-lease-list";
import { shiftDate, startOfLocalDay, stepZoom, viewRange, ZOOM_LEVELS, type TimelineView } from "@/features/booking/timeline/time-axis";
import { timelineGridCode } from "@/features/booking/timeline/timeline-grid-code";
import { TimelineLegend } from "@/features/booking/timeline/timeline-legend";
import { boardLines, filterBoards, groupKeys, timelineLines, type BoardLine } from "@/features/booking/timeline/timeline-lines";
import { readTimelineParams, writeTimelineParams, type TimelinePatch } from "@/features/booking/timeline/timeline-params";
import type { DragState } from "@/features/booking/timeline/timeline-row";
import { TimelineToolbar } from "@/features/booking/timeline/timeline-toolbar";
import { useMinute } from "@/features/booking/timeline/use-minute";
import { useLoaded } from "@/lib/use-loaded";
import { useTypedParam } from "@/lib/use-typed-param";
import { clashWords, windowWords } from "@/features/booking/timeline/timeline-words";

const TYPING_DEBOUNCE_MS = 250;
const selectorParses = (text: string): boolean => parseSelector(text).ok;
const anyText = (): boolean => true;

/** One object per day or week shown, so the grid's rows and effects see the range change only with the date or view. */
function useViewRange(view: TimelineView, dayMs: number): TimeWindow {
  return useMemo(() => viewRange(view, dayMs), [view, dayMs]);
}

/** A selection waiting for the user's word: it clashes, or the board cannot be assigned now. */
interface PendingBooking extends DragState {
  readonly words: string;
}

export function TimelinePage() {
  useDocumentTitle("Timeline");
  const { clientName } = useSession();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const minute = useMinute();
  const params = readTimelineParams(searchParams, minute);
  const dateAsTyped = searchParams.get("date") ?? "";
  const { view, dayMs, zoom, group } = params;
  const range = useViewRange(view, dayMs);

  const update = useCallback((patch: TimelinePatch) => setSearchParams((p) => writeTimelineParams(p, patch), { replace: true }), [setSearchParams]);
  const writeSelector = useCallback((selector: string) => update({ selector }), [update]);
  const writeQuery = useCallback((q: string) => update({ q }), [update]);
  const [selectorText, setSelectorText] = useTypedParam(params.selector, writeSelector, selectorParses, TYPING_DEBOUNCE_MS);
  const [searchText, setSearchText] = useTypedParam(params.q, writeQuery, anyText, TYPING_DEBOUNCE_MS);
  const parsedSelector = parseSelector(selectorText);
  const applied = parseSelector(params.selector);

  const exporters = useLabExporters();
  const leases = useLeaseList(false, "");
  const exportersLoad = useFirstLoad(exporters);
  const leasesLoad = useFirstLoad(leases);

  const bookings = useMemo(() => bookingsOf(leases.data?.leases ?? [], minute), [leases.data, minute]);
  const allBoards = useMemo(() => boardLines(exporters.data?.exporters ?? [], bookings), [exporters.data, bookings]);
  const deferredQuery = useDeferredValue(params.q);
  const shown = useMemo(() => filterBoards(allBoards, applied.ok ? applied.selector : undefined, deferredQuery), [allBoards, applied, deferredQuery]);
  const lines = useMemo(() => timelineLines(allBoards, shown, bookings, group), [allBoards, shown, bookings, group]);
  const keys = useMemo(() => groupKeys(allBoards), [allBoards]);

  // The grid's code, started by the route beside the first calls (timeline-grid-code.ts).
  const grid = useLoaded(timelineGridCode);
  const [pending, setPending] = useState<PendingBooking | undefined>(undefined);
  const [passed, setPassed] = useState(false);

  const book = useCallback(
    (board: string, w: TimeWindow) => {
      void navigate(`/leases/new?${createPrefillSearch({ exporter: board, beginMs: w.startMs, endMs: w.endMs })}`);
    },
    [navigate],
  );

  const onSelect = useCallback(
    (line: BoardLine, chosen: TimeWindow) => {
      const nowMs = Date.now();
      if (chosen.endMs <= nowMs) {
        setPending(undefined);
        setPassed(true);
        return;
      }
      setPassed(false);
      // A window begun in the past starts now (to the minute ahead).
      const w = { startMs: Math.max(chosen.startMs, Math.ceil(nowMs / 60_000) * 60_000), endMs: chosen.endMs };
      const outlook = boardOutlook(line.name, line.usable, line.bookings, w);
      const clash = clashWords(outlook, w, clientName, nowMs, formatClockTime);
      const unusable = line.usable ? undefined : `${line.name} is ${line.state.text.toLowerCase()}: the controller cannot assign it as things stand.`;
      const words = [clash, unusable].filter((s) => s !== undefined).join(" ");
      if (words === "") book(line.name, w);
      else setPending({ board: line.name, window: w, words });
    },
    [book, clientName],
  );
  const onFreeSlot = useCallback((line: BoardLine, slot: TimeWindow) => onSelect(line, slot), [onSelect]);

  let body;
  if (exportersLoad.kind === "failed" || leasesLoad.kind === "failed") {
    const error = exportersLoad.kind === "failed" ? exportersLoad.error : leasesLoad.kind === "failed" ? leasesLoad.error : undefined;
    body = <ErrorAlert error={error} title="Could not load the timeline" />;
  } else if (exportersLoad.kind === "not-answering") {
    body = <NotAnsweringAlert load={exportersLoad} what="the exporters" onRetryNow={() => void exporters.refetch()} />;
  } else if (leasesLoad.kind === "not-answering") {
    body = <NotAnsweringAlert load={leasesLoad} what="the leases" onRetryNow={() => void leases.refetch()} />;
  } else if (exportersLoad.kind === "loading" || leasesLoad.kind === "loading" || grid === undefined) {
    body = <Spinner size="lg" aria-label="Loading the timeline" />;
  } else {
    const count = `${shown.length} ${shown.length === 1 ? "exporter" : "exporters"}`;
    body = (
      <>
        <p className="portal-tl-count" aria-live="polite">
          {shown.length === allBoards.length ? count : `${count} of ${allBoards.length}`}
        </p>
        {shown.length === 0 ? (
          <p>No exporter matches these filters.</p>
        ) : (
          <grid.TimelineGrid
            lines={lines}
            view={view}
            range={range}
            zoom={zoom}
            nowMs={minute}
            pending={pending}
            onSelect={onSelect}
            onFreeSlot={onFreeSlot}
            label={`Timeline, ${view === "day" ? "day" : "week"} of ${windowWords(range, minute, formatClockTime)}`}
          />
        )}
      </>
    );
  }

  return (
    <PageSection>
      <Title headingLevel="h1">Timeline</Title>
      <p className="portal-tl-intro portal-tl-intro--pointer">Who has each board when. Drag across a row, or choose a free slot, to book that time.</p>
      <p className="portal-tl-intro portal-tl-intro--touch">Who has each board when. Tap a free slot to book it.</p>
      <TimelineToolbar
        view={view}
        dayMs={dayMs}
        zoom={zoom}
        canZoomIn={zoom < (ZOOM_LEVELS.at(-1) ?? 1)}
        canZoomOut={zoom > 1}
        onView={(v) => update({ view: v })}
        onDate={(ms) => update({ dayMs: ms })}
        onStep={(steps) => update({ dayMs: shiftDate(view, dayMs, steps) })}
        onToday={() => update({ dayMs: startOfLocalDay(Date.now()) })}
        onZoom={(direction) => update({ zoom: stepZoom(zoom, direction) })}
        selectorText={selectorText}
        onSelectorChange={setSelectorText}
        selectorError={parsedSelector.ok ? undefined : parsedSelector.error}
        search={searchText}
        onSearchChange={setSearchText}
        group={group}
        groupKeys={keys}
        onGroupChange={(g) => update({ group: g })}
      />
      {params.badDate && (
        <InlineAlert variant="warning" title={`"${dateAsTyped}" is not a date: showing today. Dates read like 2026-12-03.`} />
      )}
      {passed && <InlineAlert variant="info" title="That time has passed: choose a window from now on." />}
      {pending !== undefined && (
        <InlineAlert
          variant="warning"
          title={`${pending.board}, ${windowWords(pending.window, minute, formatClockTime)}`}
          actionLinks={
            <>
              <Button variant="link" isInline onClick={() => book(pending.board, pending.window)}>
                Book anyway
              </Button>
              <Button variant="link" isInline onClick={() => setPending(undefined)}>
                Cancel
              </Button>
            </>
          }
        >
          <p role="status">{pending.words}</p>
        </InlineAlert>
      )}
      {body}
      <TimelineLegend />
    </PageSection>
  );
}
