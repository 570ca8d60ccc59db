// A live "time left" on the page's shared clock, in words ("10 min left",
// never a "10:27" that reads like a clock time), with the end as a clock
// time beside it ("ends 14:05"). Under `warnBelowMs` it turns into an orange
// label (text and icon, not colour alone) so a running-out lease stands out.
import { ExclamationTriangleIcon } from "@patternfly/react-icons";
import { useLazyTooltip } from "@/components/lazy-tooltip/use-lazy-tooltip";
import { StaticLabel } from "@/components/static-label";
import { formatTimeLeft } from "@/domain/time-words";
import { formatAbsolute, formatClockTime } from "@/lib/format-date";
import { useNow } from "@/lib/use-now";
import "@/components/countdown.css";

export interface CountdownProps {
  /** When the time runs out (ms since the epoch). */
  readonly targetMs: number;
  /** Shown once the target has passed. */
  readonly endedText?: string;
  /** Below this much time left the countdown is highlighted as running out (10 min by default). */
  readonly warnBelowMs?: number;
  /** Show the end as a clock time beside the time left ("· ends 14:05"); on by default. */
  readonly showEnd?: boolean;
  /**
   * No tooltip and no tab stop (the end time goes in a title): for dense
   * lists, where every row being a tab stop would be a burden.
   */
  readonly plain?: boolean;
}

export function Countdown({ targetMs, endedText = "ended", warnBelowMs = 10 * 60_000, showEnd = true, plain = false }: CountdownProps) {
  const now = useNow();
  const left = targetMs - now;
  const text = left > 0 ? formatTimeLeft(left) : endedText;
  const ends = `Ends ${formatAbsolute(targetMs)}`;
  const warn = left > 0 && left < warnBelowMs;
  const { triggerProps, tooltip } = useLazyTooltip<HTMLSpanElement>(ends);
  const shown = warn ? (
    <StaticLabel isCompact color="orange" icon={<ExclamationTriangleIcon />} className="portal-countdown">
      {text}
      <span className="pf-v6-screen-reader">, running out</span>
    </StaticLabel>
  ) : (
    <span className="portal-countdown">{text}</span>
  );
  const end = showEnd && left > 0 ? <span className="portal-countdown__end">{`ends ${formatClockTime(targetMs, now)}`}</span> : null;
  if (plain) {
    return (
      <span title={ends} className="portal-countdown-group">
        {shown}
        {end}
      </span>
    );
  }
  return (
    <span className="portal-countdown-group">
      <span tabIndex={0} className="portal-focusable" {...triggerProps}>
        {shown}
      </span>
      {tooltip}
      {end}
    </span>
  );
}
