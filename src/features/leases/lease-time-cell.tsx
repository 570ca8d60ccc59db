// A lease time as people say it ("in 5 min") with the exact time in the
// user's zone under it (short in tables; the full form on hover).
import { RelativeTime } from "@/components/relative-time";
import { formatCompactAbsolute } from "@/features/leases/compact-date";
import { formatAbsolute } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface LeaseTimeCellProps {
  readonly ms: number | undefined;
  /** Shown when the time is not known yet ("when a board is free"). */
  readonly unknownText: string;
  /** The short absolute form (dense tables). */
  readonly compact?: boolean;
}

export function LeaseTimeCell({ ms, unknownText, compact = false }: LeaseTimeCellProps) {
  const now = useNow();
  if (ms === undefined) return <span className="portal-muted">{unknownText}</span>;
  return (
    <span className="portal-time-cell">
      <RelativeTime ms={ms} />
      <span className="portal-time-cell__absolute">{compact ? formatCompactAbsolute(ms, now) : formatAbsolute(ms)}</span>
    </span>
  );
}
