// `npm run bench:bundle`: the initial JS and CSS of a first visit to each
// route, gzip-compressed (level 9), from the build as it ships (issue 13:
// initial JS for any first page <= 170 KB gzip). Builds first when dist/ is
// stale. Prints one line per figure with its goal; nothing fails on a miss.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { buildIfStale } from "../scripts/build-if-stale.js";
import { figureLine } from "./bench-stack.js";
import { routeFiles, type Manifest } from "./bundle-graph.js";

const JS_GOAL_KIB = 170;
const SHELL = "src/app/app-shell.tsx";

/** What the router loads for each route's first visit (src/app/router.tsx). */
const ROUTES: readonly { readonly path: string; readonly modules: readonly string[] }[] = [
  { path: "/sign-in", modules: ["src/features/auth/sign-in-page.tsx"] },
  { path: "/sign-in/oidc", modules: ["src/features/auth/oidc/oidc-callback-page.tsx"] },
  { path: "/wall", modules: ["src/features/wall/index.ts"] },
  { path: "/exporters", modules: [SHELL, "src/features/exporters/exporters-page.tsx"] },
  { path: "/exporters/:name", modules: [SHELL, "src/features/exporters/exporter-detail-page.tsx"] },
  { path: "/leases", modules: [SHELL, "src/features/leases/leases-page.tsx"] },
  { path: "/leases/new", modules: [SHELL, "src/features/booking/create-lease-page.tsx"] },
  { path: "/leases/:name", modules: [SHELL, "src/features/leases/lease-detail-page.tsx"] },
  { path: "/timeline", modules: [SHELL, "src/features/booking/timeline/timeline-page.tsx"] },
];

const dist = "dist";
const gzipped = new Map<string, number>();
function gzipKiB(files: readonly string[]): number {
  let bytes = 0;
  for (const f of files) {
    let size = gzipped.get(f);
    if (size === undefined) {
      size = gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
      gzipped.set(f, size);
    }
    bytes += size;
  }
  return bytes / 1024;
}

buildIfStale();
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Manifest;
console.log("Initial JS and CSS of a first visit to each route (gzip -9, from dist/.vite/manifest.json)");
let worst = 0;
for (const route of ROUTES) {
  const { js, css } = routeFiles(manifest, route.modules);
  const jsKiB = gzipKiB(js);
  worst = Math.max(worst, jsKiB);
  console.log(figureLine({ name: `${route.path}: initial JS (${js.length} files)`, value: jsKiB, unit: "KiB", goal: { limit: JS_GOAL_KIB, atMost: true } }));
  console.log(figureLine({ name: `${route.path}: CSS (${css.length} files)`, value: gzipKiB(css), unit: "KiB" }));
}
console.log(figureLine({ name: "largest initial JS of any route", value: worst, unit: "KiB", goal: { limit: JS_GOAL_KIB, atMost: true } }));
