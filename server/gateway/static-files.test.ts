import { describe, expect, it } from "vitest";
import { isHashedAsset } from "./static-files.js";

describe("isHashedAsset", () => {
  it.each([
    ["assets/index-BxYz12_a.js", true],
    ["assets/index-Bx-z12_a.js", true],
    ["assets/app-abc123.js", true],
    ["assets/vendor-react-Cq1w2e3r.css", true],
    ["assets/fonts/RedHatText-Regular-D4aq9xk2.woff2", true],
    ["index.html", false],
    ["favicon-abc12345.ico", false],
    ["assets/logo.svg", false],
    ["assets/app-abc.js", false],
    ["assets/app-abc123", false],
  ])("%s -> %s", (path, expected) => {
    expect(isHashedAsset(path)).toBe(expected);
  });
});
