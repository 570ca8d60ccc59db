// What the gateway costs: the same ListExporters call (a lab of ~1,000
// exporters, no filter, one page) made directly to the lab simulator over gRPC
// and through the gateway over gRPC-Web, interleaved so both see the same
// machine load. Prints p50/p99 of each and the gateway's overhead in wall
// time beside the goal of issue 13 (p50 <= 1 ms), and its CPU time per call,
// reported: most of it is Node's HTTP/1.1, HTTP/2 and TLS work, not ours.
//
// Then the bounded load figure (issue 12, item 8): dashboards polling
// ListExporters every 10 s as the portal does, at increasing counts, each
// step one poll interval long; p99 of the answers, how many were refused
// (Unavailable, fast and retryable) and how fast, and the knee: the most
// dashboards held at p99 <= 250 ms with nothing refused; for 1,000 exporters
// and for the demo lab; the gateway's memory after the load and after it.
// The simulator and the gateway run as child processes, as `npm run lab` and
// `npm run gateway` do (stack-processes.ts): the callers here never charge
// their CPU to the gateway, whose own CPU per call is read from /proc
// (process-probe.ts). All three still share the machine's cores.
//
//   npm run bench:gateway -- [--exporters 1000] [--iterations 200] [--warmup 20] [--max-seconds 120]
//                            [--dashboards 50,100,200,300,400] [--demo-dashboards 200,400,800,1200] [--poll-ms 10000]
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { parse as parseYaml } from "yaml";
import { ClientService, ListExportersResponseSchema } from "../src/gen/jumpstarter/client/v1/client_pb.js";
import type { CallIdentity } from "../server/lab/testing/lab-harness.js";
import { generatedLab } from "./generated-lab.js";
import { spawnStack, type GatewayProcess } from "./stack-processes.js";

const { values } = parseArgs({
  options: {
    exporters: { type: "string", default: "1000" },
    iterations: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    "max-seconds": { type: "string", default: "120" },
    dashboards: { type: "string", default: "50,100,200,300,400" },
    "demo-dashboards": { type: "string", default: "200,400,800,1200" },
    "poll-ms": { type: "string", default: "10000" },
  },
});

function positive(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    console.error(`bench:gateway: --${name} must be a positive whole number, got "${value}"`);
    process.exit(2);
  }
  return n;
}

const exporterCount = positive("exporters", values.exporters);
const iterations = positive("iterations", values.iterations);
const warmup = positive("warmup", values.warmup);
const maxMs = positive("max-seconds", values["max-seconds"]) * 1000;
const dashboardSteps = values.dashboards.split(",").map((v) => positive("dashboards", v.trim()));
const demoSteps = values["demo-dashboards"].split(",").map((v) => positive("demo-dashboards", v.trim()));
const pollMs = positive("poll-ms", values["poll-ms"]);
const p99GoalMs = 250;
// Issue 13: what the gateway may add to ListExporters(1,000) at p50.
const overheadGoalMs = 1;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
const pct = (delta: number, base: number): string => `${delta >= 0 ? "+" : ""}${((delta / base) * 100).toFixed(1)}%`;

interface StepResult {
  dashboards: number;
  answered: number[];
  refused: number[];
  failed: number;
}

/** `dashboards` pollers, starts spread over one interval, each polling once per `pollMs` for one interval. */
async function loadStep(dashboards: number, call: () => Promise<unknown>): Promise<StepResult> {
  const result: StepResult = { dashboards, answered: [], refused: [], failed: 0 };
  const poll = async (): Promise<void> => {
    const start = performance.now();
    try {
      await call();
      result.answered.push(performance.now() - start);
    } catch (e) {
      if (ConnectError.from(e).code === Code.Unavailable) result.refused.push(performance.now() - start);
      else result.failed += 1;
    }
  };
  await Promise.all(
    Array.from({ length: dashboards }, async (_, i) => {
      await new Promise((r) => setTimeout(r, (i / dashboards) * pollMs));
      await poll();
    }),
  );
  return result;
}

