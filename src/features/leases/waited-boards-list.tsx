// The boards a waiting lease can get, each with who holds it and until when
// ("rcar-s4-01 — held by bob until 14:05, 10 min left"), or why it cannot
// serve (offline, hook failed, with its own message). A view.
import { Link } from "react-router";
import { formatTimeLeft } from "@/domain/time-words";
import type { BoardsWaitedFor, WaitedBoard } from "@/features/leases/boards-waited-for";
import { formatAbsolute, formatClockTime } from "@/lib/format-date";

/** Boards named one by one; the rest are counted. */
const SHOWN = 6;

function holderWords(board: WaitedBoard, nowMs: number): string {
  const who = board.heldByMe === true ? "you (another lease)" : (board.holder ?? "another lease");
  if (board.freeAtMs === undefined) return `held by ${who}`;
  const left = board.freeAtMs - nowMs;
  return `held by ${who} until ${formatClockTime(board.freeAtMs, nowMs)}${left > 0 ? `, ${formatTimeLeft(left)}` : ", ending now"}`;
}

function boardWords(board: WaitedBoard, nowMs: number): string {
  if (board.holder !== undefined || board.holdingLease !== undefined) return holderWords(board, nowMs);
  const state = board.stateText.toLowerCase();
  return board.statusMessage === undefined ? state : `${state}: ${board.statusMessage}`;
}

export function WaitedBoardsList({ waited, nowMs }: { waited: BoardsWaitedFor; nowMs: number }) {
  const shown = waited.boards.slice(0, SHOWN);
  const more = waited.boards.length - shown.length;
  return (
    <>
      <ul className="portal-waited-boards" aria-label="Boards this lease waits for">
        {shown.map((b) => (
          <li key={b.name} {...(b.freeAtMs === undefined ? {} : { title: `Expected free ${formatAbsolute(b.freeAtMs)}` })}>
            <Link to={`/exporters/${encodeURIComponent(b.name)}`}>{b.name}</Link>
            {` — ${boardWords(b, nowMs)}`}
          </li>
        ))}
      </ul>
      {more > 0 && <p className="portal-muted">{`and ${more} more`}</p>}
      {waited.soonestFreeMs !== undefined && (
        <p>
          <strong>{`A board is expected to be free ${waited.soonestFreeMs > nowMs ? `at ${formatClockTime(waited.soonestFreeMs, nowMs)} (${formatTimeLeft(waited.soonestFreeMs - nowMs).replace(/ left$/, "")} from now)` : "any moment"}`}</strong>
          <span className="portal-muted"> — when its lease ends, unless it is extended or released early; it may then run an afterLease hook first.</span>
        </p>
      )}
    </>
  );
}
