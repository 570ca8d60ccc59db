// `npm run bench:lab`: the lab simulator with 1,000 exporters, measured over
// gRPC on loopback. The lab runs in a process of its own (`npm run lab`), as
// it does for the portal, so the callers here do not take its CPU. Bounded in count and in time; prints p50/p99 and req/s,
// each figure with the goal of issue 13 beside it where it has one.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http2 from "node:http2";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { create, toBinary } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { stringify as toYaml, parse as parseYaml } from "yaml";
import { ListExportersRequestSchema } from "../src/gen/jumpstarter/client/v1/client_pb.js";
import { grpcClient, type CallIdentity } from "../server/lab/testing/lab-harness.js";
import { generatedLab, KINDS, SITES } from "./generated-lab.js";

const EXPORTERS = 1_000;
const WARMUP = 5;
const LIST_ITERATIONS = 100;
const CREATE_ITERATIONS = 300;
const CONCURRENT_CREATES = 2_000;
/** Calls in flight at once, spread over this many channels (one HTTP/2 connection each). */
const IN_FLIGHT = 32;
const CHANNELS = 4;
const PHASE_TIME_LIMIT_MS = 30_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const pad = (name: string): string => name.padEnd(36);
const goalText = (goal: string | undefined): string => (goal === undefined ? "" : `  (goal ${goal})`);

/** Sequential calls: latency percentiles; `p50Goal` is printed beside p50. */
async function measure(name: string, iterations: number, call: (i: number) => Promise<unknown>, p50Goal?: string): Promise<void> {
  for (let i = 0; i < WARMUP; i += 1) await call(-1 - i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < iterations && performance.now() - started < PHASE_TIME_LIMIT_MS; i += 1) {
    const t0 = performance.now();
    await call(i);
    samples.push(performance.now() - t0);
  }
  const elapsed = performance.now() - started;
  const sorted = [...samples].sort((a, b) => a - b);
  console.log(
    `${pad(name)} n=${String(samples.length).padStart(4)}  p50=${percentile(sorted, 50).toFixed(2).padStart(7)} ms${goalText(p50Goal)}  p99=${percentile(sorted, 99).toFixed(2).padStart(7)} ms  ${((samples.length / elapsed) * 1000).toFixed(0).padStart(6)} req/s`,
  );
}

/** Concurrent calls, `inFlight` at a time: throughput, with `goal` beside it. */
async function measureThroughput(name: string, total: number, inFlight: number, call: (i: number) => Promise<unknown>, goal: string): Promise<void> {
  for (let i = 0; i < WARMUP; i += 1) await call(-1 - i);
  let next = 0;
  let done = 0;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total && performance.now() - started < PHASE_TIME_LIMIT_MS) {
      const i = next;
      next += 1;
      await call(i);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsed = performance.now() - started;
  console.log(`${pad(name)} n=${String(done).padStart(4)}  ${((done / elapsed) * 1000).toFixed(0).padStart(6)} req/s${goalText(goal)}  (${inFlight} in flight)`);
}

interface LabProcess {
  readonly url: string;
  readonly caPem: string;
  readonly identity: CallIdentity;
  stop(): Promise<void>;
}

