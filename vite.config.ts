import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";
import { bootHtml } from "./scripts/boot-html.js";
import { patternflyIconsDefaultOnly } from "./scripts/patternfly-icons-default-only.js";
import { protobufBinaryOnly } from "./scripts/protobuf-binary-only.js";
import { trimPatternflyCss } from "./scripts/trim-patternfly-css.js";

// The gateway that `npm run dev` forwards gRPC-Web calls to (the SPA always
// calls its own origin, so the dev server proxies the service path).
const gateway = process.env["PORTAL_GATEWAY"] ?? "http://127.0.0.1:8080";

/**
 * PatternFly's alert group spaces its items with `.pf-v6-c-alert-group > * + *`.
 * A selector ending in `*` is tried against every element on the page, which
 * makes the browser restyle all following siblings whenever an element is
 * inserted anywhere: scrolling the virtualised exporter table paid ~15 ms per
 * new row. Ending it in the item class keeps the same spacing for the alert
 * group's items and spares every other element.
 */
function patternflyAdjacentSelectorFix(): Plugin {
  const from = ".pf-v6-c-alert-group > * + *";
  const to = ".pf-v6-c-alert-group > * + .pf-v6-c-alert-group__item";
  return {
    name: "portal:patternfly-adjacent-selector-fix",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/Alert/alert-group.css")) return null;
      if (!code.includes(from)) this.warn(`PatternFly's alert-group.css changed: "${from}" not found; remove this plugin if it is gone`);
      return { code: code.replaceAll(from, to), map: null };
    },
  };
}

/** PatternFly's CSS without the themes and icon font the portal never uses, its fonts swapping in (scripts/trim-patternfly-css.ts). */
function patternflyCssTrim(): Plugin {
  return {
    name: "portal:patternfly-css-trim",
    enforce: "pre",
    transform(code, id) {
      if (!id.includes("/@patternfly/") || !/\.css($|\?)/.test(id)) return null;
      return { code: trimPatternflyCss(code), map: null };
    },
  };
}

export default defineConfig(({ command }) => ({
  plugins: [
    react(),
    patternflyAdjacentSelectorFix(),
    patternflyCssTrim(),
    patternflyIconsDefaultOnly(),
    protobufBinaryOnly(fileURLToPath(new URL("./src/lib/protobuf-json-unsupported.ts", import.meta.url))),
    bootHtml(),
  ],
  resolve: {
    alias: [
      { find: "@", replacement: fileURLToPath(new URL("./src", import.meta.url)) },
      // react-router's package exports only its development build (the same
      // code with its dev-only warnings switched on); the portal ships its
      // production build. Dev and tests keep the warnings.
      ...(command === "build" ? [{ find: /^react-router$/, replacement: fileURLToPath(new URL("./node_modules/react-router/dist/production/index.mjs", import.meta.url)) }] : []),
    ],
  },
  build: {
    // dist/.vite/manifest.json: what each page loads, for `npm run bench:bundle`.
    manifest: true,
    outDir: "dist",
    emptyOutDir: true,
    // Hashed files under dist/assets/ (Vite's default), cached forever by the gateway.
    assetsDir: "assets",
    // Never inline assets as data: URLs in scripts; the gateway's CSP stays strict.
    assetsInlineLimit: 0,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page runs (React, the router, the query cache, the
          // protobuf runtime and Connect) in one chunk rather than a dozen
          // small shared ones: fewer requests, and it compresses better.
          groups: [
            {
              name: "runtime",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|@bufbuild[\\/]protobuf|@connectrpc)[\\/]/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/jumpstarter.client.v1.ClientService": { target: gateway, changeOrigin: true },
      // The sign-in providers the gateway offers (issue 11).
      "/portal-config.json": { target: gateway, changeOrigin: true },
    },
  },
}));
