// The real stack the browser benchmarks measure: the simulator with a
// generated lab of N exporters and the portal gateway serving the built dist.
// Shared by bench/browser.bench.ts and bench/lighthouse.bench.ts.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGateway } from "../server/gateway/gateway.js";
import { startLab } from "../server/lab/lab.js";
import { buildIfStale } from "../scripts/build-if-stale.js";
import { SESSION_STORAGE_KEY } from "../src/lib/session.js";
import { generatedLab } from "./generated-lab.js";

export interface BenchStack {
  /** The portal's origin, e.g. "http://127.0.0.1:PORT". */
  readonly portalUrl: string;
  readonly labUrl: string;
  /** A signed-in session of the lab's `bench` client, as the portal keeps it in storage. */
  readonly session: { readonly key: string; readonly value: string };
  stop(): Promise<void>;
}

export async function startBenchStack(exporters: number): Promise<BenchStack> {
  buildIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), "browser-bench-"));
  const lab = await startLab({ port: 0, dataDir, scenario: generatedLab(exporters) });
  const gateway = await startGateway({ port: 0, controller: lab.url, caFile: lab.caFile, staticDir: "dist", log: () => undefined });
  const client = lab.clients.find((c) => c.name === "bench");
  if (client === undefined) throw new Error("the generated lab has no `bench` client");
  return {
    portalUrl: gateway.url,
    labUrl: lab.url,
    session: { key: SESSION_STORAGE_KEY, value: JSON.stringify({ token: client.token, namespace: lab.namespace, clientName: "bench" }) },
    async stop() {
      await gateway.stop();
      await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Prints as "name   value   goal <= N unit  met" (issue 13: each figure beside its goal). */
export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal, and whether lower is better; undefined: reported only. */
  readonly goal?: { readonly limit: number; readonly atMost: boolean };
}

export function figureLine(f: Figure): string {
  const digits = f.unit === "ms" ? 1 : f.unit === "" || f.unit === "frames" ? 0 : 2;
  const value = `${f.value.toFixed(digits)} ${f.unit}`;
  if (f.goal === undefined) return `${f.name.padEnd(52)} ${value.padStart(14)}   (reported)`;
  const met = f.goal.atMost ? f.value <= f.goal.limit : f.value >= f.goal.limit;
  return `${f.name.padEnd(52)} ${value.padStart(14)}   goal ${f.goal.atMost ? "<=" : ">="} ${f.goal.limit} ${f.unit}  ${met ? "met" : "NOT MET"}`;
}
