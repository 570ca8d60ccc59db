// PatternFly's small single-line progress bar (the same markup and classes as
// its <Progress size="sm" measureLocation="none" hideStatusIcon>, no title).
// PatternFly's Progress imports its Tooltip (for cut-off titles), and with it
// the Popper engine, which the lease list's time bars never show (issue 13).
import "@patternfly/react-styles/css/components/Progress/progress.css";

export interface ProgressBarProps {
  /** 0 to 100. */
  readonly value: number;
  readonly "aria-label": string;
  /** What a screen reader says instead of the bare percentage. */
  readonly valueText: string;
  readonly variant?: "warning" | "danger" | "success";
  readonly className?: string;
}

export function ProgressBar({ value, "aria-label": ariaLabel, valueText, variant, className }: ProgressBarProps) {
  // The bar stays within its track; the value announced is the one given (as PatternFly does).
  const shown = Math.min(100, Math.max(0, value));
  const classes = ["pf-v6-c-progress", ...(variant === undefined ? [] : [`pf-m-${variant}`]), "pf-m-sm", "pf-m-singleline", ...(className === undefined ? [] : [className])];
  return (
    <div className={classes.join(" ")}>
      <div role="progressbar" className="pf-v6-c-progress__bar" aria-valuemin={0} aria-valuenow={value} aria-valuemax={100} aria-label={ariaLabel} aria-valuetext={valueText}>
        <div className="pf-v6-c-progress__indicator" style={{ width: `${shown}%` }}>
          <span className="pf-v6-c-progress__measure" />
        </div>
      </div>
    </div>
  );
}
