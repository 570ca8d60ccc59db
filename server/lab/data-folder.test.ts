// The data folder is private (issue 12, item 7): it holds every token, the
// token-signing key, the page-token secret and the CA's key. A real lab,
// started and restarted on a real folder; the modes are read from the disk.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLab, type RunningLab } from "./lab.js";
import { TEST_SCENARIO } from "./testing/lab-harness.js";

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);

/** Every folder and file under `dir` (itself included), with its mode, by path relative to `dir`. */
function modes(dir: string, skip: ReadonlySet<string> = new Set()): Record<string, string> {
  const out: Record<string, string> = { ".": mode(dir) };
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      const name = relative(dir, path);
      if (skip.has(name)) continue;
      out[name] = mode(path);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(dir);
  return out;
}

/** Loosens everything under `dir` as a umask of 022 or a careless copy would: folders 0755, files 0644. */
function loosen(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) loosen(path);
    else chmodSync(path, 0o644);
  }
}

function expectPrivate(found: Record<string, string>): void {
  for (const [path, m] of Object.entries(found)) {
    const isFolder = statSync(path === "." ? root : join(root, path)).isDirectory();
    expect({ path, mode: m }).toEqual({ path, mode: isFolder ? "700" : "600" });
  }
}

let root = "";
let lab: RunningLab | undefined;
const start = async (): Promise<RunningLab> => (lab = await startLab({ port: 0, dataDir: root, scenario: TEST_SCENARIO, warn: () => undefined }));

beforeEach(() => {
  root = join(mkdtempSync(join(tmpdir(), "lab-private-")), "data");
});
afterEach(async () => {
  await lab?.stop();
  lab = undefined;
  rmSync(join(root, ".."), { recursive: true, force: true });
});

describe("the data folder (issue 12, item 7)", () => {
  it("is made private, with every file in it, while the lab runs and after it stops", async () => {
    await start();
    const running = modes(root);
    // What must be there for this test to mean anything: the database with its WAL files, the keys, the configs.
    expect(Object.keys(running)).toEqual(
      expect.arrayContaining(["lab.db", "lab.db-wal", "lab.db-shm", "tls", "tls/ca.pem", "tls/ca-key.pem", "tls/server.pem", "tls/server-key.pem", "clients", "clients/alice.yaml"]),
    );
    expectPrivate(running);
    await lab?.stop();
    expectPrivate(modes(root));
  });

  it("is tightened at start when it already existed with wider modes (0755 folders, 0644 files)", async () => {
    await start();
    await lab?.stop();
    // An unrelated file the operator keeps in the folder is not the lab's to change.
    writeFileSync(join(root, "notes.txt"), "mine\n", { mode: 0o644 });
    loosen(root);
    expect(mode(join(root, "lab.db"))).toBe("644");
    expect(mode(join(root, "tls"))).toBe("755");

    await start();
    const found = modes(root, new Set(["notes.txt"]));
    expect(Object.keys(found)).toEqual(expect.arrayContaining(["lab.db", "lab.db-wal", "tls/ca-key.pem", "clients/alice.yaml"]));
    expectPrivate(found);
    expect(mode(join(root, "notes.txt"))).toBe("644");
  });

  it("tightens a folder made beforehand and the files a crash left behind", async () => {
    mkdirSync(join(root, "clients"), { recursive: true, mode: 0o755 });
    chmodSync(root, 0o755);
    chmodSync(join(root, "clients"), 0o755);
    writeFileSync(join(root, "clients", "alice.yaml.tmp"), "half a file", { mode: 0o644 });
    await start();
    expect(mode(root)).toBe("700");
    expect(mode(join(root, "clients"))).toBe("700");
    expect(mode(join(root, "clients", "alice.yaml"))).toBe("600");
  });
});
