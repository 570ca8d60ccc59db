import { describe, expect, it } from "vitest";
import { addToast, alertTimeout, defaultTimeoutMs, MAX_TOASTS, removeToast, type ShownToast, type Toast } from "@/components/toast-list";

function push(toasts: readonly Toast[], max?: number): ShownToast[] {
  return toasts.reduce<ShownToast[]>((shown, t, i) => addToast(shown, t, i + 1, max), []);
}

describe("addToast", () => {
  it("adds toasts newest last", () => {
    const shown = push([
      { variant: "success", title: "a" },
      { variant: "info", title: "b" },
    ]);
    expect(shown.map((t) => [t.title, t.count])).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
  });

  it("replaces a toast with the same key, whatever it says, and starts it over", () => {
    const shown = push([
      { variant: "success", title: "rcar-s4-01 extended by 30 min", key: "change:x" },
      { variant: "info", title: "other" },
      { variant: "success", title: "rcar-s4-01 extended by 1 h", key: "change:x" },
    ]);
    expect(shown.map((t) => t.title)).toEqual(["other", "rcar-s4-01 extended by 1 h"]);
    expect(shown[1]).toMatchObject({ id: 3, count: 1 });
  });

  it("collapses a toast that says the same thing, counting the repeats", () => {
    const same: Toast = { variant: "danger", title: "rpi5-01 was not extended", body: "UpdateLease permission denied" };
    const shown = push([same, { variant: "info", title: "between" }, same, same]);
    expect(shown.map((t) => [t.title, t.count])).toEqual([
      ["between", 1],
      ["rpi5-01 was not extended", 3],
    ]);
  });

  it("does not collapse toasts that differ in variant, title or text", () => {
    const shown = push([
      { variant: "danger", title: "t", body: "one" },
      { variant: "danger", title: "t", body: "two" },
      { variant: "warning", title: "t", body: "two" },
    ]);
    expect(shown).toHaveLength(3);
    expect(shown.every((t) => t.count === 1)).toBe(true);
  });

  it("does not collapse rich bodies it cannot compare", () => {
    const rich: Toast = { variant: "success", title: "ready", body: { type: "p" } as unknown as Toast["body"] };
    expect(push([rich, rich]).map((t) => t.count)).toEqual([1, 1]);
  });

  it(`keeps at most ${MAX_TOASTS} on screen, dropping the oldest`, () => {
    const shown = push(["a", "b", "c", "d", "e"].map((title) => ({ variant: "info" as const, title })));
    expect(shown.map((t) => t.title)).toEqual(["c", "d", "e"]);
    expect(push([{ variant: "info", title: "a" }, { variant: "info", title: "b" }], 1).map((t) => t.title)).toEqual(["b"]);
  });

  it("removes by id", () => {
    const shown = push([
      { variant: "info", title: "a" },
      { variant: "info", title: "b" },
    ]);
    expect(removeToast(shown, 1).map((t) => t.title)).toEqual(["b"]);
  });
});

describe("timeouts", () => {
  it("lets confirmations go soon, news later, and keeps failures until closed", () => {
    expect(defaultTimeoutMs("success")).toBeLessThan(defaultTimeoutMs("info"));
    expect(defaultTimeoutMs("info")).toBeLessThan(defaultTimeoutMs("warning"));
    expect(alertTimeout({ variant: "danger", title: "x" })).toBe(false);
    expect(alertTimeout({ variant: "success", title: "x" })).toBe(6_000);
  });

  it("takes the caller's timeout, 0 meaning stay", () => {
    expect(alertTimeout({ variant: "success", title: "x", timeoutMs: 15_000 })).toBe(15_000);
    expect(alertTimeout({ variant: "success", title: "x", timeoutMs: 0 })).toBe(false);
    expect(alertTimeout({ variant: "danger", title: "x", timeoutMs: 20_000 })).toBe(20_000);
  });
});
