// A lease time as a clock time with how far it is ("14:05 (in 10 min)"),
// the same on every lease page; the full date and zone on hover and focus.
// Dense tables get it without a tab stop, the full form in a title.
import { RelativeTime } from "@/components/relative-time";
import { formatAbsolute, formatClockTime, formatDistance, isoString } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface LeaseTimeCellProps {
  readonly ms: number | undefined;
  /** Shown when the time is not known yet ("when a board is free"). */
  readonly unknownText: string;
  /** Dense tables: no tooltip, no tab stop. */
  readonly compact?: boolean;
}

export function LeaseTimeCell({ ms, unknownText, compact = false }: LeaseTimeCellProps) {
  const now = useNow();
  if (ms === undefined) return <span className="portal-muted">{unknownText}</span>;
  if (!compact) return <RelativeTime ms={ms} clock />;
  return (
    <time dateTime={isoString(ms)} title={formatAbsolute(ms)} className="portal-time-cell">
      <span className="portal-time">{formatClockTime(ms, now)}</span>
      <span className="portal-time-cell__relative">{formatDistance(ms, now)}</span>
    </time>
  );
}
