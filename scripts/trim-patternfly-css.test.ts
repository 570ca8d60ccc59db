import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { splitSelectorList, trimPatternflyCss } from "./trim-patternfly-css.js";

describe("trimPatternflyCss", () => {
  it("drops the rules of theme variants the portal never sets, keeping the others of the same list", () => {
    const css = `/* a { } comment */
:root:where(.pf-v6-theme-glass) { --x: 1; }
.a, :root:where(.pf-v6-theme-felt) .b, :where(.c, .d) { color: red; }
@media (min-width: 10px) { :root:where(.pf-v6-theme-high-contrast) { --y: 2; } }
@media print { .e { color: blue; } }`;
    const out = trimPatternflyCss(css).replace(/\s+/g, " ");
    expect(out).not.toContain("theme-glass");
    expect(out).not.toContain("theme-felt");
    expect(out).not.toContain("high-contrast");
    expect(out).not.toContain("min-width: 10px");
    expect(out).toContain(".a, :where(.c, .d) { color: red; }");
    expect(out).toContain("@media print { .e { color: blue; } }");
  });

  it("drops the pficon font and its classes, and lets the text fonts swap in", () => {
    const css = `@font-face { font-family: "Red Hat Text"; font-display: fallback; }
@font-face { font-family: "pf-v6-pficon"; src: url(x.woff2); }
.pf-v6-pficon-user:before { content: "a"; }`;
    const out = trimPatternflyCss(css);
    expect(out).toContain('font-family: "Red Hat Text"; font-display: swap;');
    expect(out).not.toContain("pficon");
  });

  it("keeps the light and dark themes and base rules of PatternFly's real base.css, about half its size", () => {
    const require = createRequire(import.meta.url);
    const base = readFileSync(require.resolve("@patternfly/react-core/dist/styles/base.css"), "utf8");
    const out = trimPatternflyCss(base);
    expect(out).toContain(":root:where(.pf-v6-theme-dark)");
    expect(out).toContain("--pf-t--global--background--color--primary--default");
    expect(out).toContain('font-family: "Red Hat Display"');
    expect(out).not.toMatch(/pf-v6-theme-(felt|glass|high-contrast)|pficon|font-display: fallback/);
    expect(out.length).toBeLessThan(base.length * 0.6);
  });
});

describe("splitSelectorList", () => {
  it("splits at top-level commas only", () => {
    expect(splitSelectorList(".a, :where(.b, .c) > .d,[x='1,2']")).toEqual([".a", ":where(.b, .c) > .d", "[x='1,2']"]);
  });
});
