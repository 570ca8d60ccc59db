// The clock, the last good refresh, and the stale warning: the same on the
// wall and on the door display.
import { formatDuration } from "@/domain/durations";
import { errorMessage } from "@/lib/errors";

const time = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });

export function clockText(ms: number): string {
  return time.format(new Date(ms));
}

export interface WallStatusProps {
  readonly nowMs: number;
  readonly refreshedAt: number | undefined;
  readonly stale: boolean;
  readonly error: unknown;
}

export function WallClock({ nowMs, refreshedAt, stale }: WallStatusProps) {
  return (
    <div className="wall-clock">
      <time className="wall-clock-time" dateTime={new Date(nowMs).toISOString()}>
        {clockText(nowMs)}
      </time>
      <span className={stale ? "wall-refreshed wall-refreshed-stale" : "wall-refreshed"}>
        {refreshedAt === undefined ? "Not loaded yet" : `Updated ${clockText(refreshedAt)}`}
      </span>
    </div>
  );
}

/** The obvious one: what is on screen is old, since when, and why. */
export function StaleBanner({ nowMs, refreshedAt, stale, error }: WallStatusProps) {
  if (!stale || refreshedAt === undefined) return null;
  return (
    <div className="wall-stale" role="alert">
      <strong>Data is stale since {clockText(refreshedAt)}</strong>
      <span>
        {" "}
        ({formatDuration(Math.max(0, nowMs - refreshedAt))} ago) — {errorMessage(error)} The wall keeps trying.
      </span>
    </div>
  );
}
