// One row of the timeline: a board's name (with its state when the
// controller cannot assign it) and its track of bars and free slots, or a
// selector lane, or a group heading. Plain elements only (no PatternFly
// component per bar: see src/lib/README.md, performance notes); bars are
// placed in percentages of the track, so zooming (the track's width, a CSS
// variable on the grid) redraws no row. A roving tabindex makes each row
// one tab stop, with Left and Right moving between its bars and free slots (Up and Down
// move between rows: timeline-grid.tsx).
import { memo, useState, type CSSProperties, type FocusEvent, type KeyboardEvent, type PointerEvent } from "react";
import { Link } from "react-router";
import type { Booking, TimeWindow } from "@/domain/availability";
import { cachedClock } from "@/features/booking/timeline/cached-clock";
import { rowItems, type RowItem } from "@/features/booking/timeline/row-items";
import { fractionOf } from "@/features/booking/timeline/time-axis";
import type { BoardLine, GroupLine, LaneLine } from "@/features/booking/timeline/timeline-lines";
import { barName, freeSlotName, tagWords, unusableWords } from "@/features/booking/timeline/timeline-words";

/** Left and width of a window across the track, in percent. */
function place(range: TimeWindow, w: TimeWindow): { left: string; width: string } {
  const from = fractionOf(range, w.startMs);
  const to = fractionOf(range, w.endMs);
  return { left: `${from * 100}%`, width: `${(to - from) * 100}%` };
}

interface BarProps {
  b: Booking;
  shown: TimeWindow;
  lane: number;
  lanes: number;
  range: TimeWindow;
  nowMs: number;
  tabIndex: number;
}

function BarLink({ b, shown, lane, lanes, range, nowMs, tabIndex }: BarProps) {
  const name = barName(b, nowMs, cachedClock);
  const tags = tagWords(b.tags);
  return (
    <Link
      to={`/leases/${b.lease}`}
      className={`portal-tl-bar portal-tl-bar--${b.kind}`}
      style={lanes === 1 ? place(range, shown) : ({ ...place(range, shown), "--portal-tl-lane": lane, "--portal-tl-lanes": lanes } as CSSProperties)}
      aria-label={name}
      title={name}
      tabIndex={tabIndex}
      data-tl-item=""
      data-focus-key={`lease:${b.lease}`}
      draggable={false}
    >
      <span className="portal-tl-bar__text">
        {b.holder}
        {tags === "" ? "" : ` · ${tags}`}
      </span>
    </Link>
  );
}

/** Keys that move between a row's items; the rest stay the focused element's (Up and Down are the grid's). */
function moveInRow(e: KeyboardEvent<HTMLElement>): void {
  const items = [...e.currentTarget.querySelectorAll<HTMLElement>("[data-tl-item]")];
  const at = items.indexOf(e.target as HTMLElement);
  if (at < 0) return;
  const to = e.key === "ArrowRight" ? at + 1 : e.key === "ArrowLeft" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? items.length - 1 : undefined;
  if (to === undefined) return;
  e.preventDefault();
  items[Math.max(0, Math.min(items.length - 1, to))]?.focus();
}

/**
 * The row's one tab stop follows focus, however it came (arrows in the row,
 * Up or Down from the next row, a click), so Tab leaves from where the user is.
 */
function useRovingItem(): [number, (e: FocusEvent<HTMLElement>) => void] {
  const [active, setActive] = useState(0);
  const onFocus = (e: FocusEvent<HTMLElement>): void => {
    const at = [...e.currentTarget.querySelectorAll<HTMLElement>("[data-tl-item]")].indexOf(e.target);
    if (at >= 0) setActive(at);
  };
  return [active, onFocus];
}

export interface DragState {
  readonly board: string;
  readonly window: TimeWindow;
}

export interface BoardRowProps {
  readonly line: BoardLine;
  readonly range: TimeWindow;
  /** Now, to the minute: free time starts there. */
  readonly nowMs: number;
  /** The window being dragged or waiting for a decision on this row. */
  readonly selection: TimeWindow | undefined;
  readonly onTrackPointerDown: (line: BoardLine, e: PointerEvent<HTMLDivElement>) => void;
  readonly onFreeSlot: (line: BoardLine, slot: TimeWindow) => void;
}

