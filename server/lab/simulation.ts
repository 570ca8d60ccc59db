// Keeps a lab alive: boards drop off the network and come back, hooks take
// varying time and sometimes fail (and get repaired), and a CI client leases
// boards in the background. It drives the same engine the RPCs use; all chance
// comes from one seeded PRNG.
import { formatSelector, matchesSelector, parseSelector, type Selector } from "../../src/domain/selector.js";
import { uuidv7 } from "../../src/domain/uuidv7.js";
import type { LabEngine } from "./engine.js";
import { exporterLabels } from "./exporter-status.js";
import type { HookPolicy } from "./hooks.js";
import { between, mulberry32, pick, type Random } from "./prng.js";
import { DEFAULT_HOOK_FAILURE, type SimulationConfig } from "./scenario.js";
import type { LabStore } from "./store.js";

/** Boards the simulation cut off, when they come back, and when the controller notices (kept across restarts). */
const OUTAGES_META = "simulation.outages";

/**
 * [S3] A silent exporter is marked offline once its last contact is more than
 * a minute old, at the controller's next check (every 30 s): 60-70 s after an
 * outage began, so a short outage goes unnoticed.
 */
export const NOTICED_AFTER_MS = { minMs: 60_000, maxMs: 70_000 } as const;

interface Outage {
  readonly until: number;
  /** When the controller marks the board offline; undefined once it has. */
  readonly noticedAt: number | undefined;
}

function loadOutages(saved: string | undefined): Map<string, Outage> {
  const entries = saved === undefined ? [] : (JSON.parse(saved) as (string | number | null)[][]);
  // Entries of older versions ([name, until]) were offline already.
  return new Map(entries.map(([name, until, noticedAt]) => [String(name), { until: Number(until), noticedAt: typeof noticedAt === "number" ? noticedAt : undefined }]));
}

function saveOutages(store: LabStore, outages: ReadonlyMap<string, Outage>): void {
  store.setMeta(OUTAGES_META, JSON.stringify([...outages].map(([name, o]) => [name, o.until, o.noticedAt ?? null])));
}

/** Without a simulation, boards it had taken offline would stay down for good: bring them back. */
export function endSimulatedOutages(store: LabStore, engine: LabEngine): void {
  for (const [name, outage] of loadOutages(store.getMeta(OUTAGES_META))) {
    if (outage.noticedAt === undefined) engine.setExporterConnected(name, true);
  }
  store.setMeta(OUTAGES_META, "[]");
}

export interface SimulationDeps {
  readonly store: LabStore;
  readonly engine: LabEngine;
  readonly config: SimulationConfig;
  readonly now: () => number;
  readonly log?: (message: string) => void;
}

function parsed(text: string): Selector {
  const result = parseSelector(text);
  if (!result.ok) throw new Error(`simulation selector ${JSON.stringify(text)} does not parse`);
  return result.selector;
}

export class LabSimulation {
  // One stream per concern, so hook timing (which follows the wall clock)
  // never shifts the sequence of outages and CI leases.
  private readonly outageRandom: Random;
  private readonly trafficRandom: Random;
  private readonly hookRandom: Random;
  private readonly outages: Map<string, Outage>;
  private readonly earlyReleases = new Map<string, number>();
  private readonly outageSelector: Selector;
  private readonly trafficSelectors: string[];
  private timer: NodeJS.Timeout | undefined;
  private jobCounter = 0;

  constructor(private readonly deps: SimulationDeps) {
    this.outageRandom = mulberry32(deps.config.seed);
    this.trafficRandom = mulberry32(deps.config.seed ^ 0x9e3779b9);
    this.hookRandom = mulberry32(deps.config.seed ^ 0x85ebca6b);
    this.outages = loadOutages(deps.store.getMeta(OUTAGES_META));
    this.outageSelector = parsed(deps.config.outages?.selector ?? "");
    this.trafficSelectors = (deps.config.traffic?.selectors ?? []).map((s) => formatSelector(parsed(s)));
  }

  /** The boards whose connection is cut right now, noticed by the controller or not. */
  cutOff(): string[] {
    return [...this.outages.keys()];
  }

