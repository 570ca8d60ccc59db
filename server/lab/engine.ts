// The controller's reconcile loop without Kubernetes [L1]-[L8], [TM3],
// [TM4], [RL1]-[RL4]: passes over leases (assignment, Pending retries with
// backoff, expiry, release), and simulated exporters running their lease
// hooks and reporting the statuses upstream exporters report [S2]. Every
// change is committed to the store before anyone is told about it.
import { leaseExpiryMs, wholeSecondMs, type ReconciledLeaseTimes } from "../../src/domain/lease-times.js";
import { EMPTY_SELECTOR, isEmptySelector, parseSelector, type Selector } from "../../src/domain/selector.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { chooseExporter } from "./assignment.js";
import { CONDITION_TEXTS, findCondition, sameConditions, setCondition, type ConditionChange } from "./conditions.js";
import { canServeLeases, EXPORTER_TEXTS } from "./exporter-status.js";
import { scenarioHooks, type HookKind, type HookPolicy } from "./hooks.js";
import type { AccessPolicyRecord, ExporterRecord, LeaseRecord, StoredCondition } from "./records.js";
import { Scheduler } from "./scheduler.js";
import { SelectorMatches } from "./selector-matches.js";
import type { LabStore } from "./store.js";

/** [L7] Pending retries: the smallest of these at least the time already waited, then every 30 s. */
export const PENDING_RETRY_STEPS_MS = [1_000, 2_000, 4_000, 8_000, 16_000] as const;
export const PENDING_RETRY_MAX_MS = 30_000;

/** Parsed lease selectors kept at once (a lab's leases share a few). */
const MAX_PARSED_SELECTORS = 1_024;

export function pendingRetryDelayMs(waitedMs: number): number {
  return PENDING_RETRY_STEPS_MS.find((d) => d >= waitedMs) ?? PENDING_RETRY_MAX_MS;
}

export interface NewLease {
  readonly name: string;
  readonly client: string;
  /** Normalised selector text ("" when only exporter_name is given). */
  readonly selector: string;
  readonly exporterName: string | undefined;
  readonly times: ReconciledLeaseTimes;
  readonly tags: Readonly<Record<string, string>>;
  readonly context: Readonly<Record<string, string>>;
  readonly allowDisabled: boolean;
}

export interface LeaseChanges {
  readonly times?: ReconciledLeaseTimes;
  readonly client?: string;
}

export interface EngineOptions {
  readonly now?: () => number;
  readonly hooks?: HookPolicy;
  readonly policies?: readonly AccessPolicyRecord[];
  readonly log?: (message: string) => void;
}

/** Only conditions change in a pass that neither assigns nor ends. */
function sameLease(a: LeaseRecord, b: LeaseRecord): boolean {
  return a.exporter === b.exporter && a.ended === b.ended && sameConditions(a.conditions, b.conditions);
}

function sameTimes(lease: LeaseRecord, times: ReconciledLeaseTimes): boolean {
  return lease.durationMs === times.durationMs && lease.beginMs === times.beginMs && lease.endMs === times.endMs;
}

export class LabEngine {
  private readonly now: () => number;
  private readonly scheduler: Scheduler;
  private readonly log: (message: string) => void;
  private readonly policies: readonly AccessPolicyRecord[];
  private hooks: HookPolicy;
  /** Parsed lease selectors by their (normalised) text. */
  private readonly selectors = new Map<string, Selector>();
  private readonly matches: SelectorMatches;
  /** Exporters changed since the waiting leases were last looked at. */
  private readonly changedExporters = new Set<string>();
  private stopped = false;

  constructor(
    private readonly store: LabStore,
    options: EngineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.scheduler = new Scheduler(this.now);
    this.hooks = options.hooks ?? scenarioHooks;
    this.policies = options.policies ?? [];
    this.log = options.log ?? (() => undefined);
    this.matches = new SelectorMatches(store);
  }

  setHookPolicy(policy: HookPolicy): void {
    this.hooks = policy;
  }

