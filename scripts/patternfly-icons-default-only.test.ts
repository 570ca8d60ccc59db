import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createIcon } from "@patternfly/react-icons/dist/esm/createIcon.js";
import { withoutRhUiDrawing } from "./patternfly-icons-default-only.js";

const require = createRequire(import.meta.url);
const iconsDir = join(dirname(require.resolve("@patternfly/react-icons/dist/esm/icons/question-circle-icon.js")));
const iconFile = (name: string): string => join(iconsDir, name);
const read = (name: string): string => readFileSync(iconFile(name), "utf8");

describe("withoutRhUiDrawing", () => {
  it("drops the Red Hat UI drawing of an icon that has two, keeping the default one", () => {
    const code = read("question-circle-icon.js");
    const out = withoutRhUiDrawing(code, iconFile("question-circle-icon.js"));
    expect(out).not.toBeNull();
    expect(out).toContain("rhUiIcon: null,");
    expect(out).toContain('"width":512,"height":512');
    expect(out).not.toContain('"width":32,"height":32');
    expect(out!.length).toBeLessThan(code.length);
  });

  it("leaves alone an rh-ui-* icon, whose only drawing is its icon, and modules that are not icons", () => {
    expect(withoutRhUiDrawing(read("rh-ui-check-circle-fill-icon.js"), iconFile("rh-ui-check-circle-fill-icon.js"))).toBeNull();
    expect(withoutRhUiDrawing("const x = {\n  rhUiIcon: {\"a\":1},\n};", "/work/src/components/icon.js")).toBeNull();
  });

  it("matches every icon PatternFly ships with a second drawing: none is left with one", () => {
    let dropped = 0;
    for (const name of readdirSync(iconsDir).filter((f) => f.endsWith(".js"))) {
      const code = read(name);
      const out = withoutRhUiDrawing(code, iconFile(name)) ?? code;
      expect(out, name).not.toMatch(/rhUiIcon:\s*\{/);
      if (out !== code) dropped += 1;
    }
    // PatternFly 6.6 has 211 such icons: a format change that matched none would show here.
    expect(dropped).toBeGreaterThan(100);
  });

  it("draws the default icon as one <svg> when the second drawing is gone, as it drew it before (the portal never sets the rh-ui icon set)", () => {
    // createIcon hands its config to the createIconBase every PatternFly icon module calls.
    const icon = { xOffset: 0, yOffset: 0, width: 512, height: 512, svgPath: "M1 1h2" };
    const rhUiIcon = { xOffset: 0, yOffset: 0, width: 32, height: 32, svgPathData: "M9 9h1" };
    const both = renderToStaticMarkup(createElement(createIcon({ name: "Both", ...icon, rhUiIcon })));
    const one = renderToStaticMarkup(createElement(createIcon({ name: "One", ...icon, rhUiIcon: null })));
    // Before: the default drawing nested in a <svg class="pf-v6-icon-default">, the other hidden by CSS.
    expect(both).toContain('class="pf-v6-icon-default"');
    expect(both).toContain('d="M9 9h1"');
    expect(one.match(/<svg/g)).toHaveLength(1);
    expect(one).toContain('viewBox="0 0 512 512"');
    expect(one).toContain('d="M1 1h2"');
    expect(one).not.toContain("M9 9h1");
    expect(one).toContain('aria-hidden="true"');
  });
});
