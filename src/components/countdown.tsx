// A live "time left" that ticks every second on the page's shared clock.
// Under `warnBelowMs` it turns into an orange label (text and icon, not
// colour alone) so a running-out lease stands out.
import { Tooltip } from "@patternfly/react-core";
import { ExclamationTriangleIcon } from "@patternfly/react-icons";
import { StaticLabel } from "@/components/static-label";
import { formatCountdown } from "@/domain/durations";
import { formatAbsolute } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";

export interface CountdownProps {
  /** When the time runs out (ms since the epoch). */
  readonly targetMs: number;
  /** Shown once the target has passed. */
  readonly endedText?: string;
  /** Below this much time left the countdown is highlighted as running out (10 min by default). */
  readonly warnBelowMs?: number;
  /**
   * No tooltip and no tab stop (the end time goes in a title): for dense
   * lists, where every row being a tab stop would be a burden.
   */
  readonly plain?: boolean;
}

export function Countdown({ targetMs, endedText = "ended", warnBelowMs = 10 * 60_000, plain = false }: CountdownProps) {
  const now = useNow();
  const left = targetMs - now;
  const text = left > 0 ? formatCountdown(left) : endedText;
  const ends = `Ends ${formatAbsolute(targetMs)}`;
  const warn = left > 0 && left < warnBelowMs;
  const shown = warn ? (
    <StaticLabel isCompact color="orange" icon={<ExclamationTriangleIcon />} className="portal-countdown">
      {text}
      <span className="pf-v6-screen-reader"> left, running out</span>
    </StaticLabel>
  ) : (
    <span className="portal-countdown">{text}</span>
  );
  if (plain) return <span title={ends}>{shown}</span>;
  return (
    <Tooltip content={ends}>
      <span tabIndex={0} className="portal-focusable">
        {shown}
      </span>
    </Tooltip>
  );
}