  /** Picks up where the last run stopped: frees exporters of ended leases, restarts timers, passes over every lease not ended. */
  start(): void {
    const now = this.now();
    const freed: ExporterRecord[] = [];
    for (const e of this.store.exporters()) {
      const lease = e.leaseName === undefined ? undefined : this.store.lease(e.leaseName);
      if (e.leaseName !== undefined && (lease === undefined || lease.ended)) freed.push(this.afterLease(e, now));
    }
    if (freed.length > 0) this.store.commit({ exporters: freed });
    for (const e of this.store.exporters()) this.scheduleExporter(e);
    for (const lease of this.leasesNotEnded()) this.pass(lease.name);
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.stop();
  }

  // ---------------------------------------------------------------------------
  // Changes from ClientService and the simulation

  createLease(spec: NewLease): LeaseRecord {
    const record: LeaseRecord = {
      name: spec.name,
      seq: this.store.nextLeaseSeq(),
      client: spec.client,
      selector: spec.selector,
      exporterName: spec.exporterName,
      durationMs: spec.times.durationMs,
      beginMs: spec.times.beginMs,
      endMs: spec.times.endMs,
      effectiveBeginMs: undefined,
      effectiveEndMs: undefined,
      exporter: undefined,
      priority: 0,
      spot: false,
      conditions: [],
      tags: spec.tags,
      context: spec.context,
      allowDisabled: spec.allowDisabled,
      generation: 1,
      released: false,
      ended: false,
      createdMs: this.now(),
    };
    this.store.commit({ leases: [record] });
    this.log(`lease ${record.name} created by ${record.client} (${record.selector || `exporter ${record.exporterName ?? "?"}`})`);
    // [C9] the create answers with the lease as stored; assignment follows asynchronously.
    this.passSoon(record.name);
    return record;
  }

  /** [U7]-[U10]: last writer wins; the generation moves only when the requested part changed [O3]. */
  updateLease(name: string, changes: LeaseChanges): LeaseRecord {
    const lease = this.store.lease(name);
    if (lease === undefined) throw new Error(`lease ${name} vanished`);
    const times = changes.times;
    const changed = (times !== undefined && !sameTimes(lease, times)) || (changes.client !== undefined && changes.client !== lease.client);
    const updated: LeaseRecord = {
      ...lease,
      ...(times === undefined ? {} : { durationMs: times.durationMs, beginMs: times.beginMs, endMs: times.endMs }),
      client: changes.client ?? lease.client,
      generation: changed ? lease.generation + 1 : lease.generation,
    };
    this.store.commit({ leases: [updated] });
    if (changed && !updated.ended) this.passSoon(name);
    return updated;
  }

  /** [D4]/[RL1]: sets the release flag; the lease ends at the next pass. */
  requestRelease(name: string, by: string): LeaseRecord {
    const lease = this.store.lease(name);
    if (lease === undefined) throw new Error(`lease ${name} vanished`);
    const updated: LeaseRecord = { ...lease, released: true, generation: lease.generation + 1 };
    this.store.commit({ leases: [updated] });
    this.log(`lease ${name} marked for release by ${by}`);
    if (!updated.ended) this.passSoon(name);
    return updated;
  }

  /** The simulation's outages: an exporter loses its connection, or reconnects and registers again [S1]/[S3]. */
  setExporterConnected(name: string, connected: boolean): void {
    const e = this.store.exporter(name);
    if (e === undefined || e.connection === "never") return;
    if (connected === (e.connection === "connected")) return;
    const next: ExporterRecord = connected
      ? { ...e, connection: "connected", ...this.reconnectedStatus(e) }
      : { ...e, connection: "lost" };
    this.store.commit({ exporters: [next] });
    this.log(`exporter ${name} ${connected ? "reconnected" : "lost its connection"}`);
    this.exporterChanged([name]);
  }

  // ---------------------------------------------------------------------------
  // Timers

  private leasesNotEnded(): LeaseRecord[] {
    return this.store.leasesNotEnded();
  }

  private selectorOf(lease: LeaseRecord): Selector {
    let selector = this.selectors.get(lease.selector);
    if (selector === undefined) {
      const parsed = parseSelector(lease.selector);
      selector = parsed.ok ? parsed.selector : EMPTY_SELECTOR;
      // Bounded: clients choose selectors; the oldest goes first.
      if (this.selectors.size >= MAX_PARSED_SELECTORS) this.selectors.delete(this.selectors.keys().next().value ?? "");
      this.selectors.set(lease.selector, selector);
    }
    return selector;
  }

