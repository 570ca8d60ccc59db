import { describe, expect, it } from "vitest";
import { routeFiles, type Manifest } from "./bundle-graph.js";

const manifest: Manifest = {
  "index.html": { file: "assets/index.js", isEntry: true, imports: ["_react.js"], css: ["assets/index.css"] },
  "_react.js": { file: "assets/react.js" },
  "src/app/app-shell.tsx": { file: "assets/app-shell.js", imports: ["_react.js", "_pf.js"], css: ["assets/shell.css"] },
  "_pf.js": { file: "assets/pf.js", imports: ["_react.js"], css: ["assets/pf.css"] },
  "src/features/exporters/exporters-page.tsx": { file: "assets/exporters.js", imports: ["_pf.js", "_table.js"] },
  "_table.js": { file: "assets/table.js", css: ["assets/pf.css"] },
  "src/features/auth/sign-in-page.tsx": { file: "assets/sign-in.js", imports: ["_pf.js"] },
};

describe("routeFiles", () => {
  it("takes the entry, the route's modules and their static imports, each once", () => {
    expect(routeFiles(manifest, ["src/app/app-shell.tsx", "src/features/exporters/exporters-page.tsx"])).toEqual({
      js: ["assets/index.js", "assets/react.js", "assets/app-shell.js", "assets/pf.js", "assets/exporters.js", "assets/table.js"],
      css: ["assets/index.css", "assets/shell.css", "assets/pf.css"],
    });
  });

  it("leaves out what only other routes load", () => {
    const { js } = routeFiles(manifest, ["src/features/auth/sign-in-page.tsx"]);
    expect(js).not.toContain("assets/table.js");
    expect(js).not.toContain("assets/app-shell.js");
  });

  it("says which module is missing rather than counting too little", () => {
    expect(() => routeFiles(manifest, ["src/features/gone.tsx"])).toThrow(/src\/features\/gone.tsx is not in the build manifest/);
  });
});
