// `npm run bench:lab`: the lab simulator with 1,000 exporters, measured over
// gRPC on loopback. Bounded in count and in time; prints p50/p99 and req/s,
// each figure with the goal of issue 13 beside it where it has one.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { clientAs } from "../server/lab/testing/lab-harness.js";
import { startLab } from "../server/lab/lab.js";
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

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "lab-bench-"));
  const lab = await startLab({ port: 0, dataDir, scenario: generatedLab(EXPORTERS) });
  try {
    const client = clientAs(lab, "bench");
    const channels = Array.from({ length: CHANNELS }, () => clientAs(lab, "bench"));
    const parent = `namespaces/${lab.namespace}`;
    console.log(`Lab simulator with ${EXPORTERS} exporters at ${lab.url}`);

    await measure(
      "ListExporters (all, page_size 0)",
      LIST_ITERATIONS,
      async () => {
        const { exporters } = await client.listExporters({ parent });
        if (exporters.length !== EXPORTERS) throw new Error(`expected ${EXPORTERS} exporters, got ${exporters.length}`);
      },
      "<= 5 ms",
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
    await lab.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
