// /wall: the whole lab at a glance, for a screen nobody touches. Reads the
// URL once per change (?group, ?selector, ?interval), pages by itself, says
// when its data is stale, and keeps the screen awake.
import { useEffect, useMemo, useRef, useState } from "react";
import { useSearchParams } from "react-router";
import { formatBookedDuration } from "@/domain/time-words";
import { StaleBanner, WallClock, clockText } from "@/features/wall/wall-clock";
import { columnsFor, pageGroups, pageWords } from "@/features/wall/wall-paging";
import { readWallParams } from "@/features/wall/wall-params";
import { nextBookings, waitingLeases } from "@/features/wall/wall-queue";
import { wallSizes } from "@/features/wall/wall-sizes";
import { WallTileView } from "@/features/wall/wall-tile";
import { ATTENTION_WORDS, attentionTiles, buildTiles, freeWords, groupTiles, isFree } from "@/features/wall/wall-tiles";
import { useElementSize } from "@/features/wall/use-element-size";
import { useReloadOnNewBuild } from "@/features/wall/use-reload-on-new-build";
import { useWakeLock } from "@/features/wall/use-wake-lock";
import { useWallData } from "@/features/wall/use-wall-data";
import { errorMessage } from "@/lib/errors";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";
import "@/features/wall/wall.css";

/** Side lists show this many lines at most (never a scrollbar); the rest is counted. */
const SIDE_LINES = 5;

function useViewportWidth(): number {
  const [width, setWidth] = useState(() => window.innerWidth);
  useEffect(() => {
    const update = (): void => setWidth(window.innerWidth);
    window.addEventListener("resize", update);
    return () => window.removeEventListener("resize", update);
  }, []);
  return width;
}

function SideList<T>({ title, items, render, empty }: { title: string; items: readonly T[]; render: (item: T) => React.ReactNode; empty: string }) {
  const shown = items.slice(0, SIDE_LINES);
  return (
    <section className="wall-side-section" aria-label={title}>
      <h2>{title}</h2>
      {items.length === 0 ? (
        <p className="wall-side-empty">{empty}</p>
      ) : (
        <ul>
          {shown.map(render)}
          {items.length > shown.length && <li className="wall-side-more">and {items.length - shown.length} more</li>}
        </ul>
      )}
    </section>
  );
}

