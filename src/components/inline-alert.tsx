// PatternFly's inline alert (the same markup and classes as its <Alert
// isInline>, for the props the portal uses) for every page but the toasts.
// PatternFly's Alert also carries a tooltip for truncated titles, and with it
// the positioning engine, about 11 KiB gzip no page otherwise needs on its
// first load (issue 13). No truncation, close button, timeout or expansion
// here: the toasts (loaded after the first paint) keep PatternFly's Alert.
import "@patternfly/react-styles/css/components/Alert/alert.css";
import RhUiCheckCircleFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-check-circle-fill-icon";
import RhUiErrorFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-error-fill-icon";
import RhUiInformationFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-information-fill-icon";
import RhUiWarningFillIcon from "@patternfly/react-icons/dist/esm/icons/rh-ui-warning-fill-icon";
import type { ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

const ICONS = { success: RhUiCheckCircleFillIcon, danger: RhUiErrorFillIcon, warning: RhUiWarningFillIcon, info: RhUiInformationFillIcon } as const;
const NAMES = { success: "Success", danger: "Danger", warning: "Warning", info: "Info", custom: "Custom" } as const;

type CommonProps = {
  readonly title: ReactNode;
  /** The title's element (PatternFly's default: h4): a heading level that fits the page, or "p". */
  readonly component?: "h2" | "h3" | "h4" | "p";
  /** No background and border (PatternFly's isPlain). */
  readonly isPlain?: boolean;
  /** Announced when it appears or changes (aria-live polite). */
  readonly isLiveRegion?: boolean;
  /** Buttons or links under the description (PatternFly's action group). */
  readonly actionLinks?: ReactNode;
  readonly className?: string;
  readonly children?: ReactNode;
};

/** One of PatternFly's variants with its icon, or "custom" with an icon of one's own. */
export type InlineAlertProps = CommonProps & ({ readonly variant: keyof typeof ICONS; readonly customIcon?: never } | { readonly variant: "custom"; readonly customIcon: ReactNode });

const isShown = (node: ReactNode): boolean => node !== undefined && node !== null && node !== "" && node !== false;

export function InlineAlert({ variant, customIcon, title, component: Title = "h4", isPlain = false, isLiveRegion = false, actionLinks, className, children }: InlineAlertProps) {
  const Icon = variant === "custom" ? undefined : ICONS[variant];
  const classes = joinClasses("pf-v6-c-alert", "pf-m-inline", isPlain && "pf-m-plain", `pf-m-${variant}`, className);
  return (
    <div className={classes} {...(isLiveRegion ? { "aria-live": "polite", "aria-atomic": "false" } : {})}>
      <div className="pf-v6-c-alert__icon">{Icon === undefined ? customIcon : <Icon />}</div>
      <Title className="pf-v6-c-alert__title">
        <span className="pf-v6-screen-reader">{`${NAMES[variant]} alert:`}</span>
        {title}
      </Title>
      {isShown(children) && <div className="pf-v6-c-alert__description">{children}</div>}
      {isShown(actionLinks) && <div className="pf-v6-c-alert__action-group">{actionLinks}</div>}
    </div>
  );
}
