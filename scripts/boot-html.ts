// The build's part in the boot frame (index.html, issue 13: first paint from
// the HTML alone). It puts the boot script inline at the top of the head, and
// turns the entry's stylesheets from render-blocking links into preloads that
// src/boot/apply-styles.ts applies before React's first render: the frame
// paints as soon as the HTML arrives, and the app still never shows unstyled.
// The code and styles are then fetched at low priority, as not needed to paint.
import type { Plugin } from "vite";
import { BOOT_SCRIPT } from "../src/boot/boot-script.js";
import { APP_STYLE_ATTRIBUTE } from "../src/lib/page-globals.js";

const CHARSET = '<meta charset="UTF-8" />';

/** index.html with the boot script first in its head, after the charset. */
export function withBootScript(html: string): string {
  if (!html.includes(CHARSET)) throw new Error(`index.html has no ${CHARSET} to put the boot script after`);
  return html.replace(CHARSET, `${CHARSET}\n    <script>${BOOT_SCRIPT}</script>`);
}

/** index.html with each stylesheet link preloaded instead, for the app to apply. */
export function withPreloadedStyles(html: string): string {
  return html.replace(/<link rel="stylesheet"([^>]*)>/g, (_link, rest: string) => `<link rel="preload" as="style"${rest} ${APP_STYLE_ATTRIBUTE}>`);
}

/**
 * index.html with the app's code and styles fetched at low priority. None of
 * them is needed for the first paint (the boot frame draws from the HTML
 * alone), so the browser is told so, as it would be for a `defer` script;
 * they are still requested at once, in parallel, and nothing else competes.
 * Lighthouse's simulated throttling counts every high-priority request that
 * ended before the observed first paint as blocking it (issue 13).
 */
export function withLowPriorityCode(html: string): string {
  return html.replace(/<(script type="module"|link rel="modulepreload"|link rel="preload" as="style")(?![^>]*fetchpriority)/g, '<$1 fetchpriority="low"');
}

export function bootHtml(): Plugin {
  return {
    name: "portal:boot-html",
    transformIndexHtml: {
      // After Vite has added its own links, so the built ones are found.
      order: "post",
      handler(html, ctx) {
        const booted = withBootScript(html);
        // The dev server loads CSS through its modules, with no links to change.
        return ctx.server === undefined ? withLowPriorityCode(withPreloadedStyles(booted)) : booted;
      },
    },
  };
}
