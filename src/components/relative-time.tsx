// A point in time as people say it ("in 5 min", "2 h ago"), with the exact
// date and time in the user's zone on hover and focus.
import { Tooltip } from "@patternfly/react-core";
import { formatRelative } from "@/domain/durations";
import { formatAbsolute, isoString } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface RelativeTimeProps {
  readonly ms: number;
  /** Also print the absolute time after the relative one. */
  readonly showAbsolute?: boolean;
}

export function RelativeTime({ ms, showAbsolute = false }: RelativeTimeProps) {
  const now = useNow();
  const absolute = formatAbsolute(ms);
  const relative = formatRelative(ms, now);
  return (
    <Tooltip content={absolute}>
      <time dateTime={isoString(ms)} tabIndex={0} className="portal-time">
        {showAbsolute ? `${relative} (${absolute})` : relative}
      </time>
    </Tooltip>
  );
}
