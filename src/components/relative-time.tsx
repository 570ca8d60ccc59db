// A point in time as people say it: a clock time ("14:05", "tomorrow
// 10:00") or a relative one ("in 5 min", "2 h ago"), with the exact date and
// time in the user's zone on hover and focus.
import { Tooltip } from "@patternfly/react-core";
import { formatRelative } from "@/domain/durations";
import { formatAbsolute, formatClockTime, isoString } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface RelativeTimeProps {
  readonly ms: number;
  /** Also print the absolute time after the relative one. */
  readonly showAbsolute?: boolean;
  /** Lead with the clock time, the relative one after it: "14:05 (in 10 min)". */
  readonly clock?: boolean;
}

export function RelativeTime({ ms, showAbsolute = false, clock = false }: RelativeTimeProps) {
  const now = useNow();
  const absolute = formatAbsolute(ms);
  const relative = formatRelative(ms, now);
  const text = clock ? `${formatClockTime(ms, now)} (${relative})` : showAbsolute ? `${relative} (${absolute})` : relative;
  return (
    <Tooltip content={absolute}>
      <time dateTime={isoString(ms)} tabIndex={0} className="portal-time">
        {text}
      </time>
    </Tooltip>
  );
}
