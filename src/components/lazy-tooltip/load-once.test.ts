import { describe, expect, it } from "vitest";
import { loadOnce } from "@/components/lazy-tooltip/load-once";

describe("loadOnce", () => {
  it("starts the load on the first get only, and hands every caller the same module", async () => {
    let calls = 0;
    const code = loadOnce(() => {
      calls += 1;
      return Promise.resolve({ name: "Tooltip" });
    });
    expect(calls).toBe(0);
    const [a, b] = await Promise.all([code.get(), code.get()]);
    expect(await code.get()).toBe(a);
    expect(b).toBe(a);
    expect(calls).toBe(1);
  });

  it("tries again after a failed load", async () => {
    let calls = 0;
    const code = loadOnce(() => {
      calls += 1;
      return calls === 1 ? Promise.reject(new Error("offline")) : Promise.resolve("in");
    });
    await expect(code.get()).rejects.toThrow("offline");
    await expect(code.get()).resolves.toBe("in");
    expect(calls).toBe(2);
  });
});
