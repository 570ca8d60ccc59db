// Keyboard focus across page changes. When a page replaces another, the
// element that had focus is gone and the browser drops focus to <body>: a
// keyboard or screen-reader user starts again from the top of the document.
// So, router-wide:
// - going Back (or Forward) to a page puts focus back on the element that
//   had it when the user left that page (the row, the link that led away),
//   once it is there again, or on the page's heading meanwhile;
// - arriving on a new page with focus lost puts it on the page's heading;
// - a change of the query string alone (filters written to the URL) leaves
//   focus where it is.
// Elements are found again by `data-focus-key` (set it on rows and cards,
// "exporter:rcar-s4-01"), else by id, else by the link's href.
import { createContext, useContext, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { NavigationType, useLocation, useNavigationType } from "react-router";

/** What identifies a focused element again once its page is back. */
export interface FocusMemory {
  readonly focusKey?: string;
  readonly id?: string;
  readonly href?: string;
}

/** How long a page may take to show the element to restore (rows arriving from the cache or a virtualiser). */
const RESTORE_PATIENCE_MS = 2_000;

const FOCUSABLE = "a[href], button, input, select, textarea, [tabindex]";

/** How to find `el` again, or undefined for nothing worth restoring (the page itself). */
export function describeFocus(el: Element | null): FocusMemory | undefined {
  if (el === null || el === document.body || el === document.documentElement) return undefined;
  const keyed = el.closest("[data-focus-key]");
  const focusKey = keyed?.getAttribute("data-focus-key");
  if (focusKey !== null && focusKey !== undefined && focusKey !== "") return { focusKey };
  if (el.id !== "") return { id: el.id };
  const href = el.closest("a[href]")?.getAttribute("href");
  if (href !== null && href !== undefined) return { href };
  return undefined;
}

/** The element `memory` describes in the current page, ready to take focus, if it is there. */
export function findRemembered(memory: FocusMemory, root: ParentNode = document): HTMLElement | null {
  let found: Element | null = null;
  if (memory.focusKey !== undefined) found = root.querySelector(`[data-focus-key="${CSS.escape(memory.focusKey)}"]`);
  else if (memory.id !== undefined) found = document.getElementById(memory.id);
  else if (memory.href !== undefined) found = root.querySelector(`a[href="${CSS.escape(memory.href)}"]`);
  if (!(found instanceof HTMLElement)) return null;
  if (found.matches(FOCUSABLE)) return found;
  return found.querySelector<HTMLElement>(FOCUSABLE);
}

/** Focus is nowhere useful: on the page itself, or on an element that is gone. */
function focusIsLost(): boolean {
  const active = document.activeElement;
  return active === null || active === document.body || !active.isConnected;
}

/** Focuses the page's heading (made focusable by script only), if there is one. */
function focusHeading(): HTMLElement | null {
  const heading = document.querySelector<HTMLElement>("main h1, [role='main'] h1, h1");
  if (heading === null) return null;
  if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
  heading.classList.add("portal-route-heading");
  heading.focus({ preventScroll: true });
  return heading;
}

/**
 * Puts focus on what `memory` describes, or on the page's heading meanwhile;
 * for a short while it keeps at it, as pages settle (a loading state's
 * heading gives way to the loaded page's, rows arrive from a virtualiser):
 * the remembered element takes focus once it shows up, and a heading that
 * went away is replaced by the new one, unless the user has moved focus
 * elsewhere in between. Returns a cleanup that stops it.
 */
function restoreFocus(memory: FocusMemory | undefined): () => void {
  let heading: HTMLElement | null = null;
  /** True when done: the remembered element has focus, or the user took focus elsewhere. */
  const place = (): boolean => {
    const active = document.activeElement;
    const ours = active !== null && active === heading;
    if (!ours && !focusIsLost()) return true;
    const target = memory === undefined ? null : findRemembered(memory);
    if (target !== null) {
      target.focus();
      return true;
    }
    if (!ours) heading = focusHeading();
    return false;
  };
  if (place()) return () => undefined;
  const deadline = Date.now() + RESTORE_PATIENCE_MS;
  let frame = 0;
  const look = (): void => {
    if (Date.now() > deadline || place()) return;
    frame = requestAnimationFrame(look);
  };
  frame = requestAnimationFrame(look);
  return () => cancelAnimationFrame(frame);
}

const RestoringContext = createContext<FocusMemory | undefined>(undefined);

/**
 * The element focus is being restored to on this page (after Back), so a
 * virtualised list can scroll it into its rendered rows; undefined otherwise.
 */
export function useFocusToRestore(): FocusMemory | undefined {
  return useContext(RestoringContext);
}

/** Wraps the routed pages (the app shell's outlet) and manages focus across page changes. */
export function RouteFocusProvider({ children }: { children: ReactNode }) {
  const location = useLocation();
  const navigationType = useNavigationType();
  // A Map that lives as long as the shell (mutated by the focus listener, read when a page comes back).
  const [memory] = useState(() => new Map<string, FocusMemory>());
  const currentKey = useRef(location.key);
  const lastPath = useRef(location.pathname);
  // What the page being shown should get focus back on: known while rendering, for useFocusToRestore.
  const [restoring, setRestoring] = useState<{ key: string; memory: FocusMemory | undefined }>({ key: location.key, memory: undefined });
  if (restoring.key !== location.key) {
    setRestoring({ key: location.key, memory: navigationType === NavigationType.Pop ? memory.get(location.key) : undefined });
  }

  // Remember, per history entry, the last element that had focus on it.
  useEffect(() => {
    const onFocusIn = (e: FocusEvent): void => {
      const m = describeFocus(e.target instanceof Element ? e.target : null);
      if (m !== undefined) memory.set(currentKey.current, m);
    };
    document.addEventListener("focusin", onFocusIn);
    return () => document.removeEventListener("focusin", onFocusIn);
  }, [memory]);

  useLayoutEffect(() => {
    const previousPath = lastPath.current;
    currentKey.current = location.key;
    lastPath.current = location.pathname;
    // The same page with other filters in the URL: focus stays in the field being typed in.
    if (location.pathname === previousPath) return;
    return restoreFocus(navigationType === NavigationType.Pop ? memory.get(location.key) : undefined);
  }, [location.key, location.pathname, navigationType, memory]);

  return <RestoringContext.Provider value={restoring.memory}>{children}</RestoringContext.Provider>;
}
