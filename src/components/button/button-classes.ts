// The classes PatternFly's Button puts on its element, in its order, for the
// props the portal uses (pure: button.tsx draws them).

export type ButtonVariant = "primary" | "secondary" | "tertiary" | "danger" | "warning" | "link" | "plain" | "control";
export type ButtonSize = "default" | "sm" | "lg";

export interface ButtonLook {
  readonly variant: ButtonVariant;
  readonly isButtonElement: boolean;
  readonly isBlock?: boolean;
  readonly isDisabled?: boolean;
  readonly isAriaDisabled?: boolean;
  readonly isInline?: boolean;
  readonly isDanger?: boolean;
  /** Undefined: never busy (no room kept for a spinner); false: not busy now. */
  readonly isLoading?: boolean | undefined;
  /** A plain button without padding (an icon inside text). */
  readonly hasNoPadding?: boolean;
  readonly size?: ButtonSize;
  readonly className?: string | undefined;
}

export function buttonClasses(look: ButtonLook): string {
  const { variant } = look;
  const classes = ["pf-v6-c-button", `pf-m-${variant}`];
  if (look.isBlock === true) classes.push("pf-m-block");
  if (look.isDisabled === true && !look.isButtonElement) classes.push("pf-m-disabled");
  if (look.isAriaDisabled === true) classes.push("pf-m-aria-disabled");
  if (look.isInline === true && variant === "link") classes.push("pf-m-inline");
  if (look.isDanger === true && (variant === "secondary" || variant === "link")) classes.push("pf-m-danger");
  if (look.isLoading !== undefined && variant !== "plain") classes.push("pf-m-progress");
  if (look.isLoading === true) classes.push("pf-m-in-progress");
  if (look.hasNoPadding === true && variant === "plain") classes.push("pf-m-no-padding");
  if (look.size === "sm") classes.push("pf-m-small");
  if (look.size === "lg") classes.push("pf-m-display-lg");
  if (look.className !== undefined && look.className !== "") classes.push(look.className);
  return classes.join(" ");
}
