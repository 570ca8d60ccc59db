// What the lab acknowledged survives a clean restart and a kill -9; tokens
// are signed with a key kept in the data folder, so they survive restarts
// too, and a client removed and added again is a new Client object with a new
// UID, which invalidates its old tokens ([A2], [A14]).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { decodeJwt } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { startLab, type RunningLab, type Scenario } from "./lab.js";
import { clientAs, condition, grpcClient, refusal, TEST_SCENARIO, untilCondition, type LabClient } from "./testing/lab-harness.js";

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

/** Starts a lab in this process; the test's cleanup stops it if the test does not. */
async function start(dataDir: string, scenario: string | Scenario = TEST_SCENARIO): Promise<RunningLab> {
  const lab = await startLab({ port: 0, dataDir, scenario, warn: () => undefined });
  cleanups.push(() => lab.stop());
  return lab;
}

/** A client sending `token` with the headers of the lab's client `name` [H1]. */
const withToken = (lab: Pick<RunningLab, "url" | "caPem">, name: string, token: string): LabClient => grpcClient(lab, { token, namespace: "lab", kind: "Client", name });

const tokensOf = (lab: RunningLab): Record<string, string> => Object.fromEntries(lab.clients.map((c) => [c.name, c.token]));

/** The token in the jmp client config the lab wrote for `name`. */
function configToken(dataDir: string, name: string): string {
  const config = parseYaml(readFileSync(join(dataDir, "clients", `${name}.yaml`), "utf8")) as { token?: unknown };
  if (typeof config.token !== "string") throw new Error(`no token in ${name}.yaml`);
  return config.token;
}

interface LabProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly url: string;
  /** The lab's CA, read from its data folder as a jmp user would take it. */
  readonly caPem: string;
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
      const match = /^Lab simulator listening on (https?:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then((code) => reject(new Error(`lab exited with ${code} before listening: ${stderr}`)));
  });
  return { child, url, caPem: readFileSync(join(dataDir, "tls", "ca.pem"), "utf8"), exited };
}

describe("a clean restart", () => {
  it("keeps leases, their conditions and queue, exporter state, and every token (rotated ones too) [K4]", async () => {
    const dataDir = tempDir();
    let lab = await start(dataDir);
    const minted = tokensOf(lab);
    let alice = clientAs(lab, "alice");
    const ready = await alice.createLease({ parent, leaseId: "held", lease: { exporterName: "rpi5-01", duration: hour, tags: { team: "qa" } } });
    await untilCondition(alice, ready.name, "Ready", "True");
    const pending = await alice.createLease({ parent, leaseId: "waiting", lease: { exporterName: "rpi5-01", duration: hour } });
    await untilCondition(alice, pending.name, "Pending", "True", "NotAvailable");
    const later = await alice.createLease({ parent, leaseId: "later", lease: { selector: "board=qemu-x86", beginTime: timestampFromMs(Date.now() + 3_600_000), duration: hour } });
    const { token: rotated } = await clientAs(lab, "bob").rotateToken({ parent });
    const before = await alice.listLeases({ parent, onlyActive: false });
    await lab.stop();

    lab = await start(dataDir);
    alice = clientAs(lab, "alice");
    const after = await alice.listLeases({ parent, onlyActive: false });
    const summary = (leases: typeof before.leases) =>
      leases.map((l) => [l.name, l.exporter, l.effectiveBeginTime, l.conditions.map((c) => [c.type, c.status, c.reason, c.lastTransitionTime, c.observedGeneration])]);
    expect(summary(after.leases)).toEqual(summary(before.leases));
    expect((await alice.getLease({ name: later.name })).conditions).toEqual([]);
    expect((await alice.getLease({ name: ready.name })).tags).toEqual({ team: "qa" });
    expect((await alice.getExporter({ name: "namespaces/lab/exporters/rpi5-01" })).status).toBe(ExporterStatus.LEASE_READY);

    // Tokens are not minted again: the same ones, and bob's rotated one is his credential.
    expect(tokensOf(lab)).toEqual({ ...minted, bob: rotated });
    expect(configToken(dataDir, "bob")).toBe(rotated);
    // Every token issued before the restart still works, bob's first one included [K4].
    for (const [name, token] of Object.entries(minted)) {
      expect((await withToken(lab, name, token).listLeases({ parent })).leases.map((l) => l.name), name).toEqual([ready.name, later.name, pending.name]);
    }
    expect((await withToken(lab, "bob", rotated).listLeases({ parent })).leases).toHaveLength(3);

    // The queue still moves after the restart.
    await alice.deleteLease({ name: ready.name });
    await untilCondition(alice, pending.name, "Ready", "True");
  });

  it("keeps each client's token valid: it is signed with a key kept in the data folder [A2]", async () => {
    const dataDir = tempDir();
    let lab = await start(dataDir);
    const minted = tokensOf(lab);
    expect(Object.keys(minted).sort()).toEqual(["alice", "bob", "carol"]);
    await lab.stop();
    lab = await start(dataDir);
    for (const [name, token] of Object.entries(minted)) {
      expect(configToken(dataDir, name)).toBe(token);
      expect((await withToken(lab, name, token).listExporters({ parent, pageSize: 1 })).exporters, name).toHaveLength(1);
    }
    // Another data folder is another controller, with another key: the token's signature does not verify there [A10].
    const other = await start(tempDir());
    expect(await refusal(withToken(other, "alice", minted.alice ?? "").listExporters({ parent }))).toEqual({
      code: "Unknown",
      message: "oidc: verify token: failed to verify signature: failed to verify id token signature",
    });
  });

  it("a client removed from the scenario and added again is a new Client with a new UID: its old token is refused [A2], [A13], [A14]", async () => {
    const dataDir = tempDir();
    const scenario = (clients: string[]): Scenario => ({
      namespace: "lab",
      clients: clients.map((name) => ({ name })),
      exporters: [{ name: "rpi5-01", labels: { board: "rpi5" } }],
    });
    let lab = await start(dataDir, scenario(["alice", "bob"]));
    const first = tokensOf(lab);
    const bobBefore = first.bob ?? "";
    expect((await withToken(lab, "bob", bobBefore).listExporters({ parent })).exporters).toHaveLength(1);
    await lab.stop();

    lab = await start(dataDir, scenario(["alice"]));
    expect(lab.clients.map((c) => c.name)).toEqual(["alice"]);
    expect(await refusal(withToken(lab, "bob", bobBefore).listExporters({ parent }))).toEqual({
      code: "Unknown",
      message: 'client lab/bob: clients.jumpstarter.dev "bob" not found',
    });
    await lab.stop();

    lab = await start(dataDir, scenario(["alice", "bob"]));
    expect(await refusal(withToken(lab, "bob", bobBefore).listExporters({ parent }))).toEqual({
      code: "PermissionDenied",
      message: "permission denied for client lab/bob",
    });
    const bobAfter = tokensOf(lab).bob ?? "";
    expect(bobAfter).not.toBe(bobBefore);
    const uid = (token: string) => String(decodeJwt(token).sub).split(":")[3];
    expect(String(decodeJwt(bobAfter).sub)).toMatch(/^client:lab:bob:/);
    expect(uid(bobAfter)).not.toBe(uid(bobBefore));
    expect(configToken(dataDir, "bob")).toBe(bobAfter);
    expect((await withToken(lab, "bob", bobAfter).listExporters({ parent })).exporters).toHaveLength(1);
    // alice stayed in the scenario all along: same object, same token.
    expect(tokensOf(lab).alice).toBe(first.alice);
    expect((await withToken(lab, "alice", first.alice ?? "").listExporters({ parent })).exporters).toHaveLength(1);
  });
});

