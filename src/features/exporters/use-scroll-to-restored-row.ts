// Where the virtualised exporter list scrolls to: after Back, the row the user had
// left from is scrolled into the rendered rows (so route focus can land on it); a new view starts at its top.
import { useLayoutEffect, useRef, type RefObject } from "react";
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

/** A list shown for a new view (`viewKey`) scrolls back to its top; the first view keeps any restored position. */
export function useStartAtTop(scrollRef: RefObject<HTMLElement | null>, viewKey: string): void {
  const shown = useRef(viewKey);
  useLayoutEffect(() => {
    if (shown.current === viewKey) return;
    shown.current = viewKey;
    if (scrollRef.current !== null) scrollRef.current.scrollTop = 0;
  }, [scrollRef, viewKey]);
}
