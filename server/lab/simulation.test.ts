// The simulation drives the real engine and store; a seed replays the same lab.
// Outages take a board's connection away; the controller notices 60-70 s later
// ([S3]: OFFLINE, "Connection lost") and the board comes back registered.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { LabEngine } from "./engine.js";
import { exporterView } from "./exporter-status.js";
import { applyScenario } from "./scenario-apply.js";
import { validateScenario, type Scenario } from "./scenario.js";
import { LabSimulation } from "./simulation.js";
import { LabStore } from "./store.js";
import { tokenKeys } from "./tokens.js";

const scenario: Scenario = {
  namespace: "lab",
  clients: [{ name: "ci-bot" }],
  exporters: [
    ...["a", "b", "c", "d", "e", "f"].map((n) => ({ name: `rpi5-${n}`, labels: { board: "rpi5" }, hooks: { before: "2s", after: "3s" } })),
    { name: "broken", labels: { board: "x" }, hooks: { before: "1s", fail: "before" as const, failMessage: "flash timeout" } },
  ],
  simulation: {
    seed: 1,
    tick: "1s",
    outages: { every: "40s", duration: "80s..100s" },
    hooks: { jitter: 0.5, failureRate: 1, repairAfter: "1m..2m" },
    traffic: { client: "ci-bot", every: "4s", duration: "1m..5m", maxActive: 3, selectors: ["board=rpi5"], tags: { pipeline: "nightly" } },
  },
};

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

async function simulatedLab(seed: number, failureRate = 1) {
  const dir = mkdtempSync(join(tmpdir(), "lab-sim-"));
  const store = new LabStore(dir);
  const lab = validateScenario(scenario);
  const config = lab.simulation;
  if (config === undefined) throw new Error("scenario without simulation");
  let clock = 1_700_000_000_000;
  const now = () => clock;
  await applyScenario(store, lab, { keys: tokenKeys(undefined, () => undefined), nowMs: now() });
  const engine = new LabEngine(store, { now, policies: lab.accessPolicies });
  const simulation = new LabSimulation({ store, engine, config: { ...config, seed, hooks: { ...config.hooks, failureRate } }, now });
  engine.setHookPolicy(simulation.hookPolicy());
  engine.start();
  closers.push(() => {
    engine.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** How ClientService showed the boards that were out, tick by tick. */
  const outViews: ReturnType<typeof exporterView>[] = [];
  return {
    store,
    simulation,
    outViews,
    /** Runs `ticks` simulation ticks, one simulated second apart, and records what happened. */
    async run(ticks: number): Promise<string[]> {
      const events: string[] = [];
      for (let i = 0; i < ticks; i += 1) {
        clock += 1000;
        simulation.tick();
        await new Promise((resolve) => setImmediate(resolve));
        const out = store.exporters().filter((e) => e.connection !== "connected");
        outViews.push(...out.map(exporterView));
        const offline = out.map((e) => e.name);
        const leases = store.leases().map((l) => `${l.selector}:${l.durationMs}:${l.tags.job ?? ""}`);
        events.push(`${i} offline=[${offline.join(",")}] leases=[${leases.join(" ")}]`);
      }
      return events;
    },
  };
}

describe("lab simulation", () => {
  it("takes boards offline and back, and leases boards for the CI client", async () => {
    const lab = await simulatedLab(42);
    const events = await lab.run(240);
    expect(events.some((e) => !e.includes("offline=[]"))).toBe(true);
    // While it is out, a board shows what the controller shows for a lost connection [S1].
    expect(lab.outViews.length).toBeGreaterThan(0);
    expect(new Set(lab.outViews.map((v) => JSON.stringify(v)))).toEqual(
      new Set([JSON.stringify({ status: ExporterStatus.OFFLINE, online: false, statusMessage: "Connection lost - last seen more than 1 minute ago" })]),
    );
    const ci = lab.store.leases().filter((l) => l.client === "ci-bot");
    expect(ci.length).toBeGreaterThan(0);
    expect(ci.every((l) => l.selector === "board=rpi5" && l.tags.pipeline === "nightly")).toBe(true);
    expect(ci.filter((l) => !l.ended).length).toBeLessThanOrEqual(3);
    const cameBack = lab.store.exporters().filter((e) => e.name.startsWith("rpi5")).some((e) => exporterView(e).online);
    expect(cameBack).toBe(true);
  });

  it("shows a cut-off board offline only when the controller notices, 60-70 s after its last contact [S3]", async () => {
    const lab = await simulatedLab(42);
    const cutAt = new Map<string, number>();
    const noticedAfter: number[] = [];
    for (let second = 1; second <= 240; second += 1) {
      await lab.run(1);
      const cut = new Set(lab.simulation.cutOff());
      for (const name of cut) if (!cutAt.has(name)) cutAt.set(name, second);
      for (const [name, since] of [...cutAt]) {
        const e = lab.store.exporter(name);
        if (since === Number.POSITIVE_INFINITY) {
          if (!cut.has(name)) cutAt.delete(name);
        } else if (e?.connection === "lost") {
          noticedAfter.push(second - since);
          cutAt.set(name, Number.POSITIVE_INFINITY); // counted once per outage
        } else if (!cut.has(name)) {
          cutAt.delete(name);
        } else if (second - since < 59) {
          expect(e?.connection).toBe("connected");
        }
      }
    }
    expect(noticedAfter.length).toBeGreaterThan(0);
    // Whole simulated seconds: the cut happens within a tick, the notice on the first tick past it.
    for (const s of noticedAfter) expect(s).toBeGreaterThanOrEqual(59);
    for (const s of noticedAfter) expect(s).toBeLessThanOrEqual(72);
  });

  it("opens with the CI client already holding half its share of boards", async () => {
    const lab = await simulatedLab(5);
    lab.simulation.warmUp();
    await new Promise((resolve) => setImmediate(resolve));
    const ci = lab.store.leases().filter((l) => l.client === "ci-bot" && !l.ended);
    expect(ci).toHaveLength(2);
    expect(ci.every((l) => l.exporter !== undefined)).toBe(true);
  });

  it("replays the same lab for the same seed, and another for another seed", async () => {
    // No hook failures here: a failed hook ends a lease when a wall-clock timer fires.
    const one = await (await simulatedLab(7, 0)).run(60);
    const two = await (await simulatedLab(7, 0)).run(60);
    const other = await (await simulatedLab(8, 0)).run(60);
    expect(two).toEqual(one);
    expect(other).not.toEqual(one);
  });

  it("fails hooks by chance and repairs them, except on a board set to always fail", async () => {
    const lab = await simulatedLab(3);
    const policy = lab.simulation.hookPolicy();
    const board = lab.store.exporter("rpi5-a");
    const broken = lab.store.exporter("broken");
    if (board === undefined || broken === undefined) throw new Error("scenario boards missing");
    const run = policy.run(board, "before");
    expect(run.failure).toEqual(expect.any(String));
    expect(run.durationMs).toBeGreaterThanOrEqual(1000);
    expect(run.durationMs).toBeLessThanOrEqual(3000);
    expect(policy.recoveryDelayMs(board)).toBeGreaterThanOrEqual(60_000);
    expect(policy.run(broken, "before").failure).toBe("flash timeout");
    expect(policy.recoveryDelayMs(broken)).toBeUndefined();
    expect(policy.run(broken, "after")).toEqual({ durationMs: 0, failure: undefined });
  });
});
