// Time left on a lease: a live countdown and a bar of the held time used.
// A lease waiting for a board never expires ([TM4]): nothing counts down;
// say what it waits for instead.
import { Progress } from "@patternfly/react-core";
import { Countdown } from "@/components/countdown";
import { RelativeTime } from "@/components/relative-time";
import { durationToMs, formatDuration, timestampToMs } from "@/domain/durations";
import { leaseEndMs, leaseExpiryAtMs, leaseProgress, leaseStatus } from "@/domain/lease-status";
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ENDING_SOON_MS } from "@/features/leases/lease-notices";
import { useNow } from "@/lib/use-now";

export interface LeaseTimeLeftProps {
  readonly lease: Lease;
  /** Dense rows: no tooltip and no tab stop on the countdown. */
  readonly plain?: boolean;
}

export function LeaseTimeLeft({ lease, plain = false }: LeaseTimeLeftProps) {
  const now = useNow();
  const status = leaseStatus(lease, now);
  if (status.ended) return <span className="portal-muted">ended</span>;
  const end = leaseExpiryAtMs(lease);
  const duration = durationToMs(lease.duration);
  if (status.state !== "ready") {
    const begin = timestampToMs(lease.beginTime);
    if (begin !== undefined && begin > now) {
      return (
        <span className="portal-muted">
          starts <RelativeTime ms={begin} />
        </span>
      );
    }
    // [TM3]: a lease with a begin time ends at begin + duration however late it gets its board.
    const planned = begin === undefined ? undefined : leaseEndMs(lease);
    if (planned !== undefined) {
      return (
        <span className="portal-muted">
          waiting for a board, planned to end <RelativeTime ms={planned} />
        </span>
      );
    }
    return <span className="portal-muted">{duration === undefined ? "waiting for a board" : `${formatDuration(duration)} once a board is free`}</span>;
  }
  if (end === undefined) return <span className="portal-muted">unknown</span>;
  const progress = leaseProgress(lease, now);
  const used = progress === undefined ? undefined : Math.round(progress * 100);
  return (
    <div className="portal-time-left">
      <Countdown targetMs={end} plain={plain} />
      {used !== undefined && (
        <Progress
          value={used}
          size="sm"
          measureLocation="none"
          hideStatusIcon
          aria-label={`Time used of lease ${shortName(lease.name)}`}
          valueText={`${used}% of the lease used`}
          {...(end - now < ENDING_SOON_MS ? { variant: "warning" as const } : {})}
          className="portal-time-left__bar"
        />
      )}
    </div>
  );
}