async function loadFigure(what: string, steps: readonly number[], gateway: GatewayProcess, call: () => Promise<unknown>): Promise<void> {
  console.log("");
  console.log(`Dashboards polling ListExporters every ${pollMs / 1000} s (${what}), one interval per step; goal p99 <= ${p99GoalMs} ms`);
  console.log("");
  console.log(`  ${"dashboards".padEnd(12)}${"answered".padStart(10)}${"p50".padStart(12)}${"p99".padStart(12)}${"goal".padStart(10)}${"refused".padStart(10)}${"refusal p99".padStart(14)}${"other".padStart(8)}`);
  let knee: number | undefined;
  let past = false;
  for (const dashboards of steps) {
    const step = await loadStep(dashboards, call);
    step.answered.sort((a, b) => a - b);
    step.refused.sort((a, b) => a - b);
    const p99 = percentile(step.answered, 99);
    const held = p99 <= p99GoalMs && step.refused.length === 0 && step.failed === 0;
    if (held && !past) knee = dashboards;
    else past = true;
    console.log(
      `  ${String(dashboards).padEnd(12)}${String(step.answered.length).padStart(10)}${fmt(percentile(step.answered, 50)).padStart(12)}${fmt(p99).padStart(12)}${(held ? "met" : "MISSED").padStart(10)}${String(step.refused.length).padStart(10)}${(step.refused.length > 0 ? fmt(percentile(step.refused, 99)) : "-").padStart(14)}${String(step.failed).padStart(8)}`,
    );
  }
  console.log("");
  console.log(`  knee: ${knee === undefined ? `below ${steps[0]}` : `${knee}`} dashboards held at p99 <= ${p99GoalMs} ms (goal: p99 <= ${p99GoalMs} ms)`);
  // Memory: the gateway process's resident set right after the load and once it has stopped.
  const rss = (): string => {
    const mib = gateway.rssMiB();
    return mib === undefined ? "?" : `${mib.toFixed(0)} MiB`;
  };
  const loaded = rss();
  await new Promise((r) => setTimeout(r, 3_000));
  console.log(`  gateway memory after load: rss ${loaded}, 3 s later ${rss()}`);
}

/** The headers of a call made as `identity` [H1]. */
function callHeaders(identity: CallIdentity): { headers: Record<string, string> } {
  return {
    headers: {
      authorization: `Bearer ${identity.token ?? ""}`,
      "jumpstarter-namespace": identity.namespace ?? "",
      "jumpstarter-kind": identity.kind ?? "Client",
      "jumpstarter-name": identity.name ?? "",
    },
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "bench-gateway-"));
const stack = await spawnStack({ dataDir, scenario: generatedLab(exporterCount, { withOutages: true }), namespace: "bench", client: "bench" });
const { lab, gateway } = stack;
const session = new Http2SessionManager(lab.url, undefined, { ca: lab.caPem });

