import { describe, expect, it } from "vitest";
import { totalWords } from "@/features/exporters/total-words";

describe("totalWords", () => {
  it("counts a whole answer plainly", () => {
    expect(totalWords(5000, undefined)).toBe("5000 exporters");
    expect(totalWords(1, undefined)).toBe("1 exporter");
  });

  it("says the rest is loading while the first pages are shown", () => {
    expect(totalWords(500, "loading")).toBe("500 exporters so far, loading the rest…");
  });

  it("says the rest did not come when the listing failed part way", () => {
    expect(totalWords(1000, "failed")).toBe("1000 exporters so far; the rest could not be loaded");
  });
});