export function WallPage() {
  const [search] = useSearchParams();
  const params = useMemo(() => readWallParams(search), [search]);
  const data = useWallData(params.selector);
  const nowMs = useNow();
  useWakeLock();
  useReloadOnNewBuild();
  useDocumentTitle("Lab wall");

  const sizes = wallSizes(useViewportWidth());
  const areaRef = useRef<HTMLDivElement>(null);
  const area = useElementSize(areaRef);

  const tiles = useMemo(() => buildTiles(data.exporters ?? [], data.leases ?? [], nowMs), [data.exporters, data.leases, nowMs]);
  const groups = useMemo(() => groupTiles(tiles, params.group), [tiles, params.group]);
  const screens = useMemo(
    () => (area.height === 0 ? [] : pageGroups(groups, { width: area.width, height: area.height, tileWidth: sizes.tileWidth, tileHeight: sizes.tileHeight, gap: sizes.gap, headingHeight: sizes.headingHeight })),
    [groups, area.width, area.height, sizes.tileWidth, sizes.tileHeight, sizes.gap, sizes.headingHeight],
  );
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setTurn((t) => t + 1), params.pageMs);
    return () => clearInterval(timer);
  }, [params.pageMs]);
  const pageIndex = screens.length === 0 ? 0 : turn % screens.length;
  const screen = screens[pageIndex] ?? [];

  const attention = attentionTiles(tiles);
  const waiting = data.leases === undefined ? [] : waitingLeases(data.leases, nowMs);
  const bookings = data.leases === undefined ? [] : nextBookings(data.leases, nowMs);
  const free = tiles.filter(isFree).length;
  // Tiles widen to fill their row: the paging counted the columns with the narrowest width.
  const columns = columnsFor({ width: area.width, tileWidth: sizes.tileWidth, gap: sizes.gap });
  const tileStyle = { width: Math.floor((area.width - (columns - 1) * sizes.gap) / columns), height: sizes.tileHeight, padding: sizes.padding };
  const page = pageWords(pageIndex, screens.length);

  return (
    <div className="wall" style={{ "--wall-name": `${sizes.nameFont}px`, "--wall-text": `${sizes.textFont}px`, "--wall-gap": `${sizes.gap}px` } as React.CSSProperties}>
      <header className="wall-header">
        <h1 className="wall-title">
          Lab wall{params.selector === "" ? "" : <span className="wall-scope"> · {params.selector}</span>}
        </h1>
        {data.exporters !== undefined && <p className="wall-summary">{freeWords(free, tiles.length)}</p>}
        <WallClock nowMs={nowMs} refreshedAt={data.refreshedAt} stale={data.stale} error={data.error} />
      </header>
      {params.problems.length > 0 && (
        <ul className="wall-problems" aria-label="Problems with the wall's address">
          {params.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <StaleBanner nowMs={nowMs} refreshedAt={data.refreshedAt} stale={data.stale} error={data.error} />
      <div className="wall-body">
        <main className="wall-area" ref={areaRef} aria-label="Boards">
          {data.exporters === undefined ? (
            <p className="wall-loading">{data.error === null ? "Loading the lab…" : `The lab cannot be loaded: ${errorMessage(data.error)} The wall keeps trying.`}</p>
          ) : tiles.length === 0 ? (
            <p className="wall-loading">No board matches {params.selector === "" ? "in this lab" : params.selector}.</p>
          ) : (
            screen.map((section) => (
              <section key={`${section.group.title}:${section.from}`} className="wall-group" aria-label={section.group.title}>
                {(params.group !== undefined || groups.length > 1) && (
                  <h2 className="wall-group-heading" style={{ height: sizes.headingHeight - sizes.gap, marginBottom: sizes.gap }}>
                    {section.group.title}
                    {section.continued ? " (continued)" : ""}
                    <span className="wall-group-free">{freeWords(section.group.free, section.group.tiles.length)}</span>
                  </h2>
                )}
                <ul className="wall-tiles" style={{ gap: sizes.gap, marginBottom: sizes.gap }}>
                  {section.group.tiles.slice(section.from, section.to).map((tile) => (
                    <WallTileView key={tile.name} tile={tile} style={tileStyle} />
                  ))}
                </ul>
              </section>
            ))
          )}
        </main>
        <aside className="wall-side" aria-label="Queue and callouts">
          <SideList
            title="Needs a person"
            items={attention}
            empty="Nothing: every board is fine."
            render={(t) => (
              <li key={t.name} className={`wall-side-item wall-attention-${t.attention ?? ""}`}>
                <strong>{t.name}</strong> {t.attention === "ending-soon" ? `${t.holder ?? "someone"}: ${t.timeLeft ?? ""}` : t.attention === undefined ? "" : ATTENTION_WORDS[t.attention]}
              </li>
            )}
          />
          <SideList
            title="Waiting"
            items={waiting}
            empty="Nobody is waiting for a board."
            render={(w) => (
              <li key={w.name} className="wall-side-item">
                <strong>{w.who}</strong> wants {w.wants}
                {w.waited === undefined ? "" : `, for ${w.waited}`}
                <span className="wall-side-detail">{w.reason}</span>
              </li>
            )}
          />
          <SideList
            title="Next bookings"
            items={bookings}
            empty="No booking ahead."
            render={(b) => (
              <li key={b.name} className="wall-side-item">
                <strong>{clockText(b.beginMs)}</strong> {b.who}: {b.wants}
                {b.endMs === undefined ? "" : ` for ${formatBookedDuration(b.endMs - b.beginMs)}`}
              </li>
            )}
          />
        </aside>
      </div>
      <footer className="wall-footer">
        {page !== undefined && (
          <p className="wall-page" aria-live="off">
            {page}
            <span className="wall-page-dots" aria-hidden="true">
              {screens.map((_, i) => (
                <span key={i} className={i === pageIndex ? "wall-dot wall-dot-on" : "wall-dot"} />
              ))}
            </span>
          </p>
        )}
      </footer>
    </div>
  );
}
