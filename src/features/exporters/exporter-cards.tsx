// The exporter list on narrow screens (phones): one card per board with its
// full name, its status in words and its holder, virtualised like the table
// so thousands of boards stay smooth. Cards may wrap (a long name, a long
// status), so the virtualiser measures each one it renders.
import { AngleDownIcon, AngleRightIcon } from "@patternfly/react-icons";
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useRef } from "react";
import { Link } from "react-router";
import { DeprecatedLabelsMark } from "@/components/deprecated-labels";
import { ExporterStatusLabel } from "@/components/exporter-status-label";
import { LabelChips } from "@/components/label-chips";
import { freeOfTotal, groupTitle, type ExporterRow, type ListItem } from "@/features/exporters/exporter-rows";
import { ExporterTimeLeft } from "@/features/exporters/exporter-time-left";
import { rowFocusKey, useScrollToRestoredRow, useStartAtTop } from "@/features/exporters/use-scroll-to-restored-row";

export interface ExporterCardsProps {
  readonly items: readonly ListItem[];
  /** The signed-in client's name: its holds read "you". */
  readonly me: string;
  readonly onToggleGroup: (value: string | undefined) => void;
  /** Height of the scrolling area in px. */
  readonly height: number;
  readonly stale: boolean;
  readonly staleNoteId: string;
  /** Names the view (filters, grouping, order): a new one starts at its top. */
  readonly viewKey: string;
}

const CARD_ESTIMATE_PX = 112;
const GROUP_ESTIMATE_PX = 48;

const ExporterCard = memo(function ExporterCard({ row, me }: { row: ExporterRow; me: string }) {
  return (
    <div className="portal-card">
      <div className="portal-card__head">
        {/* The link covers the whole card (CSS), so a tap anywhere opens the board. */}
        <Link className="portal-card__name" to={`/exporters/${encodeURIComponent(row.name)}`}>
          {row.name}
        </Link>
        <ExporterStatusLabel exporter={row.exporter} held={row.lease !== undefined} />
      </div>
      {/* Only a held board has a holder line: a free one says Available already. */}
      {row.holder !== undefined && (
        <div className="portal-card__holder">
          <span className="portal-muted">Held by </span>
          {row.holder === me ? <span className="portal-you">you ({row.holder})</span> : <strong>{row.holder}</strong>}
          {row.endMs !== undefined && (
            <>
              <span className="portal-muted"> · </span>
              <ExporterTimeLeft endMs={row.endMs} />
            </>
          )}
        </div>
      )}
      <LabelChips
        labels={row.exporter.labels}
        max={3}
        priorityKeys={["board", "site", "arch"]}
        ariaLabel={`Labels of ${row.name}`}
        {...(row.deprecated.length === 0 ? {} : { leading: <DeprecatedLabelsMark items={row.deprecated} /> })}
      />
    </div>
  );
});

/** Memoised: typing in the search re-renders the page, not the rows until the deferred filter is ready. */
export const ExporterCards = memo(function ExporterCards({ items, me, onToggleGroup, height, stale, staleNoteId, viewKey }: ExporterCardsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  useStartAtTop(scrollRef, viewKey);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  const estimateSize = useCallback((i: number) => (items[i]?.kind === "group" ? GROUP_ESTIMATE_PX : CARD_ESTIMATE_PX), [items]);
  const getItemKey = useCallback((i: number) => items[i]?.key ?? i, [items]);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement, estimateSize, getItemKey, overscan: 6 });
  const scrollToRestored = useCallback((index: number) => virtualizer.scrollToIndex(index, { align: "center" }), [virtualizer]);
  useScrollToRestoredRow(items, scrollToRestored);

  return (
    <div ref={scrollRef} className={stale ? "portal-cards-scroll portal-stale" : "portal-cards-scroll"} style={{ height }}>
      <div
        role="list"
        aria-label="Exporters"
        className="portal-cards"
        style={{ height: virtualizer.getTotalSize() }}
        {...(stale ? { "aria-describedby": staleNoteId } : {})}
      >
        {virtualizer.getVirtualItems().map((v) => {
          const item = items[v.index];
          if (item === undefined) return null;
          return (
            <div
              key={v.key}
              ref={virtualizer.measureElement}
              data-index={v.index}
              role="listitem"
              aria-setsize={items.length}
              aria-posinset={v.index + 1}
              className="portal-cards__item"
              style={{ transform: `translateY(${v.start}px)` }}
              {...(item.kind === "row" ? { "data-focus-key": rowFocusKey(item.row.name) } : {})}
            >
              {item.kind === "group" ? (
                <button
                  type="button"
                  className="portal-card-group"
                  aria-expanded={!item.collapsed}
                  onClick={() => onToggleGroup(item.value)}
                >
                  {item.collapsed ? <AngleRightIcon aria-hidden /> : <AngleDownIcon aria-hidden />}
                  <span className="portal-card-group__title">{groupTitle(item.groupKey, item.value)}</span>
                  <span className="portal-muted portal-group-count">{freeOfTotal(item.free, item.count)}</span>
                </button>
              ) : (
                <ExporterCard row={item.row} me={me} />
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
});
