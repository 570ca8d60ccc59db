// Fails when src/gen differs from what `buf generate` makes of proto/ now.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const scratch = mkdtempSync(join(tmpdir(), "portal-gen-"));

function files(dir) {
  let out = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    out = statSync(path).isDirectory() ? out.concat(files(path)) : out.concat(path);
  }
  return out;
}

try {
  execFileSync(join(root, "node_modules/.bin/buf"), ["generate", "-o", scratch], { cwd: root, stdio: "inherit", env: { ...process.env, PATH: `${join(root, "node_modules/.bin")}:${process.env.PATH}` } });
  const fresh = join(scratch, "src/gen");
  const committed = join(root, "src/gen");
  const a = new Set(files(fresh).map((f) => relative(fresh, f)));
  const b = new Set(files(committed).map((f) => relative(committed, f)));
  const stale = [];
  for (const f of a) {
    if (!b.has(f)) stale.push(`missing: src/gen/${f}`);
    else if (readFileSync(join(fresh, f), "utf8") !== readFileSync(join(committed, f), "utf8")) stale.push(`differs: src/gen/${f}`);
  }
  for (const f of b) if (!a.has(f)) stale.push(`not generated from proto/: src/gen/${f}`);
  if (stale.length > 0) {
    console.error(`src/gen is stale against proto/ (run \`npm run generate\`):\n  ${stale.join("\n  ")}`);
    process.exit(1);
  }
  console.log(`src/gen matches proto/ (${a.size} files)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