export const BoardRow = memo(
  function BoardRow({ line, range, nowMs, selection, onTrackPointerDown, onFreeSlot }: BoardRowProps) {
    const [active, onFocus] = useRovingItem();
    const items: RowItem[] = rowItems(line.bookings, range, nowMs, true);
    const activeIndex = Math.min(active, Math.max(0, items.length - 1));
    const mark = unusableWords(line.state.text, line.usable);
    return (
      <div className={`portal-tl-row${line.usable ? "" : " portal-tl-row--unusable"}`} role="group" aria-label={mark === undefined ? line.name : `${line.name}, ${mark}`}>
        <div className="portal-tl-name">
          <span className="portal-tl-name__text">{line.name}</span>
          {mark !== undefined && (
            <span className="portal-tl-name__state" title={line.state.detail}>
              {line.state.text}
            </span>
          )}
        </div>
        <div className="portal-tl-track" onPointerDown={(e) => onTrackPointerDown(line, e)} onKeyDown={moveInRow} onFocus={onFocus}>
          {items.map((item, i) =>
            item.kind === "bar" ? (
              <BarLink key={item.key} b={item.booking} shown={item.shown} lane={item.lane} lanes={item.lanes} range={range} nowMs={nowMs} tabIndex={i === activeIndex ? 0 : -1} />
            ) : (
              <button
                key={item.key}
                type="button"
                className="portal-tl-free"
                style={place(range, item.slot)}
                aria-label={freeSlotName(item.slot, line.name, nowMs, cachedClock)}
                tabIndex={i === activeIndex ? 0 : -1}
                data-tl-item=""
                onClick={() => onFreeSlot(line, item.slot)}
              />
            ),
          )}
          {selection !== undefined && <div className="portal-tl-selection" style={place(range, selection)} aria-hidden />}
        </div>
      </div>
    );
  },
  // Redraw when what the row shows changes, not when the bookings were merely recomputed.
  (a, b) =>
    a.line.signature === b.line.signature &&
    a.range.startMs === b.range.startMs &&
    a.range.endMs === b.range.endMs &&
    a.nowMs === b.nowMs &&
    a.selection?.startMs === b.selection?.startMs &&
    a.selection?.endMs === b.selection?.endMs &&
    a.onTrackPointerDown === b.onTrackPointerDown &&
    a.onFreeSlot === b.onFreeSlot,
);

export const LaneRow = memo(
  function LaneRow({ line, range, nowMs }: { line: LaneLine; range: TimeWindow; nowMs: number }) {
    const [active, onFocus] = useRovingItem();
    const items = rowItems(line.bookings, range, nowMs, false);
    const activeIndex = Math.min(active, Math.max(0, items.length - 1));
    const boards = `${line.candidates} ${line.candidates === 1 ? "board" : "boards"}`;
    const what = `${line.bookings.length} ${line.bookings.length === 1 ? "booking" : "bookings"} for ${boards}`;
    return (
      <div className="portal-tl-row portal-tl-row--lane" role="group" aria-label={`Any board matching ${line.selector}: ${what}, no board yet`}>
        <div className="portal-tl-name">
          <span className="portal-tl-name__text portal-tl-name__text--selector">{line.selector}</span>
          <span className="portal-tl-name__state">{what}</span>
        </div>
        <div className="portal-tl-track" onKeyDown={moveInRow} onFocus={onFocus}>
          {items.map((item, i) =>
            item.kind === "bar" ? <BarLink key={item.key} b={item.booking} shown={item.shown} lane={item.lane} lanes={item.lanes} range={range} nowMs={nowMs} tabIndex={i === activeIndex ? 0 : -1} /> : null,
          )}
        </div>
      </div>
    );
  },
  (a, b) => a.line.signature === b.line.signature && a.range.startMs === b.range.startMs && a.range.endMs === b.range.endMs && a.nowMs === b.nowMs,
);

export function GroupRow({ line }: { line: GroupLine }) {
  return (
    <div className="portal-tl-row portal-tl-row--group" role="heading" aria-level={2}>
      <div className="portal-tl-name">
        {line.title} <span className="portal-tl-name__state">({line.count})</span>
      </div>
    </div>
  );
}
