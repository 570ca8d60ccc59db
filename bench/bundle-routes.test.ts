// The bench's table of first pages follows the router: every page the router
// loads lazily is counted in some first page, and every module the table
// names exists (a renamed page would otherwise go unmeasured).
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIRST_PAGES } from "./bundle-routes.js";

const ROUTER = "src/app/router.tsx";
/** Loaded by the router, but not as a first page's own code: on error, on a path nothing has, or by the exporters route beside its page. */
const NOT_FIRST_PAGES = new Set(["src/app/not-found-page.tsx", "src/features/exporters/prefetch-exporters.ts"]);

function lazyModules(source: string): string[] {
  return [...source.matchAll(/import\("@\/([^"]+)"\)/g)].map((m) => {
    const base = `src/${m[1] ?? ""}`;
    return existsSync(`${base}.tsx`) ? `${base}.tsx` : `${base}.ts`;
  });
}

describe("FIRST_PAGES", () => {
  const named = new Set(FIRST_PAGES.flatMap((p) => p.modules));

  it("names only modules that exist", () => {
    for (const m of named) expect(existsSync(m), m).toBe(true);
  });

  it("counts every page the router loads lazily", () => {
    const routed = lazyModules(readFileSync(ROUTER, "utf8")).filter((m) => !NOT_FIRST_PAGES.has(m));
    expect(routed.length).toBeGreaterThan(10);
    expect(routed.filter((m) => !named.has(m))).toEqual([]);
  });
});