  /** Hook durations with jitter, random failures, and repairs after a while. */
  hookPolicy(): HookPolicy {
    const { hooks } = this.deps.config;
    return {
      run: (exporter, kind) => {
        const base = kind === "before" ? exporter.hooks.beforeMs : exporter.hooks.afterMs;
        // Boards without hooks configured have none to run (or fail).
        if (base === 0 && exporter.hooks.fail !== kind) return { durationMs: 0, failure: undefined };
        const random = this.hookRandom;
        const durationMs = Math.max(0, Math.round(base * (1 + hooks.jitter * (2 * random() - 1))));
        if (exporter.hooks.fail === kind) return { durationMs, failure: exporter.hooks.failMessage || DEFAULT_HOOK_FAILURE };
        const failure = random() < hooks.failureRate ? pick(random, hooks.messages) : undefined;
        return { durationMs, failure };
      },
      // A board configured to fail keeps failing: nobody fixes it for good.
      recoveryDelayMs: (exporter) =>
        exporter.hooks.fail === "never" ? between(this.hookRandom, hooks.repairAfter.minMs, hooks.repairAfter.maxMs) : undefined,
    };
  }

  /** Opens on a lab already in use: the CI client starts with half its share of boards. */
  warmUp(): void {
    const traffic = this.deps.config.traffic;
    if (traffic === undefined || this.deps.store.client(traffic.client) === undefined) return;
    const wanted = Math.ceil(traffic.maxActive / 2);
    while (this.activeCiLeases(traffic.client) < wanted) this.createCiLease();
  }

  start(): void {
    this.warmUp();
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (e) {
        console.error("lab simulation: tick failed:", e);
      }
    }, this.deps.config.tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  tick(): void {
    this.outageTick();
    this.trafficTick();
  }

  private chance(random: Random, everyMs: number): boolean {
    return random() < this.deps.config.tickMs / everyMs;
  }

  private outageTick(): void {
    const { store, engine, config, now } = this.deps;
    const t = now();
    let changed = false;
    for (const [name, outage] of [...this.outages]) {
      if (outage.until <= t) {
        // Back: it registers again; if the controller never noticed, nothing shows.
        this.outages.delete(name);
        if (outage.noticedAt === undefined) engine.setExporterConnected(name, true);
        changed = true;
      } else if (outage.noticedAt !== undefined && outage.noticedAt <= t) {
        this.outages.set(name, { until: outage.until, noticedAt: undefined });
        engine.setExporterConnected(name, false);
        changed = true;
      }
    }
    const outages = config.outages;
    if (outages !== undefined) {
      for (const e of store.exporters()) {
        // Boards the scenario declares offline or never seen stay so; the rest lose their connection now and then.
        if (e.connection !== "connected" || this.outages.has(e.name) || !matchesSelector(this.outageSelector, exporterLabels(e))) continue;
        if (!this.chance(this.outageRandom, outages.everyMs)) continue;
        const until = t + between(this.outageRandom, outages.duration.minMs, outages.duration.maxMs);
        this.outages.set(e.name, { until, noticedAt: t + between(this.outageRandom, NOTICED_AFTER_MS.minMs, NOTICED_AFTER_MS.maxMs) });
        changed = true;
      }
    }
    if (changed) saveOutages(store, this.outages);
  }

  private trafficTick(): void {
    const { store, engine, config, now } = this.deps;
    const traffic = config.traffic;
    if (traffic === undefined || store.client(traffic.client) === undefined) return;
    const t = now();
    for (const [name, at] of [...this.earlyReleases]) {
      if (at > t) continue;
      this.earlyReleases.delete(name);
      const lease = store.lease(name);
      if (lease !== undefined && !lease.ended && !lease.released) engine.requestRelease(name, `client ${traffic.client}`);
    }
    const random = this.trafficRandom;
    if (!this.chance(random, traffic.everyMs)) return;
    if (this.activeCiLeases(traffic.client) >= traffic.maxActive) return;
    this.createCiLease();
  }

  private activeCiLeases(client: string): number {
    return this.deps.store.leases().filter((l) => l.client === client && !l.ended).length;
  }

  private createCiLease(): void {
    const { engine, config, now } = this.deps;
    const traffic = config.traffic;
    if (traffic === undefined) return;
    const random = this.trafficRandom;
    const t = now();
    const durationMs = between(random, traffic.duration.minMs, traffic.duration.maxMs);
    const selector = pick(random, this.trafficSelectors);
    const releaseEarly = random() < traffic.releaseEarly;
    const holdFraction = 0.2 + 0.6 * random();
    this.jobCounter += 1;
    const lease = engine.createLease({
      name: uuidv7(t),
      client: traffic.client,
      selector,
      exporterName: undefined,
      times: { durationMs },
      tags: { ...traffic.tags, job: String(1000 + this.jobCounter) },
      context: {},
      allowDisabled: false,
    });
    if (releaseEarly) this.earlyReleases.set(lease.name, t + Math.round(durationMs * holdFraction));
    this.deps.log?.(`simulation: ${traffic.client} asked for ${selector} for ${Math.round(durationMs / 1000)}s`);
  }
}
