// What the gateway costs: the same ListExporters call (a lab of ~1,000
// exporters, no filter, one page) made directly to the lab simulator over gRPC
// and through the gateway over gRPC-Web, interleaved so both see the same
// machine load. Prints p50/p99 of each and the gateway's overhead.
//
//   npm run bench:gateway -- [--exporters 1000] [--iterations 200] [--warmup 20] [--max-seconds 120]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { toBinary } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { ClientService, ListExportersResponseSchema } from "../src/gen/jumpstarter/client/v1/client_pb.js";
import { startGateway } from "../server/gateway/gateway.js";
import { startLab, type Scenario } from "../server/lab/lab.js";

const { values } = parseArgs({
  options: {
    exporters: { type: "string", default: "1000" },
    iterations: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    "max-seconds": { type: "string", default: "120" },
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

const boards = ["rcar-s4", "rcar-h3", "rpi5", "rpi4", "jetson-orin", "imx8mp", "sk-am62", "qemu-x86", "beagleplay", "stm32mp1"];
const sites = ["bcn", "brno", "westford", "raleigh"];

function labScenario(count: number): Scenario {
  return {
    namespace: "bench",
    clients: [{ name: "bench" }],
    exporters: Array.from({ length: count }, (_, i) => {
      const board = boards[i % boards.length] ?? "board";
      return {
        name: `${board}-${String(i).padStart(4, "0")}`,
        labels: { board, site: sites[i % sites.length] ?? "lab", arch: i % 7 === 0 ? "x86_64" : "arm64", rack: `r${i % 25}` },
        online: i % 13 !== 0,
        enabled: i % 97 !== 0,
      };
    }),
  };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

const fmt = (ms: number): string => `${ms.toFixed(2)} ms`;
const pct = (delta: number, base: number): string => `${delta >= 0 ? "+" : ""}${((delta / base) * 100).toFixed(1)}%`;

const dataDir = mkdtempSync(join(tmpdir(), "bench-gateway-"));
const lab = await startLab({ port: 0, dataDir, scenario: labScenario(exporterCount) });
const gateway = await startGateway({ controller: lab.url, caFile: lab.caFile, log: () => undefined });
const session = new Http2SessionManager(lab.url, undefined, { ca: lab.caPem });

try {
  const direct = createClient(ClientService, createGrpcTransport({ baseUrl: lab.url, sessionManager: session }));
  const viaGateway = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
  const request = { parent: "namespaces/bench" };
  const options = { headers: { authorization: "Bearer bench-token-0123456789" } };

  const check = await viaGateway.listExporters(request, options);
  if (check.exporters.length !== exporterCount) throw new Error(`expected ${exporterCount} exporters, got ${check.exporters.length}`);
  const bytes = toBinary(ListExportersResponseSchema, check).byteLength;

  const time = async (call: () => Promise<unknown>): Promise<number> => {
    const start = performance.now();
    await call();
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
      directMs.push(await time(directCall));
      gatewayMs.push(await time(gatewayCall));
    } else {
      gatewayMs.push(await time(gatewayCall));
      directMs.push(await time(directCall));
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
  console.log(`  ${"overhead".padEnd(24)}${fmt(g50 - d50).padStart(12)}${fmt(g99 - d99).padStart(12)}`);
  console.log(`  ${"overhead %".padEnd(24)}${pct(g50 - d50, d50).padStart(12)}${pct(g99 - d99, d99).padStart(12)}`);
} finally {
  session.abort();
  await gateway.stop();
  await lab.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
