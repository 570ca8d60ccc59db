// `npm run lab` as a person meets it: --help, flag mistakes, and the shipped demo lab.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { USAGE } from "./cli-args.js";
import { startLab } from "./lab.js";
import { grpcClient, until } from "./testing/lab-harness.js";

const repo = join(import.meta.dirname, "..", "..");

/** Runs main.ts in one Node process (tsx as a loader, so a kill reaches the lab itself). */
async function runMain(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "server/lab/main.ts", ...args], { cwd: repo });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    return { code, stdout, stderr };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
}

describe.concurrent("the lab command", () => {
  it("prints its usage for --help and exits 0", async () => {
    const { code, stdout, stderr } = await runMain(["--help"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(USAGE);
    expect(stderr).toBe("");
  });

  it.each([
    [["--bogus"], "lab: Unknown option '--bogus' (see --help)"],
    [["--listen", "8082"], 'lab: --listen "8082" is not HOST:PORT (e.g. 127.0.0.1:8082, or port 0 for a free one) (see --help)'],
    [["stray"], "lab: Unexpected argument 'stray'"],
  ])("refuses %j with exit code 2 and one line", async (args, message) => {
    const { code, stdout, stderr } = await runMain(args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trim().split("\n")).toEqual([expect.stringContaining(message)]);
  });
});

describe("the demo scenario", () => {
  it("starts a busy lab: every exporter listed, the CI client holding boards", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lab-demo-"));
    const lab = await startLab({ port: 0, dataDir, scenario: join(repo, "scenarios", "demo.yaml"), seed: 1 });
    try {
      const ci = grpcClient(lab.url, lab.clients.find((c) => c.name === "ci-bot")?.token);
      const { exporters } = await ci.listExporters({ parent: `namespaces/${lab.namespace}` });
      expect(exporters.length).toBeGreaterThanOrEqual(35);
      const { leases } = await ci.listLeases({ parent: `namespaces/${lab.namespace}` });
      expect(leases.length).toBeGreaterThan(0);
      expect(leases.every((l) => l.client === `namespaces/${lab.namespace}/clients/ci-bot`)).toBe(true);
      // Assigned right away (whatever its hooks do to it later, the lease keeps its exporter).
      const first = leases[0]?.name ?? "";
      const held = await until("a CI lease to get a board", async () => (await ci.getLease({ name: first })).exporter);
      expect(held).toMatch(/^namespaces\/lab\/exporters\//);
    } finally {
      await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
