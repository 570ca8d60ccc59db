// What the lab acknowledged survives a clean restart and a kill -9.
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { afterEach, describe, expect, it } from "vitest";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { startLab } from "./lab.js";
import { Code, condition, grpcClient, rpcError, TEST_SCENARIO, untilCondition } from "./testing/lab-harness.js";

const parent = "namespaces/lab";
const hour = { seconds: 3600n };
const repo = join(import.meta.dirname, "..", "..");
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "lab-persist-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

interface LabProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  readonly exited: Promise<number | null>;
}

/**
 * Runs `main.ts` in one Node process (tsx as a loader: the tsx CLI would run the
 * lab in a grandchild that a SIGKILL of the CLI leaves alive) and waits for its
 * listening line.
 */
function spawnMain(args: string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ["--import", "tsx", "server/lab/main.ts", ...args], { cwd: repo });
}

async function spawnLab(dataDir: string): Promise<LabProcess> {
  const child = spawnMain(["--listen", "127.0.0.1:0", "--data", dataDir, "--scenario", TEST_SCENARIO, "--quiet"]);
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await exited;
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      const match = /^Lab simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`lab exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url, exited };
}

describe("persistence", () => {
  it("restores leases, exporters and rotated tokens after stop and start", async () => {
    const dataDir = tempDir();
    let lab = await startLab({ port: 0, dataDir, scenario: TEST_SCENARIO });
    cleanups.push(() => lab.stop());
    let alice = grpcClient(lab.url, "alice-token");
    const ready = await alice.createLease({ parent, leaseId: "held", lease: { exporterName: "rpi5-01", duration: hour, tags: { team: "qa" } } });
    await untilCondition(alice, ready.name, "Ready", "True");
    const pending = await alice.createLease({ parent, leaseId: "waiting", lease: { exporterName: "rpi5-01", duration: hour } });
    await untilCondition(alice, pending.name, "Pending", "True", "NotAvailable");
    const later = await alice.createLease({ parent, leaseId: "later", lease: { selector: "board=qemu-x86", beginTime: timestampFromMs(Date.now() + 3_600_000), duration: hour } });
    const bob = grpcClient(lab.url, "bob-token");
    const { token } = await bob.rotateToken({ parent });
    const before = await alice.listLeases({ parent, onlyActive: false });
    await lab.stop();

    lab = await startLab({ port: 0, dataDir, scenario: TEST_SCENARIO });
    alice = grpcClient(lab.url, "alice-token");
    const after = await alice.listLeases({ parent, onlyActive: false });
    expect(after.leases.map((l) => [l.name, l.exporter, l.conditions.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])])).toEqual(
      before.leases.map((l) => [l.name, l.exporter, l.conditions.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime])]),
    );
    expect((await alice.getLease({ name: later.name })).conditions).toEqual([]);
    expect((await alice.getLease({ name: ready.name })).tags).toEqual({ team: "qa" });
    expect((await alice.getExporter({ name: "namespaces/lab/exporters/rpi5-01" })).status).toBe(ExporterStatus.LEASE_READY);
    expect((await rpcError(grpcClient(lab.url, "bob-token").listLeases({ parent }))).code).toBe(Code.Unauthenticated);
    expect((await grpcClient(lab.url, token).listLeases({ parent })).leases.length).toBe(3);
    const bobEntry = lab.clients.find((c) => c.name === "bob");
    expect(bobEntry?.token).toBe(token);
    expect(readFileSync(bobEntry?.configPath ?? "", "utf8")).toContain(token);

    // The queue still moves after the restart.
    await alice.deleteLease({ name: ready.name });
    await untilCondition(alice, pending.name, "Ready", "True");
  });

  it("loses nothing acknowledged when killed with SIGKILL", async () => {
    const dataDir = tempDir();
    const first = await spawnLab(dataDir);
    let alice = grpcClient(first.url, "alice-token");
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const lease = await alice.createLease({ parent, leaseId: `kill-${i}`, lease: { selector: "arch=arm64", duration: hour } });
      created.push(lease.name);
    }
    await untilCondition(alice, "namespaces/lab/leases/kill-0", "Ready", "True");
    await alice.deleteLease({ name: "namespaces/lab/leases/kill-0" });
    // The very last write before the kill: a release acknowledged just now.
    first.child.kill("SIGKILL");
    await first.exited;
    const gone = await rpcError(alice.listLeases({ parent }));
    expect(gone.code).toBe(Code.Unavailable);

    const second = await spawnLab(dataDir);
    alice = grpcClient(second.url, "alice-token");
    const all = await alice.listLeases({ parent, onlyActive: false });
    expect(all.leases.map((l) => l.name)).toEqual(created);
    const released = await alice.getLease({ name: "namespaces/lab/leases/kill-0" });
    expect(condition(released, "Ready")).toMatchObject({ status: "False", reason: "Released" });
    for (const name of created.slice(1)) await untilCondition(alice, name, "Ready", "True");

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  it("exits with 2 and one line on a bad scenario", async () => {
    const child = spawnMain(["--scenario", "no/such/file.yaml", "--listen", "127.0.0.1:0"]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([expect.stringContaining("cannot read no/such/file.yaml")]);
  });
});