describe("a kill -9", () => {
  it("loses nothing acknowledged, and the tokens in the config files keep working", async () => {
    const dataDir = tempDir();
    const first = await spawnLab(dataDir);
    const token = configToken(dataDir, "alice");
    let alice = withToken(first, "alice", token);
    const created: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const lease = await alice.createLease({ parent, leaseId: `kill-${i}`, lease: { selector: "arch=arm64,board in (rcar-s4,rpi5,sk-am62,legacy)", duration: hour } });
      created.push(lease.name);
    }
    await untilCondition(alice, "namespaces/lab/leases/kill-0", "Ready", "True");
    await alice.deleteLease({ name: "namespaces/lab/leases/kill-0" });
    // The very last write before the kill: a release acknowledged just now.
    first.child.kill("SIGKILL");
    await first.exited;
    expect((await refusal(alice.listLeases({ parent }))).code).toBe("Unavailable");

    const second = await spawnLab(dataDir);
    expect(configToken(dataDir, "alice")).toBe(token);
    alice = withToken(second, "alice", token);
    const all = await alice.listLeases({ parent, onlyActive: false });
    expect(all.leases.map((l) => l.name)).toEqual(created);
    // The release flag was acknowledged before the kill, so the lease ends after the restart [D4], [RL1].
    const released = await untilCondition(alice, "namespaces/lab/leases/kill-0", "Ready", "False", "Released");
    expect(condition(released, "Ready")?.message).toBe("The lease was marked for release");
    for (const name of created.slice(1)) await untilCondition(alice, name, "Ready", "True");

    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  it("keeps every lease of a burst of concurrent creates acknowledged just before it (group commit)", async () => {
    const dataDir = tempDir();
    const first = await spawnLab(dataDir);
    const token = configToken(dataDir, "alice");
    // Several connections with many calls in flight: their writes share transactions.
    const channels = Array.from({ length: 4 }, () => withToken(first, "alice", token));
    const acknowledged: string[] = [];
    await Promise.all(
      Array.from({ length: 48 }, async (_, i) => {
        const lease = await (channels[i % channels.length] as LabClient).createLease({ parent, leaseId: `burst-${String(i).padStart(2, "0")}`, lease: { selector: "board=rpi5", duration: hour } });
        acknowledged.push(lease.name);
        // Killed the moment the last answer arrives: nothing may be left in a batch not yet on disk.
        if (acknowledged.length === 48) first.child.kill("SIGKILL");
      }),
    );
    await first.exited;

    const second = await spawnLab(dataDir);
    const all = await withToken(second, "alice", token).listLeases({ parent, onlyActive: false });
    expect(all.leases.map((l) => l.name).sort()).toEqual([...acknowledged].sort());
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  });

  it("exits with 2 and one line on a bad scenario", async () => {
    const child = spawnMain(["--scenario", "no/such/file.yaml", "--listen", "127.0.0.1:0", "--data", tempDir()]);
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual([expect.stringContaining("cannot read no/such/file.yaml")]);
  });
});
