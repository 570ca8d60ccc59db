// The build's changes to index.html for the boot frame (issue 13).
import { describe, expect, it } from "vitest";
import { BOOT_SCRIPT } from "../src/boot/boot-script.js";
import { withBootScript, withPreloadedStyles } from "./boot-html.js";

describe("boot html", () => {
  it("puts the boot script right after the charset, before anything that could paint", () => {
    const html = withBootScript(`<html><head>\n    <meta charset="UTF-8" />\n    <title>x</title></head></html>`);
    expect(html).toContain(`<meta charset="UTF-8" />\n    <script>${BOOT_SCRIPT}</script>\n    <title>`);
  });

  it("refuses an index.html it cannot place the script in", () => {
    expect(() => withBootScript("<html><head></head></html>")).toThrow(/no <meta charset/);
  });

  it("turns each stylesheet link into a preload the app applies, keeping its other attributes", () => {
    const html = withPreloadedStyles(`<link rel="stylesheet" crossorigin href="/assets/a.css">\n<link rel="modulepreload" href="/assets/b.js">`);
    expect(html).toBe(`<link rel="preload" as="style" crossorigin href="/assets/a.css" data-app-style>\n<link rel="modulepreload" href="/assets/b.js">`);
  });
});
