// The exporter list as a virtualised table: only the rows in view are in the
// DOM, so thousands of exporters scroll smoothly. One row is in the tab order
// (roving focus); arrows, Page Up/Down, Home/End move; Enter opens it.
import { Button } from "@/components/button/button";
import { AngleDownIcon, AngleRightIcon } from "@patternfly/react-icons";
import { Table, Tbody } from "@/components/table/table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { DeprecatedLabelsMark } from "@/components/deprecated-labels";
import { ExporterStatusLabel } from "@/components/exporter-status-label";
import { LabelChips } from "@/components/label-chips";
import { freeOfTotal, groupTitle, type ExporterRow, type ListItem, type SortKey } from "@/features/exporters/exporter-rows";
import { ExporterTimeLeft } from "@/features/exporters/exporter-time-left";
import { isPlainClick } from "@/lib/plain-click";
import { rowFocusKey, useScrollToRestoredRow, useStartAtTop } from "@/features/exporters/use-scroll-to-restored-row";
import { joinClasses } from "@/components/join-classes";

const COLUMNS = 5;
/**
 * Every line has this exact height (CSS keeps cells to one line), so the
 * virtualiser needs no measuring.
 */
export const ROW_HEIGHT_PX = 44;

/**
 * Rows rendered beyond the visible ones on each side: enough for keyboard
 * moves, few enough that a scroll frame mounts little more than it shows.
 */
const OVERSCAN_ROWS = 4;

const exporterPath = (name: string): string => `/exporters/${encodeURIComponent(name)}`;

export interface ExporterTableProps {
  readonly items: readonly ListItem[];
  /** The signed-in client's name: its holds read "you". */
  readonly me: string;
  readonly sort: SortKey;
  readonly onOpen: (name: string) => void;
  readonly onToggleGroup: (value: string | undefined) => void;
  /** Height of the scrolling area in px. */
  readonly height: number;
  /** The rows come from data that fails to refresh: drawn as stale. */
  readonly stale: boolean;
  /** The id of the text that says why the rows are stale (the table's description then). */
  readonly staleNoteId: string;
  /** Names the view (filters, grouping, order): a new one starts at its top. */
  readonly viewKey: string;
}

/**
 * Plain cells with PatternFly's table classes: PatternFly's Td measures its
 * own width on mount (a forced layout per cell), too slow while scrolling.
 */
function Cell({ className, children }: { className?: string; children: ReactNode }) {
  return <td className={joinClasses("pf-v6-c-table__td", className)}>{children}</td>;
}

const ExporterRowCells = memo(function ExporterRowCells({ row, me }: { row: ExporterRow; me: string }) {
  return (
    <>
      <Cell className="portal-cell-name">
        {/* A plain anchor (the row's click opens it in the app): the router's Link costs hooks per row. */}
        <a href={exporterPath(row.name)} tabIndex={-1}>
          {row.name}
        </a>
      </Cell>
      <Cell>
        <ExporterStatusLabel exporter={row.exporter} held={row.lease !== undefined} isCompact />
      </Cell>
      <Cell>
        <LabelChips
          labels={row.exporter.labels}
          max={3}
          priorityKeys={["board", "site", "arch"]}
          {...(row.deprecated.length === 0 ? {} : { leading: <DeprecatedLabelsMark items={row.deprecated} /> })}
        />
      </Cell>
      <Cell>
        {row.holder === undefined ? (
          <span className="portal-muted">—</span>
        ) : row.holder === me ? (
          <span className="portal-you">you ({row.holder})</span>
        ) : (
          row.holder
        )}
      </Cell>
      <Cell>
        {row.endMs === undefined ? <span className="portal-muted">—</span> : <ExporterTimeLeft endMs={row.endMs} />}
      </Cell>
    </>
  );
});

function sortAttr(column: SortKey, sort: SortKey): { "aria-sort"?: "ascending" } {
  return column === sort ? { "aria-sort": "ascending" } : {};
}

/**
 * Plain header cells with PatternFly's classes, memoised: PatternFly's Th
 * measures itself on every render (a forced layout), and the body
 * re-renders on every scroll.
 */
const TableHead = memo(function TableHead({ sort }: { sort: SortKey }) {
  return (
    <>
      <colgroup>
        <col style={{ width: "19%" }} />
        <col style={{ width: "17%" }} />
        <col style={{ width: "30%" }} />
        <col style={{ width: "14%" }} />
        <col style={{ width: "20%" }} />
      </colgroup>
      <thead className="pf-v6-c-table__thead">
        <tr className="pf-v6-c-table__tr" aria-rowindex={1}>
          <th className="pf-v6-c-table__th" scope="col" {...sortAttr("name", sort)}>
            Name
          </th>
          <th className="pf-v6-c-table__th" scope="col" {...sortAttr("status", sort)}>
            Status
          </th>
          <th className="pf-v6-c-table__th" scope="col" {...sortAttr("board", sort)}>
            Labels
          </th>
          <th className="pf-v6-c-table__th" scope="col">
            Holder
          </th>
          <th className="pf-v6-c-table__th" scope="col" {...sortAttr("time-left", sort)}>
            Time left
          </th>
        </tr>
      </thead>
    </>
  );
});

