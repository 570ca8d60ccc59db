// The timeline's scrolling grid: a sticky time axis, a sticky column of
// board names, virtualised rows (only those on screen exist), the line for
// now, and dragging across a row to select a window. The track's width is
// the visible width times the zoom, in CSS (container query units), so a
// zoom changes one custom property and no row.
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type MouseEvent, type PointerEvent as ReactPointerEvent } from "react";
import type { TimeWindow } from "@/domain/availability";
import { useNow } from "@/lib/use-now";
import { axisTicks, dragWindow, fractionOf, snapStepMs, timeAtX, type TimelineView, type Zoom } from "@/features/booking/timeline/time-axis";
import type { BoardLine, TimelineLine } from "@/features/booking/timeline/timeline-lines";
import { BoardRow, GroupRow, LaneRow, type DragState } from "@/features/booking/timeline/timeline-row";

const ROW_PX = 44;
const GROUP_PX = 32;
/** Pointer travel below this is a click, not a drag. */
const DRAG_THRESHOLD_PX = 4;

const hourFormat = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: "short", day: "numeric", month: "short" });

function Axis({ view, range, zoom }: { view: TimelineView; range: TimeWindow; zoom: Zoom }) {
  const ticks = axisTicks(view, range, zoom);
  return (
    <div className="portal-tl-axis" aria-hidden>
      <div className="portal-tl-name portal-tl-axis__corner">Exporter</div>
      <div className="portal-tl-axis__track">
        {ticks.map((t) => (
          <span key={t.ms} className={`portal-tl-tick${t.major ? " portal-tl-tick--major" : ""}`} style={{ left: `${t.fraction * 100}%` }}>
            {t.major && <span className="portal-tl-tick__label">{view === "week" && new Date(t.ms).getHours() === 0 ? dayFormat.format(t.ms) : hourFormat.format(t.ms)}</span>}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The line for now, moving each second; nothing when now is outside the range. */
function NowLine({ range }: { range: TimeWindow }) {
  const now = useNow();
  const f = fractionOf(range, now);
  if (f < 0 || f > 1) return null;
  return <div className="portal-tl-now" style={{ left: `${f * 100}%` }} aria-hidden />;
}

/** Of a row's items, the one under `x` (the middle of the item focused in the row before), else the nearest to it. */
function itemAt(items: readonly HTMLElement[], x: number): HTMLElement | undefined {
  let best: HTMLElement | undefined;
  let bestGap = Infinity;
  for (const item of items) {
    const r = item.getBoundingClientRect();
    const gap = x < r.left ? r.left - x : x > r.right ? x - r.right : 0;
    if (gap < bestGap) {
      best = item;
      bestGap = gap;
    }
  }
  return best;
}

/**
 * Up and Down from a bar or a free slot: to the item at the same time in the
 * next row above or below that has any (group headings have none). Rows are
 * virtualised, but the overscan keeps the neighbours in the document.
 */
function moveBetweenRows(e: KeyboardEvent<HTMLElement>): void {
  if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
  const from = e.target as HTMLElement;
  const slot = from.closest<HTMLElement>("[data-index]");
  if (!from.hasAttribute("data-tl-item") || slot === null) return;
  e.preventDefault();
  const r = from.getBoundingClientRect();
  const x = (r.left + r.right) / 2;
  const step = e.key === "ArrowUp" ? -1 : 1;
  const slots = new Map([...e.currentTarget.querySelectorAll<HTMLElement>("[data-index]")].map((el) => [Number(el.dataset.index), el]));
  for (let i = Number(slot.dataset.index) + step; slots.has(i); i += step) {
    const items = [...(slots.get(i)?.querySelectorAll<HTMLElement>("[data-tl-item]") ?? [])];
    const to = itemAt(items, x);
    if (to !== undefined) {
      to.focus();
      return;
    }
  }
}

/** The track's left edge and width in pixels (the axis draws the same track as every row). */
function trackBox(scroller: HTMLElement): { nameW: number; trackW: number } {
  const track = scroller.querySelector<HTMLElement>(".portal-tl-axis__track");
  return { nameW: track?.offsetLeft ?? 0, trackW: track?.offsetWidth ?? 0 };
}

export interface TimelineGridProps {
  readonly lines: readonly TimelineLine[];
  readonly view: TimelineView;
  readonly range: TimeWindow;
  readonly zoom: Zoom;
  /** Now to the minute (rows redraw at most once a minute for the passing time). */
  readonly nowMs: number;
  /** A selection waiting for a decision (a clash to confirm). */
  readonly pending: DragState | undefined;
  readonly onSelect: (line: BoardLine, window: TimeWindow) => void;
  readonly onFreeSlot: (line: BoardLine, slot: TimeWindow) => void;
  readonly label: string;
}

export const TimelineGrid = memo(function TimelineGrid({ lines, view, range, zoom, nowMs, pending, onSelect, onFreeSlot, label }: TimelineGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState<DragState | undefined>(undefined);
  // Set between a drag's end and the click the browser may send after it.
  const justDragged = useRef(false);

  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback((i: number) => (lines[i]?.kind === "group" ? GROUP_PX : ROW_PX), [lines]);
  const getItemKey = useCallback((i: number) => lines[i]?.key ?? i, [lines]);
  // This app does not use the React Compiler; the virtualiser's changing functions are fine here.
  // No flushSync on scroll: React draws the rows scrolled in outside the scroll handler (fewer long frames).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: lines.length, getScrollElement, estimateSize, getItemKey, overscan: 8, useFlushSync: false });

  // Keep the time in the middle of the view where it was when the zoom changes. Worked out
  // after the new width applies (scrollLeft is still the old one; the old width follows from the
  // zoom ratio), so scrolling itself never reads layout.
  const shownZoom = useRef(zoom);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = shownZoom.current;
    shownZoom.current = zoom;
    if (el === null || before === zoom) return;
    const { nameW, trackW } = trackBox(el);
    const oldTrackW = (trackW * before) / zoom;
    if (oldTrackW <= 0) return;
    const centre = (el.scrollLeft + (el.clientWidth + nameW) / 2 - nameW) / oldTrackW;
    el.scrollLeft = centre * trackW + nameW - (el.clientWidth + nameW) / 2;
  }, [zoom]);

  // A new day or week opens on now when it is in view, else on its start.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const { nameW, trackW } = trackBox(el);
    const f = fractionOf(range, Date.now());
    el.scrollLeft = f > 0 && f < 1 ? Math.max(0, f * trackW - (el.clientWidth - nameW) / 3) : 0;
  }, [range]);

  const onTrackPointerDown = useCallback(
    (line: BoardLine, e: ReactPointerEvent<HTMLDivElement>) => {
      if (e.button !== 0 || e.pointerType === "touch") return; // touch scrolls; a tap on a free slot books it
      const rect = e.currentTarget.getBoundingClientRect();
      const fromMs = timeAtX(range, rect.left, rect.width, e.clientX);
      const startX = e.clientX;
      const step = snapStepMs(view);
      let moved = false;
      let chosen = dragWindow(range, fromMs, fromMs, step);
      // No text selection or link drag while dragging (a bar still opens its lease on a plain click).
      e.preventDefault();
      const move = (ev: PointerEvent): void => {
        if (Math.abs(ev.clientX - startX) >= DRAG_THRESHOLD_PX) moved = true;
        if (!moved) return;
        chosen = dragWindow(range, fromMs, timeAtX(range, rect.left, rect.width, ev.clientX), step);
        setDragging({ board: line.name, window: chosen });
      };
      const up = (): void => {
        document.removeEventListener("pointermove", move);
        document.removeEventListener("pointerup", up);
        setDragging(undefined);
        if (!moved) return;
        justDragged.current = true;
        setTimeout(() => (justDragged.current = false), 0);
        onSelect(line, chosen);
      };
      document.addEventListener("pointermove", move);
      document.addEventListener("pointerup", up);
    },
    [range, view, onSelect],
  );

  // A drag that ends where it began (on a bar or a free slot) is not a click on it.
  const swallowClickAfterDrag = (e: MouseEvent<HTMLDivElement>): void => {
    if (!justDragged.current) return;
    e.preventDefault();
    e.stopPropagation();
  };

  const selection = dragging ?? pending;
  const style = { "--portal-tl-zoom": zoom } as CSSProperties;
  return (
    <div ref={scrollRef} className={`portal-tl-scroll portal-tl-scroll--${view}`} style={style} role="region" aria-label={label} onClickCapture={swallowClickAfterDrag}>
      <Axis view={view} range={range} zoom={zoom} />
      <div className="portal-tl-body" style={{ height: virtualizer.getTotalSize() }} onKeyDown={moveBetweenRows}>
        <div className="portal-tl-overlay">
          <NowLine range={range} />
        </div>
        {virtualizer.getVirtualItems().map((v) => {
          const line = lines[v.index];
          if (line === undefined) return null;
          return (
            <div key={v.key} className="portal-tl-slot" style={{ transform: `translateY(${v.start}px)`, height: v.size }} data-index={v.index}>
              {line.kind === "board" ? (
                <BoardRow
                  line={line}
                  range={range}
                  nowMs={nowMs}
                  selection={selection?.board === line.name ? selection.window : undefined}
                  onTrackPointerDown={onTrackPointerDown}
                  onFreeSlot={onFreeSlot}
                />
              ) : line.kind === "lane" ? (
                <LaneRow line={line} range={range} nowMs={nowMs} />
              ) : (
                <GroupRow line={line} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
