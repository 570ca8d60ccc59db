// `npm run bench:lab`: the lab simulator with 1,000 exporters, measured over
// gRPC on loopback. The lab runs as `npm run lab` does, in a process of its
// own (TLS, a free 127.0.0.1 port, the generated lab), so the callers here do
// not take its event loop or its CPU. Bounded in count and in time; prints each
// figure with the goal of issue 13 beside it where it has one, and the lab's
// own CPU per call (read from /proc), which says whether a figure is the
// simulator's or the caller's.
//
// BENCH_LAB_ONLY=TEXT runs only the phases whose name holds TEXT;
// BENCH_LAB_CPU_PROF=DIR makes the lab write a V8 CPU profile into DIR when it stops.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { grpcClient } from "../server/lab/testing/lab-harness.js";
import { figureLine, type Figure } from "./bench-stack.js";
import { generatedLab, KINDS, SITES } from "./generated-lab.js";
import { spawnLab, type LabProcess } from "./lab-process.js";
import { rawListExporters } from "./raw-list-exporters.js";

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

const atMost = (limit: number) => ({ limit, atMost: true });
const atLeast = (limit: number) => ({ limit, atMost: false });

interface Run {
  readonly calls: number;
  readonly elapsedMs: number;
  /** Sorted latencies (sequential runs only). */
  readonly latencies: readonly number[];
  /** The lab's CPU per call (ms), when it can be read. */
  readonly labCpuPerCallMs: number | undefined;
  /** This process's (the callers', TLS and HTTP/2 included) CPU per call (ms). */
  readonly callerCpuPerCallMs: number;
}

/** Runs `calls` with `inFlight` at a time (1: one after another, each timed), after a warm-up. */
async function run(lab: LabProcess, total: number, inFlight: number, call: (i: number) => Promise<unknown>): Promise<Run> {
  for (let i = 0; i < WARMUP; i += 1) await call(-1 - i);
  const latencies: number[] = [];
  let next = 0;
  let done = 0;
  const cpuBefore = lab.cpuMs();
  const callerBefore = process.cpuUsage();
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (next < total && performance.now() - started < PHASE_TIME_LIMIT_MS) {
      const i = next;
      next += 1;
      const t0 = performance.now();
      await call(i);
      if (inFlight === 1) latencies.push(performance.now() - t0);
      done += 1;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  const elapsedMs = performance.now() - started;
  const cpuAfter = lab.cpuMs();
  const caller = process.cpuUsage(callerBefore);
  return {
    calls: done,
    elapsedMs,
    latencies: latencies.sort((a, b) => a - b),
    labCpuPerCallMs: cpuBefore === undefined || cpuAfter === undefined || done === 0 ? undefined : (cpuAfter - cpuBefore) / done,
    callerCpuPerCallMs: done === 0 ? Number.NaN : (caller.user + caller.system) / 1000 / done,
  };
}

const perSecond = (r: Run): number => (r.calls / r.elapsedMs) * 1000;

/** Whose CPU a call costs: the lab's, and the callers' here (a figure is the lab's only while the lab's is the larger). */
function cpuPerCall(name: string, r: Run): Figure[] {
  return [
    ...(r.labCpuPerCallMs === undefined ? [] : [{ name: `${name}: lab CPU per call`, value: r.labCpuPerCallMs, unit: "ms" }]),
    { name: `${name}: caller CPU per call`, value: r.callerCpuPerCallMs, unit: "ms" },
  ];
}

interface Phase {
  readonly name: string;
  measure(): Promise<Figure[]>;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), "lab-bench-"));
  const profileDir = process.env.BENCH_LAB_CPU_PROF;
  const lab = await spawnLab({
    dataDir: join(root, "data"),
    scenario: generatedLab(EXPORTERS),
    namespace: "bench",
    client: "bench",
    nodeFlags: profileDir === undefined || profileDir === "" ? [] : ["--cpu-prof", "--cpu-prof-dir", profileDir],
  });
  const parent = "namespaces/bench";
  const raw = rawListExporters(lab, parent);
  try {
    const client = grpcClient(lab, lab.identity);
    const channels = Array.from({ length: CHANNELS }, () => grpcClient(lab, lab.identity));
    const lease = (i: number) => ({
      parent,
      lease: { selector: `board=${KINDS[Math.abs(i) % KINDS.length] ?? "x"},site=${SITES[Math.abs(i) % SITES.length] ?? "x"}`, duration: { seconds: 2n } },
    });
    const expectAll = (count: number): void => {
      if (count !== EXPORTERS) throw new Error(`expected ${EXPORTERS} exporters, got ${count}`);
    };

    const phases: Phase[] = [
      {
        name: `ListExporters(${EXPORTERS}), answer bytes`,
        async measure() {
          const r = await run(lab, LIST_ITERATIONS, 1, async () => expectAll(await raw.call()));
          return [
            { name: `${this.name}: p50`, value: percentile(r.latencies, 50), unit: "ms", goal: atMost(5) },
            { name: `${this.name}: p99`, value: percentile(r.latencies, 99), unit: "ms" },
            ...cpuPerCall(this.name, r),
          ];
        },
      },
      {
        name: `ListExporters(${EXPORTERS}), decoded`,
        async measure() {
          const r = await run(lab, LIST_ITERATIONS, 1, async () => expectAll((await client.listExporters({ parent })).exporters.length));
          return [{ name: `${this.name} by the client: p50`, value: percentile(r.latencies, 50), unit: "ms", goal: atMost(5) }];
        },
      },
      {
        name: "ListExporters, filter, page of 50",
        async measure() {
          const r = await run(lab, LIST_ITERATIONS, 1, () => client.listExporters({ parent, filter: "arch=arm64,site in (bcn,brno)", pageSize: 50 }));
          return [{ name: `${this.name}: p50`, value: percentile(r.latencies, 50), unit: "ms" }];
        },
      },
      {
        name: "CreateLease, one at a time",
        async measure() {
          const r = await run(lab, CREATE_ITERATIONS, 1, (i) => client.createLease(lease(i)));
          return [{ name: `${this.name}: p50`, value: percentile(r.latencies, 50), unit: "ms" }, ...cpuPerCall(this.name, r)];
        },
      },
      {
        name: `CreateLease, ${IN_FLIGHT} in flight, ${CHANNELS} channels`,
        async measure() {
          const r = await run(lab, CONCURRENT_CREATES, IN_FLIGHT, (i) => (channels[Math.abs(i) % CHANNELS] ?? client).createLease(lease(i)));
          return [{ name: this.name, value: perSecond(r), unit: "calls/s", goal: atLeast(1000) }, ...cpuPerCall(this.name, r)];
        },
      },
      {
        name: "ListLeases, all, only_active=false",
        async measure() {
          let leases = 0;
          const r = await run(lab, LIST_ITERATIONS, 1, async () => {
            leases = (await client.listLeases({ parent, onlyActive: false })).leases.length;
          });
          return [{ name: `${this.name} (${leases}): p50`, value: percentile(r.latencies, 50), unit: "ms" }];
        },
      },
    ];

    const only = process.env.BENCH_LAB_ONLY ?? "";
    console.log(`Lab simulator with ${EXPORTERS} exporters at ${lab.url} (its own process)`);
    for (const phase of phases) {
      if (!phase.name.includes(only)) continue;
      for (const f of await phase.measure()) console.log(figureLine(f));
    }
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
