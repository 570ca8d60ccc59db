// PatternFly's helper text (its <HelperText> and <HelperTextItem> markup,
// status icon and screen-reader status included) without its class map
// (issue 13).
import "@patternfly/react-styles/css/components/HelperText/helper-text.css";
import RhUiCheckCircleFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-check-circle-fill-icon";
import RhUiErrorFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-error-fill-icon";
import RhUiWarningFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-warning-fill-icon";
import type { ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

export interface HelperTextProps {
  readonly id?: string;
  /** Announced when it changes (aria-live polite). */
  readonly isLiveRegion?: boolean;
  readonly className?: string;
  readonly children?: ReactNode;
}

export function HelperText({ id, isLiveRegion = false, className, children }: HelperTextProps) {
  return (
    <div id={id} className={joinClasses("pf-v6-c-helper-text", className)} {...(isLiveRegion ? { "aria-live": "polite" as const } : {})}>
      {children}
    </div>
  );
}

export type HelperTextVariant = "default" | "warning" | "error" | "success";

const ICONS = { warning: RhUiWarningFillIcon, success: RhUiCheckCircleFillIcon, error: RhUiErrorFillIcon } as const;

export interface HelperTextItemProps {
  readonly id?: string;
  readonly variant?: HelperTextVariant;
  readonly className?: string;
  readonly children?: ReactNode;
}

export function HelperTextItem({ id, variant = "default", className, children }: HelperTextItemProps) {
  const Icon = variant === "default" ? undefined : ICONS[variant];
  const classes = joinClasses("pf-v6-c-helper-text__item", variant !== "default" && `pf-m-${variant}`, className);
  return (
    <div className={classes} id={id}>
      {Icon !== undefined && (
        <span className="pf-v6-c-helper-text__item-icon">
          <Icon />
        </span>
      )}
      <span className="pf-v6-c-helper-text__item-text">
        {children}
        {variant !== "default" && <span className="pf-v6-screen-reader">{`: ${variant} status;`}</span>}
      </span>
    </div>
  );
}