try {
  // No compression asked for: the controller (grpc-go) compresses only answers to
  // compressed requests, and the gateway asks for none; the simulator would gzip
  // the list for a client that offers gzip, a cost the direct call alone would pay.
  const direct = createClient(ClientService, createGrpcTransport({ baseUrl: lab.url, sessionManager: session, acceptCompression: [] }));
  const viaGateway = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
  const request = { parent: "namespaces/bench" };
  // The lab minted the client's token (its config file); the call names its client [H1].
  const options = callHeaders(lab.identity);

  const check = await viaGateway.listExporters(request, options);
  if (check.exporters.length !== exporterCount) throw new Error(`expected ${exporterCount} exporters, got ${check.exporters.length}`);
  const bytes = toBinary(ListExportersResponseSchema, check).byteLength;

  // Wall time, and the CPU the callers here spent meanwhile (the client side of
  // each protocol); the gateway's own CPU is read from its process over the
  // whole run: on a machine whose cores are shared, waiting for a core inflates
  // the wall time of the path with more hops; CPU time shows the work itself.
  const directClientCpuMs: number[] = [];
  const viaGatewayClientCpuMs: number[] = [];
  const time = async (call: () => Promise<unknown>, cpu: number[]): Promise<number> => {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    await call();
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
    return performance.now() - start;
  };
  const directCall = () => direct.listExporters(request, options);
  const gatewayCall = () => viaGateway.listExporters(request, options);

  for (let i = 0; i < warmup; i++) {
    await directCall();
    await gatewayCall();
  }

  const directMs: number[] = [];
  const gatewayMs: number[] = [];
  const gatewayCpuBefore = gateway.cpuMs();
  const labCpuBefore = lab.cpuMs();
  const began = performance.now();
  for (let i = 0; i < iterations && performance.now() - began < maxMs; i++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    if (i % 2 === 0) {
      directMs.push(await time(directCall, directClientCpuMs));
      gatewayMs.push(await time(gatewayCall, viaGatewayClientCpuMs));
    } else {
      gatewayMs.push(await time(gatewayCall, viaGatewayClientCpuMs));
      directMs.push(await time(directCall, directClientCpuMs));
    }
  }
  const measured = directMs.length;
  const gatewayCpuAfter = gateway.cpuMs();
  const labCpuAfter = lab.cpuMs();
  directMs.sort((a, b) => a - b);
  gatewayMs.sort((a, b) => a - b);

  const d50 = percentile(directMs, 50);
  const d99 = percentile(directMs, 99);
  const g50 = percentile(gatewayMs, 50);
  const g99 = percentile(gatewayMs, 99);

  console.log(`ListExporters, ${exporterCount} exporters (${(bytes / 1024).toFixed(0)} KiB response), ${measured} calls each after ${warmup} warm-up${measured < iterations ? ` (stopped at the ${maxMs / 1000}s limit)` : ""}`);
  console.log("");
  console.log(`  ${"".padEnd(24)}${"p50".padStart(12)}${"p99".padStart(12)}`);
  console.log(`  ${"direct (gRPC)".padEnd(24)}${fmt(d50).padStart(12)}${fmt(d99).padStart(12)}`);
  console.log(`  ${"gateway (gRPC-Web)".padEnd(24)}${fmt(g50).padStart(12)}${fmt(g99).padStart(12)}`);
  console.log(`  ${"overhead".padEnd(24)}${fmt(g50 - d50).padStart(12)}${fmt(g99 - d99).padStart(12)}   goal p50 <= ${overheadGoalMs} ms: ${g50 - d50 <= overheadGoalMs ? "met" : "MISSED"}`);
  console.log(`  ${"overhead %".padEnd(24)}${pct(g50 - d50, d50).padStart(12)}${pct(g99 - d99, d99).padStart(12)}`);
  directClientCpuMs.sort((a, b) => a - b);
  viaGatewayClientCpuMs.sort((a, b) => a - b);
  // The gateway is idle during the direct calls: all it spent over the run went to its calls.
  const perCall = (before: number | undefined, after: number | undefined, calls: number): number | undefined =>
    before === undefined || after === undefined ? undefined : (after - before) / calls;
  const gatewayCpu = perCall(gatewayCpuBefore, gatewayCpuAfter, measured);
  const labCpu = perCall(labCpuBefore, labCpuAfter, 2 * measured);
  const orUnknown = (ms: number | undefined): string => (ms === undefined ? "?" : fmt(ms));
  console.log(`  ${"gateway CPU per call".padEnd(24)}${orUnknown(gatewayCpu).padStart(12)}${"".padStart(12)}   (its process, all threads and the kernel's share, mean over the run; reported: the goal is the p50 above)`);
  console.log(`  ${"lab CPU per call".padEnd(24)}${orUnknown(labCpu).padStart(12)}${"".padStart(12)}   (its process, mean over both kinds of call)`);
  console.log(`  ${"client CPU, direct".padEnd(24)}${fmt(percentile(directClientCpuMs, 50)).padStart(12)}${fmt(percentile(directClientCpuMs, 99)).padStart(12)}   (the caller here: gRPC, decoding the answer)`);
  console.log(`  ${"client CPU, gateway".padEnd(24)}${fmt(percentile(viaGatewayClientCpuMs, 50)).padStart(12)}${fmt(percentile(viaGatewayClientCpuMs, 99)).padStart(12)}   (the caller here: gRPC-Web over fetch, decoding the answer)`);
  console.log(`  (load average ${loadavg()[0]?.toFixed(1) ?? "?"} on ${availableParallelism()} cores)`);

  await loadFigure(`${exporterCount} exporters`, dashboardSteps, gateway, () => viaGateway.listExporters(request, options));
} finally {
  session.abort();
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

// The same figure for the demo lab (about 40 boards), where far more dashboards fit.
const demoScenario = join(import.meta.dirname, "..", "scenarios", "demo.yaml");
const demoNamespace = (parseYaml(readFileSync(demoScenario, "utf8")) as { namespace?: string }).namespace ?? "lab";
const demoDir = mkdtempSync(join(tmpdir(), "bench-gateway-demo-"));
const demo = await spawnStack({ dataDir: demoDir, scenario: demoScenario, namespace: demoNamespace, client: "alice", labFlags: ["--no-simulation"] });
try {
  const viaGateway = createClient(ClientService, createGrpcWebTransport({ baseUrl: demo.gateway.url }));
  const options = callHeaders(demo.lab.identity);
  await loadFigure("the demo lab", demoSteps, demo.gateway, () => viaGateway.listExporters({ parent: `namespaces/${demoNamespace}` }, options));
} finally {
  await demo.stop();
  rmSync(demoDir, { recursive: true, force: true });
}
