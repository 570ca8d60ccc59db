// PatternFly's small single-line progress bar (its <Progress size="sm"
// measureLocation="none" hideStatusIcon> markup) without its title
// truncation tooltip, status icons and id generator (issue 13): the portal
// shows how much of a lease is used, labelled for screen readers.
import "@patternfly/react-styles/css/components/Progress/progress.css";
import { joinClasses } from "@/components/join-classes";

export interface ProgressBarProps {
  /** 0 to 100. */
  readonly value: number;
  readonly "aria-label": string;
  /** What a screen reader says for the value ("40% of the lease used"). */
  readonly valueText?: string;
  readonly variant?: "warning" | "danger" | "success";
  readonly className?: string;
}

export function ProgressBar({ value, "aria-label": ariaLabel, valueText, variant, className }: ProgressBarProps) {
  const clamped = Math.min(100, Math.max(0, Math.floor(value)));
  const scaled = Number.isNaN(clamped) ? 0 : clamped;
  const classes = joinClasses("pf-v6-c-progress", variant !== undefined && `pf-m-${variant}`, "pf-m-sm", "pf-m-singleline", className);
  return (
    <div className={classes}>
      <div role="progressbar" className="pf-v6-c-progress__bar" aria-valuemin={0} aria-valuenow={value} aria-valuemax={100} aria-label={ariaLabel} {...(valueText === undefined ? {} : { "aria-valuetext": valueText })}>
        <div className="pf-v6-c-progress__indicator" style={{ width: `${scaled}%` }}>
          <span className="pf-v6-c-progress__measure" />
        </div>
      </div>
    </div>
  );
}
