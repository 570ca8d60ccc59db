// PatternFly's toggle group (its <ToggleGroup> and <ToggleGroupItem> markup:
// a labelled group of pressed/unpressed buttons) without its class map
// (issue 13). The theme switch in every page's masthead is one.
import "@patternfly/react-styles/css/components/ToggleGroup/toggle-group.css";
import type { MouseEvent, ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

export interface ToggleGroupProps {
  readonly "aria-label"?: string;
  readonly "aria-labelledby"?: string;
  readonly isCompact?: boolean;
  readonly className?: string;
  readonly children?: ReactNode;
}

export function ToggleGroup({ "aria-label": ariaLabel, "aria-labelledby": labelledBy, isCompact = false, className, children }: ToggleGroupProps) {
  const classes = joinClasses("pf-v6-c-toggle-group", isCompact && "pf-m-compact", className);
  return (
    <div className={classes} role="group" aria-label={ariaLabel} aria-labelledby={labelledBy}>
      {children}
    </div>
  );
}

export interface ToggleGroupItemProps {
  readonly text?: ReactNode;
  readonly icon?: ReactNode;
  readonly "aria-label"?: string;
  readonly buttonId?: string;
  readonly isSelected?: boolean;
  readonly isDisabled?: boolean;
  /** With the state a press asks for (the opposite of isSelected), as PatternFly's. */
  readonly onChange?: (event: MouseEvent<HTMLButtonElement>, selected: boolean) => void;
  readonly className?: string;
}

export function ToggleGroupItem({ text, icon, "aria-label": ariaLabel, buttonId, isSelected = false, isDisabled = false, onChange, className }: ToggleGroupItemProps) {
  return (
    <div className={joinClasses("pf-v6-c-toggle-group__item", className)}>
      <button
        type="button"
        className={isSelected ? "pf-v6-c-toggle-group__button pf-m-selected" : "pf-v6-c-toggle-group__button"}
        aria-pressed={isSelected}
        onClick={(event) => onChange?.(event, !isSelected)}
        aria-label={ariaLabel}
        disabled={isDisabled}
        id={buttonId}
      >
        {icon !== undefined && icon !== null && <span className="pf-v6-c-toggle-group__icon">{icon}</span>}
        {text !== undefined && text !== null && text !== "" && <span className="pf-v6-c-toggle-group__text">{text}</span>}
      </button>
    </div>
  );
}