/** Memoised: typing in the search re-renders the page, not the rows until the deferred filter is ready. */
export const ExporterTable = memo(function ExporterTable({ items, me, sort, onOpen, onToggleGroup, height, stale, staleNoteId, viewKey }: ExporterTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const [seenView, setSeenView] = useState(viewKey);
  if (viewKey !== seenView) {
    // A new view: its first row takes the roving focus, and it shows from its top (below).
    setSeenView(viewKey);
    setActive(0);
  }
  useStartAtTop(scrollRef, viewKey);
  // The row to focus once the virtualiser has rendered it (set by keyboard moves).
  const focusWanted = useRef<number | null>(null);
  // A filter may shrink the list under the roving index: clamp rather than reset.
  const activeIndex = Math.min(active, Math.max(0, items.length - 1));

  // Stable callbacks: the virtualiser recomputes every row's position when they change.
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback(() => ROW_HEIGHT_PX, []);
  const getItemKey = useCallback((i: number) => items[i]?.key ?? i, [items]);

  // This app does not use the React Compiler; the virtualiser's changing functions are fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan: OVERSCAN_ROWS,
  });

  // Move DOM focus once the wanted row has been rendered by the virtualiser.
  useLayoutEffect(() => {
    if (focusWanted.current === null) return;
    const el = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${focusWanted.current}"]`);
    if (el) {
      el.focus();
      focusWanted.current = null;
    }
  });

  const moveTo = (index: number): void => {
    const i = Math.max(0, Math.min(items.length - 1, index));
    setActive(i);
    focusWanted.current = i;
    virtualizer.scrollToIndex(i, { align: "auto" });
  };

  const scrollToRestored = useCallback(
    (index: number) => {
      setActive(index);
      virtualizer.scrollToIndex(index, { align: "center" });
    },
    [virtualizer],
  );
  useScrollToRestoredRow(items, scrollToRestored);

  const pageRows = Math.max(1, Math.floor(height / ROW_HEIGHT_PX) - 1);

  const onKeyDown = (e: KeyboardEvent<HTMLTableSectionElement>): void => {
    const target = e.target as HTMLElement;
    if (target.tagName !== "TR") return; // keys inside a cell's button stay that button's
    const item = items[activeIndex];
    switch (e.key) {
      case "ArrowDown":
        moveTo(activeIndex + 1);
        break;
      case "ArrowUp":
        moveTo(activeIndex - 1);
        break;
      case "PageDown":
        moveTo(activeIndex + pageRows);
        break;
      case "PageUp":
        moveTo(activeIndex - pageRows);
        break;
      case "Home":
        moveTo(0);
        break;
      case "End":
        moveTo(items.length - 1);
        break;
      case "Enter":
      case " ":
        if (item?.kind === "row") onOpen(item.row.name);
        else if (item?.kind === "group") onToggleGroup(item.value);
        break;
      case "ArrowRight":
        if (item?.kind === "group" && item.collapsed) onToggleGroup(item.value);
        break;
      case "ArrowLeft":
        if (item?.kind === "group" && !item.collapsed) onToggleGroup(item.value);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const virtualItems = virtualizer.getVirtualItems();
  const first = virtualItems[0];
  const last = virtualItems[virtualItems.length - 1];
  const paddingTop = first?.start ?? 0;
  const paddingBottom = last === undefined ? 0 : virtualizer.getTotalSize() - last.end;

  return (
    <div ref={scrollRef} className={stale ? "portal-table-scroll portal-stale" : "portal-table-scroll"} style={{ height }}>
      {/* role=table: PatternFly defaults to grid, but this is a table whose rows (not cells) take focus. */}
      <Table
        aria-label="Exporters"
        role="table"
        variant="compact"
        gridBreakPoint=""
        isStickyHeader
        aria-rowcount={items.length + 1}
        {...(stale ? { "aria-describedby": staleNoteId } : {})}
      >
        <TableHead sort={sort} />
        <Tbody onKeyDown={onKeyDown}>
          {paddingTop > 0 && (
            <tr aria-hidden="true" style={{ height: paddingTop }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
          {virtualItems.map((v) => {
            const item = items[v.index];
            if (item === undefined) return null;
            const common = {
              "data-index": v.index,
              tabIndex: v.index === activeIndex ? 0 : -1,
              "aria-rowindex": v.index + 2,
              onFocus: () => setActive(v.index),
            };
            if (item.kind === "group") {
              const title = groupTitle(item.groupKey, item.value);
              return (
                <tr key={item.key} className="portal-group-row portal-focusable" {...common}>
                  <th colSpan={COLUMNS} scope="colgroup" className="pf-v6-c-table__th">
                    <Button
                      variant="plain"
                      tabIndex={-1}
                      aria-expanded={!item.collapsed}
                      icon={item.collapsed ? <AngleRightIcon /> : <AngleDownIcon />}
                      aria-label={`${item.collapsed ? "Expand" : "Collapse"} ${title}`}
                      onClick={() => onToggleGroup(item.value)}
                    />
                    {title} <span className="portal-muted portal-group-count">{freeOfTotal(item.free, item.count)}</span>
                  </th>
                </tr>
              );
            }
            return (
              <tr
                key={item.key}
                className="pf-v6-c-table__tr portal-row"
                data-focus-key={rowFocusKey(item.row.name)}
                onClick={(e) => {
                  const target = e.target as HTMLElement;
                  if (target.closest("button") !== null) return;
                  // The name link: the app opens a plain click; new tabs and windows are the browser's.
                  if (target.closest("a") !== null && !isPlainClick(e)) return;
                  e.preventDefault();
                  onOpen(item.row.name);
                }}
                {...common}
              >
                <ExporterRowCells row={item.row} me={me} />
              </tr>
            );
          })}
          {paddingBottom > 0 && (
            <tr aria-hidden="true" style={{ height: paddingBottom }}>
              <td colSpan={COLUMNS} />
            </tr>
          )}
        </Tbody>
      </Table>
    </div>
  );
});
