import { describe, expect, it } from "vitest";
import { entryScriptOf, isNewBuild } from "@/features/wall/deployed-build";

const index = (head: string) => `<!doctype html><html><head>${head}</head><body><div id="root"></div></body></html>`;

describe("the deployed build", () => {
  it("is named by the index.html's module entry script", () => {
    expect(entryScriptOf(index('<script type="module" crossorigin src="/assets/index-ICCzoDM0.js"></script><link rel="modulepreload" href="/assets/errors-AG3ZtR8l.js">'))).toBe("/assets/index-ICCzoDM0.js");
  });

  it("skips classic scripts and reads either quote and attribute order", () => {
    expect(entryScriptOf(index("<script src='/config.js'></script><script src='/assets/index-b.js' type='module'></script>"))).toBe("/assets/index-b.js");
  });

  it("is unknown for a page with no module script (an error page, a proxy's notice)", () => {
    expect(entryScriptOf("<html><body>502 Bad Gateway</body></html>")).toBeUndefined();
    expect(entryScriptOf(index('<script type="module">inline()</script>'))).toBeUndefined();
  });

  it("is new only when both names are known and differ", () => {
    expect(isNewBuild("/assets/index-a.js", "/assets/index-b.js")).toBe(true);
    expect(isNewBuild("/assets/index-a.js", "/assets/index-a.js")).toBe(false);
    expect(isNewBuild(undefined, "/assets/index-b.js")).toBe(false);
    expect(isNewBuild("/assets/index-a.js", undefined)).toBe(false);
  });
});
