// `npm run lab` as a person meets it: --help, flag mistakes, what it prints on
// start (one jmp client config per client, with a minted token), and the
// shipped demo lab.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { USAGE } from "./cli-args.js";
import { startLab } from "./lab.js";
import { clientAs, grpcClient, TEST_SCENARIO, until } from "./testing/lab-harness.js";

const repo = join(import.meta.dirname, "..", "..");

function spawnMain(args: string[]) {
  // tsx as a loader, so a kill reaches the lab itself.
  return spawn(process.execPath, ["--import", "tsx", "server/lab/main.ts", ...args], { cwd: repo });
}

/** Runs main.ts to its end. */
async function runMain(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnMain(args);
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

  it("names the scenario key at fault and exits 2 on a scenario it refuses", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lab-main-"));
    try {
      const file = join(dir, "bad.yaml");
      writeFileSync(file, "namespace: lab\nclients: [{ name: alice }]\nexporters: [{ name: a, colour: red }]\n");
      const { code, stderr } = await runMain(["--scenario", file, "--listen", "127.0.0.1:0", "--data", dir]);
      expect(code).toBe(2);
      expect(stderr.trim().split("\n")).toEqual([expect.stringMatching(/^lab: bad scenario: .*exporters\[0\]\.colour: unknown/)]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("starting", () => {
  it("prints where it listens, the namespace and one jmp client config per client, with a minted token; SIGTERM stops it with 0", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lab-main-"));
    const child = spawnMain(["--listen", "127.0.0.1:0", "--data", dataDir, "--scenario", TEST_SCENARIO, "--quiet"]);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const lines: string[] = [];
      createInterface({ input: child.stdout }).on("line", (line) => lines.push(line));
      await until("the lab to print the config of its last client", () => (lines.some((l) => l.startsWith("Client carol: config ")) ? true : undefined), 20_000);
      const listening = /^Lab simulator listening on (https?):\/\/(127\.0\.0\.1:(\d+))$/.exec(lines[0] ?? "");
      expect(listening).not.toBeNull();
      const [, scheme, endpoint] = listening ?? [];
      expect(lines).toContain("Namespace: lab");
      for (const name of ["alice", "bob", "carol"]) {
        const path = join(dataDir, "clients", `${name}.yaml`);
        expect(lines).toContain(`Client ${name}: config ${path}`);
        const config = parseYaml(readFileSync(path, "utf8")) as Record<string, unknown>;
        expect(config).toMatchObject({ apiVersion: "jumpstarter.dev/v1alpha1", kind: "ClientConfig", metadata: { namespace: "lab", name }, endpoint });
        const token = String(config.token);
        const claims = decodeJwt(token);
        expect(claims).toMatchObject({ iss: "https://localhost:8085", aud: ["jumpstarter"] });
        expect(claims.sub).toMatch(new RegExp(`^client:lab:${name}:`));
        // The config is all a client needs [J1], [J3]: the endpoint, the CA in tls.ca, the token, the metadata.
        const tls = config.tls as { ca?: unknown; insecure?: unknown } | undefined;
        expect(tls?.insecure).toBe(false);
        const caPem = Buffer.from(typeof tls?.ca === "string" ? tls.ca : "", "base64").toString("utf8");
        expect(scheme).toBe("https");
        const client = grpcClient({ url: `${scheme}://${endpoint}`, caPem }, { token, namespace: "lab", kind: "Client", name });
        expect((await client.listExporters({ parent: "namespaces/lab", pageSize: 1 })).exporters).toHaveLength(1);
      }
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("the demo scenario", () => {
  it("starts a busy lab: every exporter listed, the CI client holding boards", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lab-demo-"));
    const lab = await startLab({ port: 0, dataDir, scenario: join(repo, "scenarios", "demo.yaml"), seed: 1, warn: () => undefined });
    try {
      const ci = clientAs(lab, "ci-bot");
      const { exporters } = await ci.listExporters({ parent: `namespaces/${lab.namespace}` });
      expect(exporters.length).toBeGreaterThanOrEqual(35);
      const { leases } = await ci.listLeases({ parent: `namespaces/${lab.namespace}` });
      expect(leases.length).toBeGreaterThan(0);
      expect(leases.every((l) => l.client === `namespaces/${lab.namespace}/clients/ci-bot`)).toBe(true);
      // Assigned right away (whatever its hooks do to it later, the lease keeps its exporter).
      const first = leases[0]?.name ?? "";
      const held = await until("a CI lease to get a board", async () => (await ci.getLease({ name: first })).exporter);
      expect(held).toMatch(/^namespaces\/lab\/exporters\//);
      // Every client of the demo can sign in with its minted token.
      for (const { name } of lab.clients) expect((await clientAs(lab, name).listLeases({ parent: "namespaces/lab" })).leases.length, name).toBeGreaterThan(0);
    } finally {
      await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
