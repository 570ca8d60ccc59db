import { describe, expect, it } from "vitest";
import { IDLE_TRIGGER, nextTriggerState, wantsTooltip, type TriggerEvent } from "@/components/lazy-tooltip/trigger-state";

const after = (...events: TriggerEvent[]) => events.reduce(nextTriggerState, IDLE_TRIGGER);

describe("trigger state", () => {
  it("wants the tooltip while hovered or focused", () => {
    expect(wantsTooltip(IDLE_TRIGGER)).toBe(false);
    expect(wantsTooltip(after("enter"))).toBe(true);
    expect(wantsTooltip(after("focus"))).toBe(true);
  });

  it("no longer wants it once the pointer left before the code came", () => {
    expect(wantsTooltip(after("enter", "leave"))).toBe(false);
    expect(wantsTooltip(after("focus", "blur"))).toBe(false);
  });

  it("still wants it while focused after the pointer left, and the other way round", () => {
    expect(after("focus", "enter", "leave")).toEqual({ hovered: false, focused: true });
    expect(wantsTooltip(after("focus", "enter", "leave"))).toBe(true);
    expect(wantsTooltip(after("enter", "focus", "blur"))).toBe(true);
  });
});
