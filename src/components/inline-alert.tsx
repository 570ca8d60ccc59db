// PatternFly's inline alert (the same markup and classes as its <Alert
// isInline>) for the sign-in pages. PatternFly's Alert also carries a tooltip
// for truncated titles, and with it the positioning engine, about 7 KiB gzip
// the sign-in page otherwise needs nowhere (issue 13). No truncation, close
// button, timeout or expansion here: pages that want those use <Alert>.
import "@patternfly/react-styles/css/components/Alert/alert.css";
import RhUiCheckCircleFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-check-circle-fill-icon";
import RhUiErrorFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-error-fill-icon";
import RhUiInformationFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-information-fill-icon";
import RhUiWarningFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-warning-fill-icon";
import type { ReactNode } from "react";

const ICONS = { success: RhUiCheckCircleFillIcon, danger: RhUiErrorFillIcon, warning: RhUiWarningFillIcon, info: RhUiInformationFillIcon } as const;
const NAMES = { success: "Success", danger: "Danger", warning: "Warning", info: "Info" } as const;

export interface InlineAlertProps {
  readonly variant: keyof typeof ICONS;
  readonly title: ReactNode;
  /** No background and border (PatternFly's isPlain). */
  readonly isPlain?: boolean;
  /** Announced when it appears or changes (aria-live polite). */
  readonly isLiveRegion?: boolean;
  readonly className?: string;
  readonly children?: ReactNode;
}

export function InlineAlert({ variant, title, isPlain = false, isLiveRegion = false, className, children }: InlineAlertProps) {
  const Icon = ICONS[variant];
  const classes = ["pf-v6-c-alert", "pf-m-inline", ...(isPlain ? ["pf-m-plain"] : []), `pf-m-${variant}`, ...(className === undefined ? [] : [className])];
  return (
    <div className={classes.join(" ")} {...(isLiveRegion ? { "aria-live": "polite", "aria-atomic": "false" } : {})}>
      <div className="pf-v6-c-alert__icon">
        <Icon />
      </div>
      <h4 className="pf-v6-c-alert__title">
        <span className="pf-v6-screen-reader">{`${NAMES[variant]} alert:`}</span>
        {title}
      </h4>
      {children !== undefined && children !== null && children !== "" && <div className="pf-v6-c-alert__description">{children}</div>}
    </div>
  );
}
