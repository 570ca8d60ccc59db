// Whether the pointer is over a tooltip's trigger and whether it has focus:
// what the tooltip should show once its code is in (the events that asked for
// it have passed by then).

export interface TriggerState {
  readonly hovered: boolean;
  readonly focused: boolean;
}

export type TriggerEvent = "enter" | "leave" | "focus" | "blur";

export const IDLE_TRIGGER: TriggerState = { hovered: false, focused: false };

export function nextTriggerState(state: TriggerState, event: TriggerEvent): TriggerState {
  switch (event) {
    case "enter":
      return { ...state, hovered: true };
    case "leave":
      return { ...state, hovered: false };
    case "focus":
      return { ...state, focused: true };
    case "blur":
      return { ...state, focused: false };
  }
}

/** PatternFly's tooltip shows on hover and on focus (its trigger "mouseenter focus"). */
export const wantsTooltip = (state: TriggerState): boolean => state.hovered || state.focused;
