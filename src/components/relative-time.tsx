// A point in time as people say it: a clock time ("14:05", "tomorrow
// 10:00") or a relative one ("in 5 min", "2 h ago"), with the exact date and
// time in the user's zone on hover and focus.
import { useLazyTooltip } from "@/components/lazy-tooltip/use-lazy-tooltip";
import { formatRelative } from "@/domain/durations";
import { formatAbsolute, formatClockTime, formatDistance, isoString } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface RelativeTimeProps {
  readonly ms: number;
  /** Also print the absolute time after the relative one. */
  readonly showAbsolute?: boolean;
  /** Lead with the clock time, how far it is after it, in booked units: "14:05 (in 2 h 30 min)". */
  readonly clock?: boolean;
}

export function RelativeTime({ ms, showAbsolute = false, clock = false }: RelativeTimeProps) {
  const now = useNow();
  const absolute = formatAbsolute(ms);
  const relative = formatRelative(ms, now);
  const text = clock ? `${formatClockTime(ms, now)} (${formatDistance(ms, now)})` : showAbsolute ? `${relative} (${absolute})` : relative;
  const { triggerProps, tooltip } = useLazyTooltip<HTMLTimeElement>(absolute);
  return (
    <>
      <time dateTime={isoString(ms)} tabIndex={0} className="portal-time" {...triggerProps}>
        {text}
      </time>
      {tooltip}
    </>
  );
}
