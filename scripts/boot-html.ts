// The build's part in the boot frame (index.html, issue 13: first paint from
// the HTML alone). It puts the boot script inline at the top of the head, and
// turns the entry's stylesheets from render-blocking links into preloads that
// src/boot/apply-styles.ts applies before React's first render: the frame
// paints as soon as the HTML arrives, and the app still never shows unstyled.
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

export function bootHtml(): Plugin {
  return {
    name: "portal:boot-html",
    transformIndexHtml: {
      // After Vite has added its own links, so the built ones are found.
      order: "post",
      handler(html, ctx) {
        const booted = withBootScript(html);
        // The dev server loads CSS through its modules, with no links to change.
        return ctx.server === undefined ? withPreloadedStyles(booted) : booted;
      },
    },
  };
}
