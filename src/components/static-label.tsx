// PatternFly's label look without the Label component's per-mount layout
// measuring (it reads offsetWidth to decide on a tooltip, forcing a layout
// per label): lists render hundreds of these while scrolling.
import "@patternfly/react-styles/css/components/Label/label.css";
import type { CSSProperties, ReactNode } from "react";

export type StaticLabelColor = "blue" | "teal" | "green" | "orange" | "purple" | "red" | "orangered" | "grey" | "yellow";

export interface StaticLabelProps {
  readonly children: ReactNode;
  readonly color?: StaticLabelColor;
  readonly variant?: "filled" | "outline";
  readonly isCompact?: boolean;
  readonly icon?: ReactNode;
  /** Longest text before an ellipsis (CSS length); the full text goes in `title`. */
  readonly textMaxWidth?: string;
  readonly title?: string;
  readonly className?: string;
}

export function StaticLabel({ children, color = "grey", variant = "filled", isCompact = false, icon, textMaxWidth, title, className }: StaticLabelProps) {
  const classes = [
    "pf-v6-c-label",
    color === "grey" ? "" : `pf-m-${color}`,
    `pf-m-${variant}`,
    isCompact ? "pf-m-compact" : "",
    className ?? "",
  ]
    .filter((c) => c !== "")
    .join(" ");
  const textStyle = textMaxWidth === undefined ? undefined : ({ "--pf-v6-c-label__text--MaxWidth": textMaxWidth } as CSSProperties);
  return (
    <span className={classes} title={title}>
      <span className="pf-v6-c-label__content">
        {icon !== undefined && <span className="pf-v6-c-label__icon">{icon}</span>}
        <span className="pf-v6-c-label__text" style={textStyle}>
          {children}
        </span>
      </span>
    </span>
  );
}
