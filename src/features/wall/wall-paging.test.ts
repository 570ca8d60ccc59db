import { describe, expect, it } from "vitest";
import { columnsFor, pageGroups, pageWords, type WallLayout } from "@/features/wall/wall-paging";

const group = (title: string, n: number) => ({ title, tiles: Array.from({ length: n }, (_, i) => i) });
// 4 columns of 100 px with 10 px gaps in 430 px; 3 rows of 100 px (+10 gap) in 350 px without headings.
const layout: WallLayout = { width: 430, height: 350, tileWidth: 100, tileHeight: 100, gap: 10, headingHeight: 0 };

/** Each screen as "title:from-to" parts. */
const shape = (screens: ReturnType<typeof pageGroups<ReturnType<typeof group>>>) =>
  screens.map((s) => s.map((p) => `${p.group.title}:${p.from}-${p.to}${p.continued ? "+" : ""}`).join(" "));

/** The height a screen's sections take, as the paging counts it. */
function heightOf(sections: readonly { from: number; to: number }[], l: WallLayout): number {
  const cols = columnsFor(l);
  return sections.reduce((h, s) => h + l.headingHeight + Math.ceil((s.to - s.from) / cols) * (l.tileHeight + l.gap), 0) - l.gap;
}

describe("paging the wall into screens", () => {
  it("counts the columns that fit without cutting a tile", () => {
    expect(columnsFor(layout)).toBe(4);
    expect(columnsFor({ ...layout, width: 429 })).toBe(3);
    expect(columnsFor({ ...layout, width: 20 })).toBe(1);
  });

  it("puts everything on one screen when it fits, with no page indicator", () => {
    const screens = pageGroups([group("all", 12)], layout);
    expect(shape(screens)).toEqual(["all:0-12"]);
    expect(pageWords(0, screens.length)).toBeUndefined();
  });

  it("goes on to a second screen rather than cut a row", () => {
    const screens = pageGroups([group("all", 13)], layout);
    expect(shape(screens)).toEqual(["all:0-12", "all:12-13+"]);
    expect(pageWords(1, screens.length)).toBe("Page 2 of 2");
  });

  it("never leaves a heading alone at the bottom, and heads a continued group again", () => {
    const l = { ...layout, headingHeight: 40 };
    // a: heading + 2 rows = 40 + 220 = 260; b's heading and a row would need 150 more: 400 > 350.
    const screens = pageGroups([group("a", 8), group("b", 6)], l);
    expect(shape(screens)).toEqual(["a:0-8", "b:0-6"]);
    const long = pageGroups([group("a", 20)], l);
    // 40 + 3 rows of 110 - 10 = 360 > 350: two rows a screen.
    expect(shape(long)).toEqual(["a:0-8", "a:8-16+", "a:16-20+"]);
  });

  it("keeps every screen within the height, for many group sizes", () => {
    const l = { ...layout, headingHeight: 30, height: 700 };
    const groups = [3, 9, 1, 14, 4, 7, 2, 11].map((n, i) => group(`g${i}`, n));
    const screens = pageGroups(groups, l);
    for (const s of screens) expect(heightOf(s, l)).toBeLessThanOrEqual(l.height);
    // Every tile shows exactly once.
    const shown = screens.flat().reduce((n, p) => n + (p.to - p.from), 0);
    expect(shown).toBe(51);
  });

  it("still shows a tile on a screen smaller than one tile, rather than loop", () => {
    expect(shape(pageGroups([group("a", 2)], { ...layout, width: 50, height: 50 }))).toEqual(["a:0-1", "a:1-2+"]);
  });
});
