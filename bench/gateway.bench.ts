// What the gateway costs: the same ListExporters call (a lab of ~1,000
// exporters, no filter, one page) made directly to the lab simulator over gRPC
// and through the gateway over gRPC-Web, interleaved so both see the same
// machine load. Prints p50/p99 of each and the gateway's overhead, in wall
// time and in CPU time per call, beside the goal of issue 13 (p50 <= 1 ms).
//
// Then the bounded load figure (issue 12, item 8): dashboards polling
// ListExporters every 10 s as the portal does, at increasing counts, each
// step one poll interval long; p99 of the answers, how many were refused
// (Unavailable, fast and retryable) and how fast, and the knee: the most
// dashboards held at p99 <= 250 ms with nothing refused; for 1,000 exporters
// and for the demo lab; the heap after the load and after it. Load generator,
// gateway and simulator share this process and the machine's cores.
//
//   npm run bench:gateway -- [--exporters 1000] [--iterations 200] [--warmup 20] [--max-seconds 120]
//                            [--dashboards 50,100,200,300,400] [--demo-dashboards 200,400,800,1200] [--poll-ms 10000]
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { ClientService, ListExportersResponseSchema } from "../src/gen/jumpstarter/client/v1/client_pb.js";
import { startGateway } from "../server/gateway/gateway.js";
import { startLab } from "../server/lab/lab.js";
import { generatedLab } from "./generated-lab.js";

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

async function loadFigure(what: string, steps: readonly number[], call: () => Promise<unknown>): Promise<void> {
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
  // Memory: the heap after a full collection, right after the load and once it has stopped (run with --expose-gc).
  const collect = (globalThis as { gc?: () => void }).gc;
  const heap = (): number => {
    collect?.();
    return process.memoryUsage().heapUsed / 2 ** 20;
  };
  const loaded = heap();
  await new Promise((r) => setTimeout(r, 3_000));
  const idle = heap();
  console.log(
    `  memory after load: heap ${loaded.toFixed(0)} MiB, 3 s later ${idle.toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB${collect === undefined ? " (no --expose-gc: heap before collection)" : ""}`,
  );
}

const dataDir = mkdtempSync(join(tmpdir(), "bench-gateway-"));
const lab = await startLab({ port: 0, dataDir, scenario: generatedLab(exporterCount, { withOutages: true }) });
const gateway = await startGateway({ controller: lab.url, caFile: lab.caFile, log: () => undefined });
const session = new Http2SessionManager(lab.url, undefined, { ca: lab.caPem });

try {
  // No compression asked for: the controller (grpc-go) compresses only answers to
  // compressed requests, and the gateway asks for none; the simulator would gzip
  // the list for a client that offers gzip, a cost the direct call alone would pay.
  const direct = createClient(ClientService, createGrpcTransport({ baseUrl: lab.url, sessionManager: session, acceptCompression: [] }));
  const viaGateway = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
  const request = { parent: "namespaces/bench" };
  // The lab mints each client's token (RunningLab.clients); the call names its client [H1].
  const token = lab.clients.find((c) => c.name === "bench")?.token ?? "";
  const options = {
    headers: { authorization: `Bearer ${token}`, "jumpstarter-namespace": "bench", "jumpstarter-kind": "Client", "jumpstarter-name": "bench" },
  };

  const check = await viaGateway.listExporters(request, options);
  if (check.exporters.length !== exporterCount) throw new Error(`expected ${exporterCount} exporters, got ${check.exporters.length}`);
  const bytes = toBinary(ListExportersResponseSchema, check).byteLength;

  // Wall time, and the CPU the whole process spent meanwhile: on a machine whose
  // cores are shared, waiting for a core inflates the wall time of the path with
  // more hops; the CPU time shows what the gateway's work itself costs.
  const directCpuMs: number[] = [];
  const gatewayCpuMs: number[] = [];
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
  const began = performance.now();
  for (let i = 0; i < iterations && performance.now() - began < maxMs; i++) {
    // Alternate which goes first, so neither always runs on a warmer cache.
    if (i % 2 === 0) {
      directMs.push(await time(directCall, directCpuMs));
      gatewayMs.push(await time(gatewayCall, gatewayCpuMs));
    } else {
      gatewayMs.push(await time(gatewayCall, gatewayCpuMs));
      directMs.push(await time(directCall, directCpuMs));
    }
  }
  const measured = directMs.length;
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
  directCpuMs.sort((a, b) => a - b);
  gatewayCpuMs.sort((a, b) => a - b);
  const c50 = percentile(gatewayCpuMs, 50) - percentile(directCpuMs, 50);
  console.log(`  ${"CPU per call, direct".padEnd(24)}${fmt(percentile(directCpuMs, 50)).padStart(12)}${fmt(percentile(directCpuMs, 99)).padStart(12)}`);
  console.log(`  ${"CPU per call, gateway".padEnd(24)}${fmt(percentile(gatewayCpuMs, 50)).padStart(12)}${fmt(percentile(gatewayCpuMs, 99)).padStart(12)}`);
  console.log(`  ${"CPU overhead".padEnd(24)}${fmt(c50).padStart(12)}${"".padStart(12)}   goal p50 <= ${overheadGoalMs} ms: ${c50 <= overheadGoalMs ? "met" : "MISSED"}`);
  console.log(`  (load average ${loadavg()[0]?.toFixed(1) ?? "?"} on ${availableParallelism()} cores)`);

  await loadFigure(`${exporterCount} exporters`, dashboardSteps, () => viaGateway.listExporters(request, options));
} finally {
  session.abort();
  await gateway.stop();
  await lab.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

// The same figure for the demo lab (about 40 boards), where far more dashboards fit.
const demoDir = mkdtempSync(join(tmpdir(), "bench-gateway-demo-"));
const demoLab = await startLab({ port: 0, dataDir: demoDir, scenario: join("scenarios", "demo.yaml"), simulate: false });
const demoGateway = await startGateway({ controller: demoLab.url, caFile: demoLab.caFile, log: () => undefined });
try {
  const viaGateway = createClient(ClientService, createGrpcWebTransport({ baseUrl: demoGateway.url }));
  const token = demoLab.clients.find((c) => c.name === "alice")?.token ?? "";
  const options = { headers: { authorization: `Bearer ${token}`, "jumpstarter-namespace": demoLab.namespace, "jumpstarter-kind": "Client", "jumpstarter-name": "alice" } };
  await loadFigure("the demo lab", demoSteps, () => viaGateway.listExporters({ parent: `namespaces/${demoLab.namespace}` }, options));
} finally {
  await demoGateway.stop();
  await demoLab.stop();
  rmSync(demoDir, { recursive: true, force: true });
}
