// The simulation drives the real engine and store; a seed replays the same lab.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { LabEngine } from "./engine.js";
import { applyScenario } from "./scenario-apply.js";
import { validateScenario, type Scenario } from "./scenario.js";
import { LabSimulation } from "./simulation.js";
import { LabStore } from "./store.js";

const scenario: Scenario = {
  namespace: "lab",
  clients: [{ name: "ci-bot", token: "ci-bot-token" }],
  exporters: [
    ...["a", "b", "c", "d", "e", "f"].map((n) => ({ name: `rpi5-${n}`, labels: { board: "rpi5" }, hooks: { before: "2s", after: "3s" } })),
    { name: "broken", labels: { board: "x" }, hooks: { before: "1s", fail: "before" as const, failMessage: "flash timeout" } },
  ],
  simulation: {
    seed: 1,
    tick: "1s",
    outages: { every: "20s", duration: "5s..10s" },
    hooks: { jitter: 0.5, failureRate: 1, repairAfter: "1m..2m" },
    traffic: { client: "ci-bot", every: "4s", duration: "1m..5m", maxActive: 3, selectors: ["board=rpi5"], tags: { pipeline: "nightly" } },
  },
};

const closers: (() => void)[] = [];
afterEach(() => {
  for (const close of closers.splice(0)) close();
});

function simulatedLab(seed: number, failureRate = 1) {
  const dir = mkdtempSync(join(tmpdir(), "lab-sim-"));
  const store = new LabStore(dir);
  const lab = validateScenario(scenario);
  const config = lab.simulation;
  if (config === undefined) throw new Error("scenario without simulation");
  let clock = 1_700_000_000_000;
  const now = () => clock;
  applyScenario(store, lab, now());
  const engine = new LabEngine(store, { now });
  const simulation = new LabSimulation({ store, engine, config: { ...config, seed, hooks: { ...config.hooks, failureRate } }, now });
  engine.setHookPolicy(simulation.hookPolicy());
  engine.start();
  closers.push(() => {
    engine.stop();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    store,
    simulation,
    /** Runs `ticks` simulation ticks, one simulated second apart, and records what happened. */
    async run(ticks: number): Promise<string[]> {
      const events: string[] = [];
      for (let i = 0; i < ticks; i += 1) {
        clock += 1000;
        simulation.tick();
        await new Promise((resolve) => setImmediate(resolve));
        const offline = store.exporters().filter((e) => !e.online).map((e) => e.name);
        const leases = store.leases().map((l) => `${l.selector}:${l.durationMs}:${l.tags.job ?? ""}`);
        events.push(`${i} offline=[${offline.join(",")}] leases=[${leases.join(" ")}]`);
      }
      return events;
    },
  };
}

describe("lab simulation", () => {
  it("takes boards offline and back, and leases boards for the CI client", async () => {
    const lab = simulatedLab(42);
    const events = await lab.run(120);
    expect(events.some((e) => !e.includes("offline=[]"))).toBe(true);
    expect(events.at(-1)).toBeDefined();
    const ci = lab.store.leases().filter((l) => l.client === "ci-bot");
    expect(ci.length).toBeGreaterThan(0);
    expect(ci.every((l) => l.selector === "board=rpi5" && l.tags.pipeline === "nightly")).toBe(true);
    expect(ci.filter((l) => !l.ended).length).toBeLessThanOrEqual(3);
    const cameBack = lab.store.exporters().filter((e) => e.name.startsWith("rpi5")).some((e) => e.online);
    expect(cameBack).toBe(true);
  });

  it("opens with the CI client already holding half its share of boards", async () => {
    const lab = simulatedLab(5);
    lab.simulation.warmUp();
    await new Promise((resolve) => setImmediate(resolve));
    const ci = lab.store.leases().filter((l) => l.client === "ci-bot" && !l.ended);
    expect(ci).toHaveLength(2);
    expect(ci.every((l) => l.exporter !== undefined)).toBe(true);
  });

  it("replays the same lab for the same seed, and another for another seed", async () => {
    // No hook failures here: a failed hook ends a lease when a wall-clock timer fires.
    const one = await simulatedLab(7, 0).run(60);
    const two = await simulatedLab(7, 0).run(60);
    const other = await simulatedLab(8, 0).run(60);
    expect(two).toEqual(one);
    expect(other).not.toEqual(one);
  });

  it("fails hooks by chance and repairs them, except on a board set to always fail", () => {
    const lab = simulatedLab(3);
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
