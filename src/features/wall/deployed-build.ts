// Which build of the portal a page runs, told by its entry script: Vite names
// it by content hash (/assets/index-<hash>.js), so a new deploy has a new name.
// A wall left on for days compares the one it was loaded with to the one the
// server's index.html names now.

/** The entry script's address in an index.html, or undefined when it names none. */
export function entryScriptOf(html: string): string | undefined {
  for (const tag of html.match(/<script\b[^>]*>/gi) ?? []) {
    if (!/\btype\s*=\s*["']?module\b/i.test(tag)) continue;
    const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (src !== undefined) return src;
  }
  return undefined;
}

/**
 * True when the server now names another entry script than the page runs.
 * Unknown on either side (a dev server, an error page) never reloads: a wall
 * must not reload in a loop on a page it cannot read.
 */
export function isNewBuild(loaded: string | undefined, deployed: string | undefined): boolean {
  return loaded !== undefined && deployed !== undefined && loaded !== deployed;
}
