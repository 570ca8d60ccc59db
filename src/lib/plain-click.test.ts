import { describe, expect, it } from "vitest";
import { isPlainClick } from "@/lib/plain-click";

const click = { button: 0, metaKey: false, ctrlKey: false, shiftKey: false, altKey: false, defaultPrevented: false };

describe("isPlainClick", () => {
  it("takes a primary click without modifiers", () => {
    expect(isPlainClick(click)).toBe(true);
  });

  it("leaves new-tab, new-window and download clicks to the browser", () => {
    for (const k of ["metaKey", "ctrlKey", "shiftKey", "altKey"] as const) expect(isPlainClick({ ...click, [k]: true })).toBe(false);
    expect(isPlainClick({ ...click, button: 1 })).toBe(false);
  });

  it("leaves a click someone already handled", () => {
    expect(isPlainClick({ ...click, defaultPrevented: true })).toBe(false);
  });
});
