// Back to the exporter list: the row the user had left from is scrolled into
// the virtualised list's rendered rows, so route focus can land on it.
import { useLayoutEffect, useRef } from "react";
import type { ListItem } from "@/features/exporters/exporter-rows";
import { useFocusToRestore } from "@/lib/route-focus";

/** The `data-focus-key` of a board's row or card (what route focus finds again). */
export function rowFocusKey(name: string): string {
  return `exporter:${name}`;
}

/**
 * After Back, the board focus is restored to may lie outside the rows the
 * virtualiser renders: scroll it into them once, so it can take focus.
 */
export function useScrollToRestoredRow(
  items: readonly ListItem[],
  scrollToIndex: (index: number) => void,
): void {
  const restore = useFocusToRestore();
  const done = useRef(false);
  useLayoutEffect(() => {
    if (done.current || restore?.focusKey === undefined) return;
    const index = items.findIndex((it) => it.kind === "row" && rowFocusKey(it.row.name) === restore.focusKey);
    if (index < 0) return;
    done.current = true;
    scrollToIndex(index);
  }, [restore, items, scrollToIndex]);
}
