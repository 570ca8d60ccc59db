// Time left on a lease, in words with the end as a clock time beside it
// ("2 h 29 min left · ends 16:35"), and a bar of the held time used. A lease
// waiting for a board never expires ([TM4]): nothing counts down; it says
// how long it will last once it starts, or when it is planned to end.
import { Countdown } from "@/components/countdown";
import { ProgressBar } from "@/components/progress-bar";
import { durationToMs, timestampToMs } from "@/domain/durations";
import { leaseEndMs, leaseExpiryAtMs, leaseProgress } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import { formatBookedDuration } from "@/domain/time-words";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ENDING_SOON_MS } from "@/features/leases/lease-notices";
import type { LeaseSituation } from "@/features/leases/lease-situation";
import { formatAbsolute, formatClockTime } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface LeaseTimeLeftProps {
  readonly lease: Lease;
  readonly situation: LeaseSituation;
  /** Dense rows: no tooltip and no tab stop on the countdown. */
  readonly plain?: boolean;
}

function Muted({ text, ms }: { text: string; ms?: number | undefined }) {
  return (
    <span className="portal-muted" {...(ms === undefined ? {} : { title: formatAbsolute(ms) })}>
      {text}
    </span>
  );
}

export function LeaseTimeLeft({ lease, situation, plain = false }: LeaseTimeLeftProps) {
  const now = useNow();
  if (situation.ended) {
    const ended = leaseEndMs(lease);
    return <Muted text={ended === undefined ? "ended" : `ended ${formatClockTime(ended, now)}`} ms={ended} />;
  }
  const duration = durationToMs(lease.duration);
  const begin = timestampToMs(lease.beginTime);
  const end = leaseExpiryAtMs(lease);
  if (end === undefined) {
    // [TM3]: a lease with a begin time ends at its planned end however late it gets its board.
    const planned = begin === undefined ? undefined : leaseEndMs(lease);
    if (situation.state === "scheduled" && begin !== undefined) {
      const length = planned !== undefined && timestampToMs(lease.endTime) !== undefined ? `until ${formatClockTime(planned, now)}` : duration === undefined ? "" : `for ${formatBookedDuration(duration)}`;
      return <Muted text={`starts ${formatClockTime(begin, now)}${length === "" ? "" : `, ${length}`}`} ms={begin} />;
    }
    if (planned !== undefined) return <Muted text={`waiting; planned to end ${formatClockTime(planned, now)}`} ms={planned} />;
    return <Muted text={duration === undefined ? "waiting for a board" : `${formatBookedDuration(duration)} once a board is free`} />;
  }
  const progress = leaseProgress(lease, now);
  const used = progress === undefined ? undefined : Math.round(progress * 100);
  return (
    <div className="portal-time-left">
      <Countdown targetMs={end} plain={plain} />
      {used !== undefined && (
        <ProgressBar
          value={used}
          aria-label={`Time used of lease ${shortName(lease.name)}`}
          valueText={`${used}% of the lease used`}
          {...(end - now < ENDING_SOON_MS ? { variant: "warning" as const } : {})}
          className="portal-time-left__bar"
        />
      )}
    </div>
  );
}
