// A CSS media query as a React value, for layouts that differ by more than
// styles (the exporter list is a table on wide screens and a list on phones).
import { useCallback, useSyncExternalStore } from "react";

/** Below this width (PatternFly's md breakpoint) lists switch to their narrow layout. */
export const NARROW_QUERY = "(max-width: 767.98px)";

export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches);
}
