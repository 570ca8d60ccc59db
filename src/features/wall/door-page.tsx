// /wall/<board>: the door display, for a tablet beside one board or rack —
// a large state, who holds it and until when, and its bookings today. The
// same data, refresh and staleness rules as the wall.
import { useParams } from "react-router";
import { formatBookedDuration } from "@/domain/time-words";
import { StaleBanner, WallClock, clockText } from "@/features/wall/wall-clock";
import { STATE_ICON, stateClass } from "@/features/wall/wall-look";
import { bookingsOfBoard, endOfDayMs } from "@/features/wall/wall-queue";
import { buildTiles } from "@/features/wall/wall-tiles";
import { useReloadOnNewBuild } from "@/features/wall/use-reload-on-new-build";
import { useWakeLock } from "@/features/wall/use-wake-lock";
import { useWallData } from "@/features/wall/use-wall-data";
import { errorMessage } from "@/lib/errors";
import { useDocumentTitle } from "@/lib/use-document-title";
import { useNow } from "@/lib/use-now";
import "@/features/wall/wall.css";

export function DoorPage() {
  const board = useParams().board ?? "";
  const data = useWallData("");
  const nowMs = useNow();
  useWakeLock();
  useReloadOnNewBuild();
  useDocumentTitle(board);
  const tile = buildTiles(data.exporters ?? [], data.leases ?? [], nowMs).find((t) => t.name === board);
  const bookings = data.leases === undefined ? [] : bookingsOfBoard(data.leases, board, nowMs, endOfDayMs(nowMs));

  return (
    <div className="wall door">
      <header className="wall-header">
        <h1 className="door-name">{board}</h1>
        <WallClock nowMs={nowMs} refreshedAt={data.refreshedAt} stale={data.stale} error={data.error} />
      </header>
      <StaleBanner nowMs={nowMs} refreshedAt={data.refreshedAt} stale={data.stale} error={data.error} />
      <main className="door-body">
        {data.exporters === undefined ? (
          <p className="wall-loading">{data.error === null ? "Loading…" : `The lab cannot be loaded: ${errorMessage(data.error)} The display keeps trying.`}</p>
        ) : tile === undefined ? (
          <p className="wall-loading">This lab has no board named {board}.</p>
        ) : (
          <>
            <p className={`door-state ${stateClass(tile.state.kind)}`}>
              <span className="wall-icon" aria-hidden="true">
                {STATE_ICON[tile.state.kind]}
              </span>
              {tile.state.text}
            </p>
            {tile.holder !== undefined && (
              <p className="door-holder">
                Held by <strong>{tile.holder}</strong>
                {tile.endMs === undefined ? "" : ` until ${clockText(tile.endMs)} (${tile.timeLeft ?? ""})`}
              </p>
            )}
            {tile.state.detail !== undefined && tile.state.kind !== "available" && <p className="door-detail">{tile.state.detail}</p>}
            <section className="door-bookings" aria-label="Booked today">
              <h2>Booked today</h2>
              {bookings.length === 0 ? (
                <p>No more bookings today.</p>
              ) : (
                <ul>
                  {bookings.map((b) => (
                    <li key={b.name}>
                      <strong>{clockText(b.beginMs)}</strong>
                      {b.endMs === undefined ? "" : `–${clockText(b.endMs)}`} {b.who}
                      {b.endMs === undefined ? "" : ` (${formatBookedDuration(b.endMs - b.beginMs)})`}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </main>
    </div>
  );
}
