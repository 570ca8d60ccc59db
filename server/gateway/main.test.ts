// The CLI contract other scripts rely on: the "listening on" line, exit code
// 2 with one line for bad flags, a clean exit on SIGTERM.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { STATIC_FILES_READY } from "./static-files.js";
import { closedPort } from "./test-helpers.js";

const mainPath = fileURLToPath(new URL("./main.ts", import.meta.url));

function gatewayProcess(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", mainPath, ...args], {
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (s: string) => (stdout += s));
  child.stderr.setEncoding("utf8").on("data", (s: string) => (stderr += s));
  const exited = once(child, "exit").then(([code]) => code as number | null);
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe("gateway CLI", () => {
  it("exits 2 with one clear line for a bad flag", async () => {
    const p = gatewayProcess(["--controller", "http://127.0.0.1:1", "--listen", "nowhere"]);
    expect(await p.exited).toBe(2);
    expect(p.err().trim().split("\n")).toEqual([expect.stringMatching(/^portal gateway: --listen must be HOST:PORT/)]);
  });

  it("exits 2 when no controller is named", async () => {
    const p = gatewayProcess([]);
    expect(await p.exited).toBe(2);
    expect(p.err()).toMatch(/--controller \(or PORTAL_CONTROLLER\) is required/);
  });

  it("prints where it listens, serves, and stops cleanly on SIGTERM", async () => {
    const p = gatewayProcess(["--listen", "127.0.0.1:0"], { PORTAL_CONTROLLER: `http://127.0.0.1:${await closedPort()}` });
    const listening = (): string | undefined => /^Portal gateway listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(p.out())?.[1];
    let url: string | undefined;
    while ((url = listening()) === undefined) {
      const exitedEarly = await Promise.race([once(p.child.stdout, "data").then(() => false), p.exited.then(() => true)]);
      if (exitedEarly) throw new Error(`gateway exited: ${p.err()}`);
    }
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    p.child.kill("SIGTERM");
    expect(await p.exited).toBe(0);
  });

  it("says once the files it serves are compressed, and serves them compressed (issue 13)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-main-static-"));
    try {
      writeFileSync(join(dir, "index.html"), "<!doctype html><title>portal</title>");
      writeFileSync(join(dir, "app.js"), `console.log(${JSON.stringify("x".repeat(4096))});`);
      const p = gatewayProcess(["--listen", "127.0.0.1:0", "--static-dir", dir], { PORTAL_CONTROLLER: `http://127.0.0.1:${await closedPort()}` });
      const ready = new RegExp(`^${STATIC_FILES_READY} \\(\\d+ ms\\)$`, "m");
      while (!ready.test(p.out())) {
        const exitedEarly = await Promise.race([once(p.child.stdout, "data").then(() => false), p.exited.then(() => true)]);
        if (exitedEarly) throw new Error(`gateway exited: ${p.err()}`);
      }
      const url = /^Portal gateway listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(p.out())?.[1];
      const res = await fetch(`${url}/app.js`, { headers: { "accept-encoding": "br" } });
      expect(res.headers.get("content-encoding")).toBe("br");
      p.child.kill("SIGTERM");
      expect(await p.exited).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
