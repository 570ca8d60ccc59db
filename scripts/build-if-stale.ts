// Builds the SPA when dist/ is missing or was built from other sources.
// A content hash (not mtimes, which a fresh clone resets) decides.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// The build's own plugins (scripts/boot-html.ts, trim-patternfly-css.ts) shape dist/ too.
const inputs = ["src", "index.html", "vite.config.ts", "scripts/boot-html.ts", "scripts/trim-patternfly-css.ts", "scripts/protobuf-binary-only.ts", "scripts/patternfly-icons-default-only.ts", "package-lock.json", "public"];
const stampFile = join(root, "node_modules", ".cache", "portal-build-hash");

function* walk(path: string): Generator<string> {
  if (!existsSync(path)) return;
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) {
      if (entry.endsWith(".test.ts") || entry.endsWith(".test.tsx")) continue;
      yield* walk(join(path, entry));
    }
  } else {
    yield path;
  }
}

export function sourceHash(): string {
  const hash = createHash("sha256");
  for (const input of inputs) {
    for (const file of walk(join(root, input))) {
      hash.update(relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
    }
  }
  return hash.digest("hex");
}

/** Returns true when a build ran. Throws when the build fails. */
export function buildIfStale(log: (line: string) => void = console.log): boolean {
  const wanted = sourceHash();
  const built = existsSync(stampFile) ? readFileSync(stampFile, "utf8").trim() : "";
  if (built === wanted && existsSync(join(root, "dist", "index.html"))) return false;
  log("Building the portal (dist/ is missing or out of date)…");
  const vite = join(root, "node_modules", ".bin", "vite");
  const run = spawnSync(vite, ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status ?? run.signal})`);
  mkdirSync(dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, wanted);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildIfStale();
}