  /** [L2] step 3's raw material: the pinned exporter, or those the selector matches (the rest could never be chosen). */
  private candidatesFor(lease: LeaseRecord): ExporterRecord[] {
    if (lease.exporterName !== undefined) {
      const pinned = this.store.exporter(lease.exporterName);
      return pinned === undefined ? [] : [pinned];
    }
    const selector = this.selectorOf(lease);
    return isEmptySelector(selector) ? [] : this.matches.exporters(lease.selector, selector);
  }

  private guarded(what: string, fn: () => void): void {
    if (this.stopped) return;
    try {
      fn();
    } catch (e) {
      // A timer must never take the process down; the next wake-up retries.
      console.error(`lab engine: ${what} failed:`, e);
    }
  }

  private passSoon(name: string): void {
    setImmediate(() => this.guarded(`pass over lease ${name}`, () => this.pass(name)));
  }

  private scheduleLease(name: string, atMs: number | undefined): void {
    const key = `lease:${name}`;
    if (atMs === undefined) this.scheduler.cancel(key);
    else this.scheduler.schedule(key, atMs, () => this.guarded(`pass over lease ${name}`, () => this.pass(name)));
  }

  private scheduleExporter(e: ExporterRecord): void {
    const key = `exporter:${e.name}`;
    const at = [e.hookUntilMs, e.repairAtMs].filter((t): t is number => t !== undefined);
    if (at.length === 0) this.scheduler.cancel(key);
    else this.scheduler.schedule(key, Math.min(...at), () => this.guarded(`exporter ${e.name}`, () => this.advanceExporter(e.name)));
  }

  /**
   * [L1]/[L7] (HEAD): an exporter changed, so waiting leases are looked at again at once, oldest first.
   * Only those the exporter could serve (its name pinned, or its labels matched): for the others
   * nothing a pass reads has changed, and a pass over each would cost lab-size work per lease.
   */
  private exporterChanged(names: Iterable<string>): void {
    const queued = this.changedExporters.size > 0;
    for (const name of names) this.changedExporters.add(name);
    if (queued || this.changedExporters.size === 0) return;
    setImmediate(() => {
      const changed = [...this.changedExporters].map((name) => ({ name, record: this.store.exporter(name) }));
      this.changedExporters.clear();
      this.guarded("waiting leases", () => {
        const now = this.now();
        for (const lease of this.leasesNotEnded()) {
          if (lease.exporter !== undefined || (lease.beginMs !== undefined && lease.beginMs > now)) continue;
          if (!changed.some((e) => this.couldServe(lease, e.name, e.record))) continue;
          this.pass(lease.name);
        }
      });
    });
  }

  /** Could this exporter be among the lease's candidates [L2] step 3? A vanished one counts, to be safe. */
  private couldServe(lease: LeaseRecord, name: string, exporter: ExporterRecord | undefined): boolean {
    if (lease.exporterName !== undefined) return lease.exporterName === name;
    return exporter === undefined || this.matches.matchesExporter(lease.selector, this.selectorOf(lease), name);
  }

  // ---------------------------------------------------------------------------
  // A pass over a lease [L2]

