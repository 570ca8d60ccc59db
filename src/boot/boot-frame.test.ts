// index.html's boot frame and the React one drawn while a route loads must be
// the same markup, or the page would jump between the two (issue 13).
import { readFileSync } from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BootFrame } from "@/boot/boot-frame";

/** The markup inside index.html's #root, with the whitespace between tags left out. */
function htmlBootFrame(): string {
  const html = readFileSync(new URL("../../index.html", import.meta.url), "utf8");
  const m = /<div id="root">([\s\S]*?)<\/div>\s*<script/.exec(html);
  if (m?.[1] === undefined) throw new Error("index.html has no #root with a boot frame");
  return m[1].replace(/>\s+</g, "><").trim();
}

describe("boot frame", () => {
  it("is drawn by React exactly as index.html draws it", () => {
    expect(renderToStaticMarkup(createElement(BootFrame))).toBe(htmlBootFrame());
  });

  it("tells the visitor the portal is loading", () => {
    expect(htmlBootFrame()).toContain('role="status">Loading the portal…</p>');
  });
});
