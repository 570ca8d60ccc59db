// PatternFly's spinner (the same SVG, classes and progressbar role as its
// <Spinner>), without its design-token module: buttons show it while busy,
// and most pages draw one before their data arrives (issue 13).
import "@patternfly/react-styles/css/components/Spinner/spinner.css";
import { joinClasses } from "@/components/join-classes";

export interface SpinnerProps {
  readonly size?: "sm" | "md" | "lg" | "xl";
  /** Sized to the text around it (PatternFly's isInline). */
  readonly isInline?: boolean;
  readonly "aria-valuetext"?: string;
  readonly "aria-label"?: string;
  readonly className?: string;
}

export function Spinner({ size = "xl", isInline = false, "aria-valuetext": valueText = "Loading...", "aria-label": label, className }: SpinnerProps) {
  const classes = joinClasses("pf-v6-c-spinner", isInline ? "pf-m-inline" : `pf-m-${size}`, className);
  return (
    <svg className={classes} role="progressbar" aria-valuetext={valueText} viewBox="0 0 100 100" aria-label={label ?? "Contents"}>
      <circle className="pf-v6-c-spinner__path" cx="50" cy="50" r="45" fill="none" />
    </svg>
  );
}