  private pass(name: string): void {
    const lease = this.store.lease(name);
    if (lease === undefined || lease.ended) {
      this.scheduleLease(name, undefined);
      return;
    }
    const now = this.now();
    // [O2] what the pass stores (actual begin and end, transition times) has whole-second precision.
    const stamp = wholeSecondMs(now);
    let next: LeaseRecord = lease;
    let exporters: ExporterRecord[] = [];
    let retryAt: number | undefined;
    let failed = false;
    const set = (change: ConditionChange): void => {
      next = { ...next, conditions: setCondition(next.conditions, change, next.generation, stamp) };
    };

    if (lease.exporter === undefined && !(lease.beginMs !== undefined && lease.beginMs > now)) {
      const client = this.store.client(lease.client);
      const outcome = chooseExporter(
        {
          selector: this.selectorOf(lease),
          selectorText: lease.selector,
          exporterName: lease.exporterName,
          allowDisabled: lease.allowDisabled,
          durationMs: lease.durationMs,
          clientLabels: client?.labels ?? {},
        },
        this.candidatesFor(lease),
        this.policies,
        (holder) => this.store.lease(holder)?.spot === true,
      );
      switch (outcome.kind) {
        case "invalid":
          set({ type: "Invalid", status: "True", reason: outcome.reason, message: outcome.message });
          failed = true;
          break;
        case "unsatisfiable":
          set({ type: "Unsatisfiable", status: "True", reason: outcome.reason, message: outcome.message });
          failed = true;
          break;
        case "pending": {
          set({ type: "Pending", status: "True", reason: outcome.reason, message: outcome.message });
          const since = findCondition(next.conditions, "Pending")?.lastTransitionMs ?? now;
          retryAt = now + pendingRetryDelayMs(now - since);
          break;
        }
        case "assign": {
          const exporter = this.store.exporter(outcome.exporter);
          if (exporter === undefined) throw new Error(`exporter ${outcome.exporter} vanished during assignment`);
          next = { ...next, exporter: exporter.name, effectiveBeginMs: stamp, priority: outcome.priority, spot: outcome.spot };
          set({ type: "Ready", status: "True", reason: "Ready", message: CONDITION_TEXTS.ready });
          exporters = [this.beforeLease(exporter, lease.name, now)];
          this.log(`lease ${lease.name} of ${lease.client} got ${exporter.name}`);
          break;
        }
      }
    }

    // Then, in the same pass: failure ends it; else the release flag; else expiry [L2], [TM3].
    let ended = false;
    if (failed) {
      ended = true;
    } else if (next.released) {
      set({ type: "Ready", status: "False", reason: "Released", message: CONDITION_TEXTS.released });
      ended = true;
    } else if (next.exporter !== undefined) {
      const expiry = leaseExpiryMs(next);
      if (expiry !== undefined && now >= expiry) {
        set({ type: "Ready", status: "False", reason: "Expired", message: CONDITION_TEXTS.expired });
        ended = true;
      } else {
        retryAt = expiry;
      }
    } else if (next.beginMs !== undefined && next.beginMs > now) {
      retryAt = next.beginMs; // [L2] step 1: examined at its begin time.
    }

    if (ended) {
      next = { ...next, ended: true, ...(next.exporter === undefined ? {} : { effectiveEndMs: stamp }) };
      const holding = next.exporter === undefined ? undefined : (exporters[0] ?? this.store.exporter(next.exporter));
      // [L8] the exporter is freed at once.
      if (holding !== undefined && holding.leaseName === lease.name) exporters = [this.afterLease(holding, now)];
      const last: StoredCondition | undefined = next.conditions[next.conditions.length - 1];
      this.log(`lease ${lease.name} ended: ${last?.reason ?? "?"}`);
    }
    // A pass that changed nothing (a retry finding the same situation) writes nothing.
    if (next !== lease && !(exporters.length === 0 && !ended && sameLease(next, lease))) this.store.commit({ leases: [next], exporters });
    this.scheduleLease(name, ended ? undefined : retryAt);
    for (const e of exporters) this.scheduleExporter(e);
    if (exporters.length > 0) this.exporterChanged(exporters.map((e) => e.name));
  }

  // ---------------------------------------------------------------------------
  // Simulated exporters [S2]

  /** What an exporter reports when a lease starts: its beforeLease hook, or ready for commands. */
  private beforeLease(e: ExporterRecord, leaseName: string, now: number): ExporterRecord {
    const hook = this.hooks.run(e, "before");
    if (hook.durationMs > 0 || hook.failure !== undefined) {
      return {
        ...e,
        leaseName,
        reportedStatus: ExporterStatus.BEFORE_LEASE_HOOK,
        reportedMessage: EXPORTER_TEXTS.beforeHook,
        hook: "before",
        hookUntilMs: now + hook.durationMs,
        hookFailure: hook.failure,
      };
    }
    return { ...e, leaseName, reportedStatus: ExporterStatus.LEASE_READY, reportedMessage: EXPORTER_TEXTS.ready, hook: undefined, hookUntilMs: undefined, hookFailure: undefined };
  }

