// Whether the shell's navigation sidebar is open: PatternFly's managed
// sidebar (Page isManagedSidebar) as a reducer, without the Page component,
// its resize observer and the drawer and focus trap it brings (issue 13).
//
// Wide screens (PatternFly's xl breakpoint and up) start with it open beside
// the page; narrower ones start with it closed, and there it covers the page
// when opened, so choosing a page or pressing on the page closes it again.

/** PatternFly's xl breakpoint, where its page lays the sidebar beside the content (page.css's own media query). */
export const WIDE_SIDEBAR_QUERY = "(min-width: 75rem)";

export interface SidebarState {
  /** At least PatternFly's xl breakpoint wide. */
  readonly wide: boolean;
  readonly open: boolean;
}

export type SidebarAction =
  /** The hamburger button. */
  | { readonly type: "toggle" }
  /** The window's width crossed the breakpoint (or was read again). */
  | { readonly type: "resize"; readonly wide: boolean }
  /** A navigation item was chosen. */
  | { readonly type: "navigated" }
  /** A press (mouse or touch) on the page's main area. */
  | { readonly type: "main-pressed" };

export function initialSidebarState(wide: boolean): SidebarState {
  return { wide, open: wide };
}

/** On a narrow screen the open sidebar lies over the page: closed once it has done its job. */
function closedWhenNarrow(state: SidebarState): SidebarState {
  return state.wide || !state.open ? state : { ...state, open: false };
}

export function sidebarReducer(state: SidebarState, action: SidebarAction): SidebarState {
  switch (action.type) {
    case "toggle":
      return { ...state, open: !state.open };
    case "resize":
      // Crossing the breakpoint starts over with that width's default; within it, nothing changes.
      return action.wide === state.wide ? state : initialSidebarState(action.wide);
    case "navigated":
    case "main-pressed":
      return closedWhenNarrow(state);
  }
}
