// Where the virtualised exporter list scrolls to: after Back, the row the user had
// left from is scrolled into the rendered rows (so route focus can land on it); a new view starts at its top.
import { useEffect, useLayoutEffect, useRef, type RefObject } from "react";
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

/**
 * A list shown for a new view (`viewKey`) scrolls back to its top; the first
 * view keeps any restored position. Whether the list is at its top is kept
 * from its scroll events: writing (or reading) scrollTop right after the
 * rows changed forces a layout, which each search keystroke paid (issue 13).
 */
export function useStartAtTop(scrollRef: RefObject<HTMLElement | null>, viewKey: string): void {
  const shown = useRef(viewKey);
  const atTop = useRef(true);
  useEffect(() => {
    const el = scrollRef.current;
    if (el === null) return;
    const onScroll = (): void => {
      atTop.current = el.scrollTop === 0;
    };
    el.addEventListener("scroll", onScroll, { passive: true });
    return () => el.removeEventListener("scroll", onScroll);
  }, [scrollRef]);
  useLayoutEffect(() => {
    if (shown.current === viewKey) return;
    shown.current = viewKey;
    if (scrollRef.current === null || atTop.current) return;
    scrollRef.current.scrollTop = 0;
    atTop.current = true;
  }, [scrollRef, viewKey]);
}