/** `npm run lab` on a free port with the generated lab; resolves once it listens. */
async function spawnLab(dataDir: string): Promise<LabProcess> {
  const scenarioFile = join(dataDir, "..", "bench-scenario.yaml");
  writeFileSync(scenarioFile, toYaml(generatedLab(EXPORTERS)));
  // tsx as a loader in this one process (the tsx CLI would run the lab in a grandchild).
  const child = spawn(process.execPath, ["--import", "tsx", "server/lab/main.ts", "--listen", "127.0.0.1:0", "--data", dataDir, "--scenario", scenarioFile, "--quiet"], {
    cwd: join(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Whatever happens to the benchmark, its lab goes with it.
  process.once("exit", () => child.kill("SIGKILL"));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on("line", (line) => {
      const match = /^Lab simulator listening on (https:\/\/\S+)$/.exec(line);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then(() => reject(new Error("the lab exited before listening")));
  });
  const config = parseYaml(readFileSync(join(dataDir, "clients", "bench.yaml"), "utf8")) as { token?: string };
  return {
    url,
    caPem: readFileSync(join(dataDir, "tls", "ca.pem"), "utf8"),
    identity: { token: config.token ?? "", namespace: "bench", kind: "Client", name: "bench" },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * ListExporters as a forwarding proxy sees it: the answer's bytes over the same
 * TLS and HTTP/2, its exporters counted but not decoded. What the simulator
 * costs, without the client's protobuf decoder.
 */
function rawListExporters(lab: LabProcess): { call: () => Promise<number>; close: () => void } {
  const session = http2.connect(lab.url, { ca: lab.caPem });
  const body = toBinary(ListExportersRequestSchema, create(ListExportersRequestSchema, { parent: "namespaces/bench" }));
  const frame = Buffer.alloc(5 + body.length);
  frame.writeUInt32BE(body.length, 1);
  frame.set(body, 5);
  const { identity } = lab;
  const call = () =>
    new Promise<number>((resolve, reject) => {
      const stream = session.request({
        ":method": "POST",
        ":path": "/jumpstarter.client.v1.ClientService/ListExporters",
        "content-type": "application/grpc",
        te: "trailers",
        authorization: `Bearer ${identity.token ?? ""}`,
        "jumpstarter-namespace": identity.namespace ?? "",
        "jumpstarter-kind": identity.kind ?? "",
        "jumpstarter-name": identity.name ?? "",
      });
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("trailers", (trailers: http2.IncomingHttpHeaders) => {
        if (trailers["grpc-status"] !== "0") reject(new Error(`ListExporters failed: ${String(trailers["grpc-message"])}`));
      });
      stream.on("error", reject);
      stream.on("end", () => {
        const answer = Buffer.concat(chunks).subarray(5);
        const reader = new BinaryReader(answer);
        let exporters = 0;
        while (reader.pos < reader.len) {
          const [field, wireType] = reader.tag();
          if (field === 1 && wireType === WireType.LengthDelimited) exporters += 1;
          reader.skip(wireType);
        }
        resolve(exporters);
      });
      stream.end(frame);
    });
  return { call, close: () => session.close() };
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "lab-bench-"));
  const lab = await spawnLab(join(root, "data"));
  const raw = rawListExporters(lab);
  try {
    const client = grpcClient(lab, lab.identity);
    const channels = Array.from({ length: CHANNELS }, () => grpcClient(lab, lab.identity));
    const parent = "namespaces/bench";
    console.log(`Lab simulator with ${EXPORTERS} exporters at ${lab.url} (its own process)`);

    await measure(
      "ListExporters (all, answer bytes)",
      LIST_ITERATIONS,
      async () => {
        const exporters = await raw.call();
        if (exporters !== EXPORTERS) throw new Error(`expected ${EXPORTERS} exporters, got ${exporters}`);
      },
      "<= 5 ms",
    );
    await measure(
      "ListExporters (all, page_size 0)",
      LIST_ITERATIONS,
      async () => {
        const { exporters } = await client.listExporters({ parent });
        if (exporters.length !== EXPORTERS) throw new Error(`expected ${EXPORTERS} exporters, got ${exporters.length}`);
      },
      "<= 5 ms, decoded by the client",
    );
    await measure("ListExporters (filter, page 50)", LIST_ITERATIONS, () =>
      client.listExporters({ parent, filter: "arch=arm64,site in (bcn,brno)", pageSize: 50 }),
    );
    const lease = (i: number) => ({
      parent,
      lease: { selector: `board=${KINDS[Math.abs(i) % KINDS.length] ?? "x"},site=${SITES[Math.abs(i) % SITES.length] ?? "x"}`, duration: { seconds: 2n } },
    });
    await measure("CreateLease (selector, 2s)", CREATE_ITERATIONS, (i) => client.createLease(lease(i)));
    await measureThroughput(
      `CreateLease (concurrent, ${CHANNELS} channels)`,
      CONCURRENT_CREATES,
      IN_FLIGHT,
      (i) => (channels[Math.abs(i) % CHANNELS] ?? client).createLease(lease(i)),
      ">= 1000/s",
    );
    await measure("ListLeases (all, only_active=false)", LIST_ITERATIONS, () => client.listLeases({ parent, onlyActive: false }));
  } finally {
    raw.close();
    await lab.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
