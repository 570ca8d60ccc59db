// `npm run bench:bundle`: what each first page downloads before it can paint
// (issue 13: initial JS for any first page <= 170 KB gzip, CSS only for what
// the page uses, fonts that do not block the first paint). Builds the portal
// when dist/ is stale, reads Vite's manifest and, per route, adds up the
// entry's and the route's lazily loaded modules with their static imports
// (bench/bundle-graph.ts), gzipped as the gateway serves them. Prints one
// line per figure with its goal. Not a test: nothing fails on a missed goal.
// BENCH_BUNDLE_CHUNKS=1 also lists each route's chunks, largest first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildIfStale } from "../scripts/build-if-stale.js";
import { figureLine, type Figure } from "./bench-stack.js";
import { blocksFirstPaint, fontFaces, initialLoad, manifestKey, preloadedFonts, type Manifest } from "./bundle-graph.js";
import { FIRST_PAGES } from "./bundle-routes.js";

const DIST = "dist";
const JS_GOAL_KIB = 170;
const KIB = 1024;

const gzipCache = new Map<string, number>();
/** A built file's size gzipped (zlib's default level, as Vite reports it). */
function gzipBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(join(DIST, file))).length;
    gzipCache.set(file, size);
  }
  return size;
}

const sum = (files: readonly string[]): number => files.reduce((total, f) => total + gzipBytes(f), 0);

function main(): void {
  buildIfStale();
  const manifest = JSON.parse(readFileSync(join(DIST, ".vite", "manifest.json"), "utf8")) as Manifest;
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const fonts = preloadedFonts(html);
  const showChunks = process.env["BENCH_BUNDLE_CHUNKS"] === "1";
  const figures: Figure[] = [];
  let worst = 0;
  for (const route of FIRST_PAGES) {
    const keys = ["index.html", ...route.modules.map((m) => manifestKey(manifest, m))];
    const load = initialLoad(manifest, keys);
    const jsKib = sum(load.js) / KIB;
    worst = Math.max(worst, jsKib);
    const blocking = load.css.flatMap((f) => fontFaces(readFileSync(join(DIST, f), "utf8"))).filter(blocksFirstPaint);
    figures.push(
      { name: `${route.path}: initial JS (gzip)`, value: jsKib, unit: "KiB", goal: { limit: JS_GOAL_KIB, atMost: true } },
      { name: `  ${route.path}: CSS (gzip)`, value: sum(load.css) / KIB, unit: "KiB" },
      { name: `  ${route.path}: JS files`, value: load.js.length, unit: "" },
      { name: `  ${route.path}: font faces that hold back text`, value: blocking.length, unit: "", goal: { limit: 0, atMost: true } },
    );
    if (showChunks) {
      for (const f of [...load.js, ...load.css].sort((a, b) => gzipBytes(b) - gzipBytes(a))) console.log(`    ${route.path}  ${(gzipBytes(f) / KIB).toFixed(2).padStart(7)} KiB  ${f}`);
    }
  }
  figures.push(
    { name: "largest initial JS of any first page (gzip)", value: worst, unit: "KiB", goal: { limit: JS_GOAL_KIB, atMost: true } },
    // Preloading a font makes it compete with the page's scripts; the fonts swap in instead.
    { name: "fonts preloaded by index.html", value: fonts.length, unit: "" },
  );
  for (const f of figures) console.log(figureLine(f));
}

main();
