// A CSS media query as a React value, for layouts that differ by more than
// styles (the exporter list is a table on wide screens and a list on phones).
import { useCallback, useSyncExternalStore } from "react";

/** Below this width (PatternFly's md breakpoint) lists switch to their narrow layout. */
export const NARROW_QUERY = "(max-width: 767.98px)";

// One list per query: React reads the value on every render of every user
// (useSyncExternalStore), and a new matchMedia each time was a measurable part
// of a keystroke on the exporters page (issue 13).
const lists = new Map<string, MediaQueryList>();

function mediaQueryList(query: string): MediaQueryList {
  let list = lists.get(query);
  if (list === undefined) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = mediaQueryList(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => mediaQueryList(query).matches);
}
