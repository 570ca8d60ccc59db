// PatternFly's button: the same element, classes and attributes as its
// <Button> for the props the portal uses, without what every page paid for
// the rest (OUIA ids, the badge, favourite and settings icons, the
// hamburger; about 3 KiB gzip on each first page, issue 13).
import "@patternfly/react-styles/css/components/Button/button.css";
import type { ComponentProps, ComponentType, KeyboardEvent, MouseEvent, ReactNode, Ref } from "react";
import { Spinner } from "@/components/spinner";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "@/components/button/button-classes";

type AnchorProps = ComponentProps<"a">;

export interface ButtonProps extends Omit<ComponentProps<"button">, "type" | "ref"> {
  readonly variant?: ButtonVariant;
  readonly size?: ButtonSize;
  readonly icon?: ReactNode;
  readonly iconPosition?: "start" | "end";
  /** A link inside text (variant link only). */
  readonly isInline?: boolean;
  readonly isBlock?: boolean;
  /** Danger look of a secondary or link button. */
  readonly isDanger?: boolean;
  readonly isDisabled?: boolean;
  /** Disabled but focusable (it still takes focus and shows its tooltip; clicks do nothing). */
  readonly isAriaDisabled?: boolean;
  /** Busy: a spinner before the text. Pass false rather than leave it out for a button that can be busy, so it keeps its size. */
  readonly isLoading?: boolean;
  readonly spinnerAriaValueText?: string;
  readonly spinnerAriaLabel?: string;
  readonly hasNoPadding?: boolean;
  /** The element: a button (default), an anchor, a component that renders one (RouterAnchor), or an inline span acting as a button. */
  readonly component?: "button" | "a" | "span" | ComponentType<AnchorProps>;
  readonly href?: string;
  readonly type?: "button" | "submit" | "reset";
  readonly ref?: Ref<HTMLElement>;
}

const prevent = (event: MouseEvent | KeyboardEvent): void => event.preventDefault();

export function Button({
  variant = "primary",
  size = "default",
  icon,
  iconPosition = "start",
  isInline = false,
  isBlock = false,
  isDanger = false,
  isDisabled = false,
  isAriaDisabled = false,
  isLoading,
  hasNoPadding = false,
  spinnerAriaValueText,
  spinnerAriaLabel,
  component = "button",
  type = "button",
  tabIndex,
  "aria-label": ariaLabel,
  "aria-expanded": ariaExpanded,
  className,
  children,
  ...rest
}: ButtonProps) {
  // One element type for the JSX below: the props are checked by ButtonProps above.
  const Component = component as unknown as ComponentType<Record<string, unknown>>;
  const isButtonElement = component === "button";
  // As PatternFly: an inline span is a button to assistive technology and the keyboard.
  const isInlineSpan = isInline && component === "span";
  const hasChildren = children !== undefined && children !== null && children !== false && children !== "";
  const iconSpan =
    icon === undefined || icon === null ? null : (
      <span className={hasChildren ? `pf-v6-c-button__icon pf-m-${iconPosition}` : "pf-v6-c-button__icon"}>{icon}</span>
    );
  const text = hasChildren ? <span className="pf-v6-c-button__text">{children}</span> : null;
  // As PatternFly: a disabled non-button leaves the tab order; aria-disabled only when true.
  const defaultTabIndex = isDisabled ? (isButtonElement ? undefined : -1) : isAriaDisabled ? undefined : isInlineSpan ? 0 : undefined;
  return (
    <Component
      aria-expanded={ariaExpanded}
      {...rest}
      {...(isAriaDisabled ? { onClick: prevent, onKeyPress: prevent } : {})}
      {...(isAriaDisabled || (!isButtonElement && isDisabled) ? { "aria-disabled": true } : {})}
      aria-label={ariaLabel}
      className={buttonClasses({ variant, isButtonElement, isBlock, isDisabled, isAriaDisabled, isInline, isDanger, isLoading, hasNoPadding, size, className })}
      disabled={isButtonElement ? isDisabled : undefined}
      tabIndex={tabIndex ?? defaultTabIndex}
      type={isButtonElement || isInlineSpan ? type : undefined}
      role={isInlineSpan ? "button" : rest.role}
    >
      {isLoading === true && (
        <span className="pf-v6-c-button__progress">
          <Spinner size="md" isInline={isInline} {...(spinnerAriaValueText === undefined ? {} : { "aria-valuetext": spinnerAriaValueText })} {...(spinnerAriaLabel === undefined ? {} : { "aria-label": spinnerAriaLabel })} />
        </span>
      )}
      {iconPosition === "end" ? (
        <>
          {text}
          {iconSpan}
        </>
      ) : (
        <>
          {iconSpan}
          {text}
        </>
      )}
    </Component>
  );
}
