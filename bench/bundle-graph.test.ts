import { describe, expect, it } from "vitest";
import { blocksFirstPaint, fontFaces, initialLoad, manifestKey, preloadedFonts, type Manifest } from "./bundle-graph.js";

const manifest: Manifest = {
  "index.html": { file: "assets/index.js", isEntry: true, imports: ["_react.js"], dynamicImports: ["src/page.tsx", "src/other.tsx"], css: ["assets/index.css"] },
  "_react.js": { file: "assets/react.js" },
  "_shared.js": { file: "assets/shared.js", imports: ["_react.js"], css: ["assets/shared.css"] },
  "src/page.tsx": { file: "assets/page.js", isDynamicEntry: true, imports: ["_shared.js", "index.html"], dynamicImports: ["src/modal.tsx"], css: ["assets/page.css"] },
  "src/other.tsx": { file: "assets/other.js", isDynamicEntry: true, imports: ["_shared.js"] },
  "src/modal.tsx": { file: "assets/modal.js", isDynamicEntry: true, imports: ["_heavy.js"] },
  "_heavy.js": { file: "assets/heavy.js" },
  "_source-AbC1.js": { file: "assets/source-AbC1.js", name: "source" },
  "../node_modules/lib/dist/lib.js": { file: "assets/lib.js", isDynamicEntry: true },
};

describe("initialLoad", () => {
  it("follows static imports transitively, each file once, and not dynamic imports", () => {
    const load = initialLoad(manifest, ["index.html", "src/page.tsx"]);
    expect(load.js).toEqual(["assets/index.js", "assets/react.js", "assets/page.js", "assets/shared.js"]);
    expect(load.css).toEqual(["assets/index.css", "assets/page.css", "assets/shared.css"]);
  });

  it("loads only the entry's own static imports for the entry alone", () => {
    expect(initialLoad(manifest, ["index.html"]).js).toEqual(["assets/index.js", "assets/react.js"]);
  });

  it("fails on a module the build does not have", () => {
    expect(() => initialLoad(manifest, ["src/gone.tsx"])).toThrow(/no "src\/gone.tsx"/);
  });
});

describe("manifestKey", () => {
  it("finds a key as given or by its path's end", () => {
    expect(manifestKey(manifest, "src/page.tsx")).toBe("src/page.tsx");
    expect(manifestKey(manifest, "node_modules/lib/dist/lib.js")).toBe("../node_modules/lib/dist/lib.js");
    expect(() => manifestKey(manifest, "src/none.tsx")).toThrow(/no "src\/none.tsx"/);
  });

  it("finds a module built into a shared chunk by the chunk's name", () => {
    expect(manifestKey(manifest, "src/features/wall/source.tsx")).toBe("_source-AbC1.js");
  });
});

describe("fonts", () => {
  it("lists only the fonts the HTML preloads", () => {
    const html = '<link rel="preload" as="style" href="/a.css"><link rel="preload" as="font" type="font/woff2" href="/f.woff2" crossorigin><link rel="stylesheet" href="/b.css">';
    expect(preloadedFonts(html)).toEqual(["/f.woff2"]);
  });

  it("reads each @font-face's family and display, auto when unset", () => {
    const css = '@font-face{font-family:"Red Hat Text";src:url(a.woff2);font-display:swap}.x{color:red}@font-face{font-family:Mono;src:url(b.woff2)}@font-face{font-family:D;font-display:fallback}';
    const faces = fontFaces(css);
    expect(faces).toEqual([
      { family: "Red Hat Text", display: "swap" },
      { family: "Mono", display: "auto" },
      { family: "D", display: "fallback" },
    ]);
    expect(faces.map(blocksFirstPaint)).toEqual([false, true, true]);
  });
});
