// Splits the wall's groups into screens that fit, so the wall pages instead
// of scrolling and never shows half a tile. Pure: sizes in, screens out.

export interface WallLayout {
  /** The tile area's inner size, in px. */
  readonly width: number;
  readonly height: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** Space between tiles (and between rows), px. */
  readonly gap: number;
  /** A group's heading line, px (its own gap below included). */
  readonly headingHeight: number;
}

/** A group's part shown on one screen. */
export interface ScreenSection<T> {
  readonly group: T;
  /** The tiles of the group on this screen, as indexes [from, to). */
  readonly from: number;
  readonly to: number;
  /** True when the group began on an earlier screen. */
  readonly continued: boolean;
}

export type Screen<T> = readonly ScreenSection<T>[];

/** How many tiles fit side by side (at least one, so a tiny screen still shows something). */
export function columnsFor(layout: Pick<WallLayout, "width" | "tileWidth" | "gap">): number {
  return Math.max(1, Math.floor((layout.width + layout.gap) / (layout.tileWidth + layout.gap)));
}

/**
 * Fills screens row by row: a group's heading, then its tiles, `columns` to a
 * row. A heading never ends a screen alone (it moves on with its first row),
 * and a group cut by the screen's end goes on, headed again, on the next.
 * A screen always takes at least one row, so nothing loops when a tile is
 * taller than the screen.
 */
export function pageGroups<T extends { readonly tiles: readonly unknown[] }>(groups: readonly T[], layout: WallLayout): Screen<T>[] {
  const columns = columnsFor(layout);
  const rowHeight = layout.tileHeight + layout.gap;
  const screens: ScreenSection<T>[][] = [];
  let screen: ScreenSection<T>[] = [];
  let used = 0;
  for (const group of groups) {
    const count = group.tiles.length;
    let section: { from: number; to: number; continued: boolean } | undefined;
    for (let from = 0; from < count; from += columns) {
      const need = (section === undefined ? layout.headingHeight : 0) + rowHeight;
      // The last row needs no gap under it.
      const empty = screen.length === 0 && section === undefined;
      if (!empty && used + need - layout.gap > layout.height) {
        if (section !== undefined) screen.push({ group, ...section });
        screens.push(screen);
        screen = [];
        used = 0;
        section = { from, to: from, continued: from > 0 };
        used += layout.headingHeight;
      } else if (section === undefined) {
        section = { from, to: from, continued: false };
        used += layout.headingHeight;
      }
      section.to = Math.min(count, from + columns);
      used += rowHeight;
    }
    if (section !== undefined) screen.push({ group, ...section });
  }
  if (screen.length > 0) screens.push(screen);
  return screens;
}

/** "Page 2 of 3", or nothing when everything fits one screen. */
export function pageWords(index: number, count: number): string | undefined {
  return count > 1 ? `Page ${index + 1} of ${count}` : undefined;
}
