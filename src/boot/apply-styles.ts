// The app's stylesheets, preloaded by the HTML instead of blocking its first
// paint (scripts/boot-html.ts), are applied here before React's first render,
// so no page ever shows without its styles. Each link is switched in place,
// which keeps the order of the cascade ahead of the stylesheets that lazy
// routes add later. A stylesheet that fails or hangs does not hold the app:
// an unstyled page is better than the loading frame forever.

import { APP_STYLE_ATTRIBUTE } from "@/lib/page-globals";

const SELECTOR = `link[rel="preload"][as="style"][${APP_STYLE_ATTRIBUTE}]`;
/** How long a stylesheet may take before the app renders anyway. */
const STYLE_WAIT_MS = 5_000;

function applied(link: HTMLLinkElement): Promise<void> {
  return new Promise((resolve) => {
    const done = () => resolve();
    link.addEventListener("load", done, { once: true });
    link.addEventListener("error", done, { once: true });
    setTimeout(done, STYLE_WAIT_MS);
    link.rel = "stylesheet";
  });
}

/** Applies every preloaded app stylesheet; resolves once each has loaded or failed. */
export async function applyPreloadedStyles(doc: Document = document): Promise<void> {
  await Promise.all([...doc.querySelectorAll<HTMLLinkElement>(SELECTOR)].map(applied));
}
