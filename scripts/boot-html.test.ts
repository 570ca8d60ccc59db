// The build's changes to index.html for the boot frame (issue 13).
import { describe, expect, it } from "vitest";
import { BOOT_SCRIPT } from "../src/boot/boot-script.js";
import { withBootScript, withLowPriorityCode, withPreloadedStyles } from "./boot-html.js";

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

  it("fetches the entry script, its module preloads and the style preloads at low priority, once each", () => {
    const html = withLowPriorityCode(
      [
        `<script type="module" crossorigin src="/assets/index.js"></script>`,
        `<link rel="modulepreload" crossorigin href="/assets/b.js">`,
        `<link rel="preload" as="style" crossorigin href="/assets/a.css" data-app-style>`,
        `<link rel="icon" href="/x.svg">`,
      ].join("\n"),
    );
    expect(html.split("\n")).toEqual([
      `<script type="module" fetchpriority="low" crossorigin src="/assets/index.js"></script>`,
      `<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/b.js">`,
      `<link rel="preload" as="style" fetchpriority="low" crossorigin href="/assets/a.css" data-app-style>`,
      `<link rel="icon" href="/x.svg">`,
    ]);
    expect(withLowPriorityCode(html)).toBe(html);
  });
});
