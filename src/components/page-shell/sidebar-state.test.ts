import { describe, expect, it } from "vitest";
import { initialSidebarState, sidebarReducer, type SidebarAction, type SidebarState } from "@/components/page-shell/sidebar-state";

function run(start: SidebarState, ...actions: SidebarAction[]): SidebarState {
  return actions.reduce(sidebarReducer, start);
}

const WIDE = initialSidebarState(true);
const NARROW = initialSidebarState(false);

describe("sidebarReducer", () => {
  it("starts open on a wide screen and closed on a narrow one", () => {
    expect(WIDE).toEqual({ wide: true, open: true });
    expect(NARROW).toEqual({ wide: false, open: false });
  });

  it("toggles either way at any width", () => {
    expect(run(WIDE, { type: "toggle" })).toEqual({ wide: true, open: false });
    expect(run(WIDE, { type: "toggle" }, { type: "toggle" })).toEqual({ wide: true, open: true });
    expect(run(NARROW, { type: "toggle" })).toEqual({ wide: false, open: true });
  });

  it("starts over when the width crosses the breakpoint", () => {
    expect(run(WIDE, { type: "resize", wide: false })).toEqual(NARROW);
    expect(run(WIDE, { type: "toggle" }, { type: "resize", wide: false }, { type: "resize", wide: true })).toEqual(WIDE);
    expect(run(NARROW, { type: "toggle" }, { type: "resize", wide: true })).toEqual(WIDE);
    expect(run(NARROW, { type: "toggle" }, { type: "resize", wide: true }, { type: "resize", wide: false })).toEqual(NARROW);
  });

  it("keeps the user's choice while the width stays on one side", () => {
    const closed = run(WIDE, { type: "toggle" });
    expect(sidebarReducer(closed, { type: "resize", wide: true })).toBe(closed);
    const opened = run(NARROW, { type: "toggle" });
    expect(sidebarReducer(opened, { type: "resize", wide: false })).toBe(opened);
  });

  it("closes on a narrow screen once a page is chosen or the page is pressed", () => {
    const opened = run(NARROW, { type: "toggle" });
    expect(sidebarReducer(opened, { type: "navigated" })).toEqual(NARROW);
    expect(sidebarReducer(opened, { type: "main-pressed" })).toEqual(NARROW);
    expect(sidebarReducer(NARROW, { type: "navigated" })).toBe(NARROW);
  });

  it("stays open beside the page on a wide screen when a page is chosen or the page is pressed", () => {
    expect(sidebarReducer(WIDE, { type: "navigated" })).toBe(WIDE);
    expect(sidebarReducer(WIDE, { type: "main-pressed" })).toBe(WIDE);
  });
});
