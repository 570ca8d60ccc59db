// The sidebar's state (sidebar-state.ts) as the shell's pieces read it: the
// toggle button, the sidebar, its navigation links and the page's main area.
// In place of PatternFly's PageContext; the width is a media query listened
// to, not an observed element read on every resize (issue 13).
import { createContext, useContext, useEffect, useMemo, useReducer } from "react";
import { initialSidebarState, sidebarReducer, WIDE_SIDEBAR_QUERY } from "@/components/page-shell/sidebar-state";

export interface SidebarControl {
  readonly isOpen: boolean;
  /** Below PatternFly's xl breakpoint, where the open sidebar lies over the page. */
  readonly isNarrow: boolean;
  readonly toggle: () => void;
  readonly navigated: () => void;
  readonly mainPressed: () => void;
}

const noop = () => undefined;

/** Outside a page: an open sidebar nothing controls (PatternFly's defaults). */
const SidebarContext = createContext<SidebarControl>({ isOpen: true, isNarrow: false, toggle: noop, navigated: noop, mainPressed: noop });

export const SidebarProvider = SidebarContext.Provider;

export function useSidebar(): SidebarControl {
  return useContext(SidebarContext);
}

function isWideNow(): boolean {
  // Without a window (rendered to a string) PatternFly's page counts as 1200 px wide, so wide.
  return typeof window === "undefined" || typeof window.matchMedia !== "function" || window.matchMedia(WIDE_SIDEBAR_QUERY).matches;
}

/** The state behind a page's SidebarProvider. */
export function useManagedSidebar(): SidebarControl {
  const [state, dispatch] = useReducer(sidebarReducer, undefined, () => initialSidebarState(isWideNow()));
  useEffect(() => {
    if (typeof window.matchMedia !== "function") return undefined;
    const list = window.matchMedia(WIDE_SIDEBAR_QUERY);
    const onChange = () => dispatch({ type: "resize", wide: list.matches });
    onChange(); // the width may have changed between the first render and now
    list.addEventListener("change", onChange);
    return () => list.removeEventListener("change", onChange);
  }, []);
  return useMemo(
    () => ({
      isOpen: state.open,
      isNarrow: !state.wide,
      toggle: () => dispatch({ type: "toggle" }),
      navigated: () => dispatch({ type: "navigated" }),
      mainPressed: () => dispatch({ type: "main-pressed" }),
    }),
    [state],
  );
}