  /** What an exporter does once its lease is over: its afterLease hook, or available again. */
  private afterLease(e: ExporterRecord, now: number): ExporterRecord {
    const freed = { ...e, leaseName: undefined };
    // A board whose beforeLease hook failed skips its afterLease hook and stays failed until repaired.
    if (e.reportedStatus === ExporterStatus.BEFORE_LEASE_HOOK_FAILED || e.reportedStatus === ExporterStatus.AFTER_LEASE_HOOK_FAILED) {
      return { ...freed, hook: undefined, hookUntilMs: undefined, hookFailure: undefined };
    }
    const hook = this.hooks.run(e, "after");
    if (hook.durationMs > 0 || hook.failure !== undefined) {
      return {
        ...freed,
        reportedStatus: ExporterStatus.AFTER_LEASE_HOOK,
        reportedMessage: EXPORTER_TEXTS.afterHook,
        hook: "after",
        hookUntilMs: now + hook.durationMs,
        hookFailure: hook.failure,
      };
    }
    return { ...freed, reportedStatus: ExporterStatus.AVAILABLE, reportedMessage: EXPORTER_TEXTS.availableAgain, hook: undefined, hookUntilMs: undefined, hookFailure: undefined };
  }

  /** [S1] An exporter that reconnects registers again and reports where it stands. */
  private reconnectedStatus(e: ExporterRecord): Pick<ExporterRecord, "reportedStatus" | "reportedMessage"> {
    if (e.leaseName !== undefined) return { reportedStatus: ExporterStatus.LEASE_READY, reportedMessage: EXPORTER_TEXTS.ready };
    if (e.reportedStatus === ExporterStatus.BEFORE_LEASE_HOOK_FAILED || e.reportedStatus === ExporterStatus.AFTER_LEASE_HOOK_FAILED) {
      return { reportedStatus: e.reportedStatus, reportedMessage: e.reportedMessage };
    }
    return { reportedStatus: ExporterStatus.AVAILABLE, reportedMessage: EXPORTER_TEXTS.registered };
  }

  /** A hook finished, or a failed board was repaired. */
  private advanceExporter(name: string): void {
    const e = this.store.exporter(name);
    if (e === undefined) return;
    const now = this.now();
    if (e.hook !== undefined && e.hookUntilMs !== undefined && now >= e.hookUntilMs) {
      this.finishHook(e, e.hook, now);
      return;
    }
    if (e.repairAtMs !== undefined && now >= e.repairAtMs) {
      const repaired: ExporterRecord = {
        ...e,
        repairAtMs: undefined,
        ...(e.leaseName === undefined ? { reportedStatus: ExporterStatus.AVAILABLE, reportedMessage: EXPORTER_TEXTS.availableAgain } : {}),
      };
      this.store.commit({ exporters: [repaired] });
      this.log(`exporter ${name} was repaired`);
      this.scheduleExporter(repaired);
      this.exporterChanged([name]);
      return;
    }
    this.scheduleExporter(e);
  }

  private finishHook(e: ExporterRecord, kind: HookKind, now: number): void {
    const done = { ...e, hook: undefined, hookUntilMs: undefined, hookFailure: undefined };
    let next: ExporterRecord;
    if (e.hookFailure === undefined) {
      next =
        kind === "before"
          ? { ...done, reportedStatus: ExporterStatus.LEASE_READY, reportedMessage: EXPORTER_TEXTS.ready }
          : { ...done, reportedStatus: ExporterStatus.AVAILABLE, reportedMessage: EXPORTER_TEXTS.availableAgain };
    } else {
      const repairIn = this.hooks.recoveryDelayMs(e);
      next = {
        ...done,
        reportedStatus: kind === "before" ? ExporterStatus.BEFORE_LEASE_HOOK_FAILED : ExporterStatus.AFTER_LEASE_HOOK_FAILED,
        reportedMessage: kind === "before" ? EXPORTER_TEXTS.beforeHookFailed(e.hookFailure) : EXPORTER_TEXTS.afterHookFailed(e.hookFailure),
        repairAtMs: repairIn === undefined ? undefined : now + repairIn,
      };
      this.log(`exporter ${e.name}: ${kind}Lease hook failed: ${e.hookFailure}`);
    }
    this.store.commit({ exporters: [next] });
    this.scheduleExporter(next);
    // [RL4] with onFailure: endLease the exporter releases its lease itself.
    if (kind === "before" && e.hookFailure !== undefined && e.leaseName !== undefined) {
      const lease = this.store.lease(e.leaseName);
      if (lease !== undefined && !lease.ended && !lease.released) this.requestRelease(lease.name, `exporter ${e.name}`);
    }
    if (canServeLeases(next)) this.exporterChanged([next.name]);
  }
}
