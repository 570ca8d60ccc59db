import { describe, expect, it } from "vitest";
import { parseGoDuration } from "./go-duration.js";

describe("parseGoDuration (Go's time.ParseDuration)", () => {
  it.each<[string, number | undefined]>([
    ["8760h", 8760 * 3_600_000],
    ["1h30m", 5_400_000],
    ["1.5h", 5_400_000],
    ["300ms", 300],
    ["2m3.5s", 123_500],
    ["0", 0],
    ["-1h", -3_600_000],
    ["2d", undefined],
    ["1h 30m", undefined],
    ["90", undefined],
    ["", undefined],
    ["h", undefined],
  ])("%j -> %j", (text, ms) => {
    expect(parseGoDuration(text)).toBe(ms);
  });
});
