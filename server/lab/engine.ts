// The controller's reconcile loop without Kubernetes: assigns exporters to
// leases, retries pending leases with backoff, expires and releases leases,
// and runs exporters through their lease hooks. Everything the RPC handlers
// and the simulation change goes through here, and every change is committed
// to the store before anyone is told about it.
import { Code, ConnectError } from "@connectrpc/connect";
import { leaseExpiryMs, type ReconciledLeaseTimes } from "../../src/domain/lease-times.js";
import { EMPTY_SELECTOR, parseSelector, type Selector } from "../../src/domain/selector.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { chooseExporter } from "./assignment.js";
import { clearPending, observeGeneration, setCondition, type ConditionChange } from "./conditions.js";
import { scenarioHooks, type HookKind, type HookPolicy } from "./hooks.js";
import type { ExporterRecord, LeaseRecord, StoredCondition } from "./records.js";
import { Scheduler } from "./scheduler.js";
import type { ExporterDraft, LabStore } from "./store.js";

export const FIRST_RETRY_MS = 1_000;
export const MAX_RETRY_MS = 10_000;

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
  readonly log?: (message: string) => void;
}

const iso = (ms: number): string => new Date(ms).toISOString();

function sameConditions(a: readonly StoredCondition[], b: readonly StoredCondition[]): boolean {
  return (
    a.length === b.length &&
    a.every((c, i) => {
      const d = b[i];
      return (
        d !== undefined &&
        c.type === d.type &&
        c.status === d.status &&
        c.reason === d.reason &&
        c.message === d.message &&
        c.observedGeneration === d.observedGeneration &&
        c.lastTransitionMs === d.lastTransitionMs
      );
    })
  );
}

export class LabEngine {
  private readonly now: () => number;
  private readonly scheduler: Scheduler;
  private readonly log: (message: string) => void;
  private hooks: HookPolicy;
  private readonly selectors = new Map<string, Selector>();
  private kickQueued = false;
  private stopped = false;

  constructor(
    private readonly store: LabStore,
    options: EngineOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.scheduler = new Scheduler(this.now);
    this.hooks = options.hooks ?? scenarioHooks;
    this.log = options.log ?? (() => undefined);
  }

  setHookPolicy(policy: HookPolicy): void {
    this.hooks = policy;
  }

  /** Picks up where the last run stopped: hook timers, then every active lease, oldest first. */
  start(): void {
    const now = this.now();
    const orphans: ExporterDraft[] = [];
    for (const e of this.store.exporters()) {
      const lease = e.leaseName === undefined ? undefined : this.store.lease(e.leaseName);
      if (e.leaseName !== undefined && (lease === undefined || lease.ended)) {
        orphans.push({ ...e, leaseName: undefined, ...this.afterHook(e, now) });
      }
    }
    if (orphans.length > 0) this.store.commit({ exporters: orphans });
    for (const e of this.store.exporters()) this.scheduleExporter(e);
    for (const lease of this.activeLeasesOldestFirst()) this.reconcile(lease.name);
  }

  stop(): void {
    this.stopped = true;
    this.scheduler.stop();
  }

  // ---------------------------------------------------------------------------
  // Operations (validated by the caller; state checks here)

  createLease(spec: NewLease): LeaseRecord {
    if (this.store.lease(spec.name) !== undefined) {
      throw new ConnectError(`lease "${spec.name}" already exists`, Code.AlreadyExists);
    }
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
      conditions: [],
      tags: spec.tags,
      context: spec.context,
      allowDisabled: spec.allowDisabled,
      generation: 1,
      ended: false,
      createdMs: this.now(),
      nextRetryMs: undefined,
      retryDelayMs: FIRST_RETRY_MS,
    };
    this.store.commit({ leases: [record] });
    this.log(`lease ${record.name} created by ${record.client} (${record.selector || `exporter ${record.exporterName ?? "?"}`})`);
    // The create answers with the lease as stored; the first reconcile follows right after.
    this.reconcileSoon(record.name);
    return record;
  }

  updateLease(name: string, changes: LeaseChanges): LeaseRecord {
    const lease = this.activeLease(name);
    const times = changes.times;
    const updated: LeaseRecord = {
      ...lease,
      ...(times === undefined ? {} : { durationMs: times.durationMs, beginMs: times.beginMs, endMs: times.endMs }),
      client: changes.client ?? lease.client,
      generation: lease.generation + 1,
    };
    const exporter = lease.exporter === undefined ? undefined : this.store.exporter(lease.exporter);
    // The exporter's status message names the holder, so a transfer rewrites it too.
    const exporters = exporter !== undefined && exporter.leaseName === name && updated.client !== lease.client ? [exporter] : [];
    this.store.commit({ leases: [updated], exporters });
    this.reconcileSoon(name);
    return updated;
  }

  releaseLease(name: string, message: string): LeaseRecord {
    this.activeLease(name);
    return this.end(name, { type: "Ready", status: "False", reason: "Released", message });
  }

  setExporterOnline(name: string, online: boolean): void {
    const e = this.store.exporter(name);
    if (e === undefined || e.online === online) return;
    this.store.commit({ exporters: [{ ...e, online }] });
    this.log(`exporter ${name} is ${online ? "back online" : "offline"}`);
    if (online) this.kick();
  }

  // ---------------------------------------------------------------------------
  // Reconcile

  private activeLease(name: string): LeaseRecord {
    const lease = this.store.lease(name);
    if (lease === undefined) throw new ConnectError(`lease "${name}" not found`, Code.NotFound);
    if (lease.ended) throw new ConnectError(`lease "${name}" has already ended`, Code.FailedPrecondition);
    return lease;
  }

  private activeLeasesOldestFirst(): LeaseRecord[] {
    return this.store
      .leases()
      .filter((l) => !l.ended)
      .sort((a, b) => a.seq - b.seq);
  }

  private selectorOf(lease: LeaseRecord): Selector {
    let selector = this.selectors.get(lease.name);
    if (selector === undefined) {
      const parsed = parseSelector(lease.selector);
      selector = parsed.ok ? parsed.selector : EMPTY_SELECTOR;
      this.selectors.set(lease.name, selector);
    }
    return selector;
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

  private reconcileSoon(name: string): void {
    setImmediate(() => this.guarded(`reconcile of lease ${name}`, () => this.reconcile(name)));
  }

  private scheduleLease(name: string, atMs: number | undefined): void {
    const key = `lease:${name}`;
    if (atMs === undefined) this.scheduler.cancel(key);
    else this.scheduler.schedule(key, atMs, () => this.guarded(`reconcile of lease ${name}`, () => this.reconcile(name)));
  }

  private scheduleExporter(e: Pick<ExporterRecord, "name" | "phaseUntilMs">): void {
    const key = `exporter:${e.name}`;
    if (e.phaseUntilMs === undefined) this.scheduler.cancel(key);
    else this.scheduler.schedule(key, e.phaseUntilMs, () => this.guarded(`exporter ${e.name}`, () => this.advanceExporter(e.name)));
  }

  /** Re-evaluates waiting leases, oldest first, right after an exporter became free. */
  private kick(): void {
    if (this.kickQueued) return;
    this.kickQueued = true;
    setImmediate(() => {
      this.kickQueued = false;
      this.guarded("pending-lease queue", () => {
        const now = this.now();
        for (const lease of this.activeLeasesOldestFirst()) {
          if (lease.exporter !== undefined || (lease.beginMs !== undefined && lease.beginMs > now)) continue;
          this.reconcile(lease.name);
        }
      });
    });
  }

  private reconcile(name: string): void {
    const lease = this.store.lease(name);
    if (lease === undefined || lease.ended) {
      this.scheduleLease(name, undefined);
      return;
    }
    const now = this.now();
    const expiry = leaseExpiryMs(lease);
    if (expiry !== undefined && now >= expiry) {
      this.end(name, { type: "Ready", status: "False", reason: "Expired", message: `the lease ran out at ${iso(expiry)}` });
      return;
    }
    let conditions = observeGeneration(lease.conditions, lease.generation);
    if (lease.exporter !== undefined) {
      if (!sameConditions(conditions, lease.conditions)) this.store.commit({ leases: [{ ...lease, conditions }] });
      this.scheduleLease(name, expiry);
      return;
    }
    if (lease.beginMs !== undefined && now < lease.beginMs) {
      // Scheduled: no condition until begin_time (a pending state from before a reschedule is dropped).
      conditions = conditions.filter((c) => c.type !== "Pending");
      if (!sameConditions(conditions, lease.conditions) || lease.nextRetryMs !== undefined) {
        this.store.commit({ leases: [{ ...lease, conditions, nextRetryMs: undefined, retryDelayMs: FIRST_RETRY_MS }] });
      }
      this.scheduleLease(name, lease.beginMs);
      return;
    }
    const outcome = chooseExporter(
      {
        selector: this.selectorOf(lease),
        selectorText: lease.selector,
        exporterName: lease.exporterName,
        allowDisabled: lease.allowDisabled,
      },
      this.store.exporters(),
    );
    switch (outcome.kind) {
      case "invalid":
        this.end(name, { type: "Invalid", status: "True", reason: outcome.reason, message: outcome.message });
        return;
      case "unsatisfiable":
        this.end(name, { type: "Unsatisfiable", status: "True", reason: outcome.reason, message: outcome.message });
        return;
      case "pending": {
        conditions = setCondition(
          conditions,
          { type: "Pending", status: "True", reason: outcome.reason, message: outcome.message },
          lease.generation,
          now,
        );
        // Only a due retry moves the backoff on; an early re-evaluation keeps the schedule.
        const due = lease.nextRetryMs === undefined || now >= lease.nextRetryMs;
        const nextRetryMs = due ? now + lease.retryDelayMs : (lease.nextRetryMs ?? now);
        const retryDelayMs = due ? Math.min(lease.retryDelayMs * 2, MAX_RETRY_MS) : lease.retryDelayMs;
        if (due || !sameConditions(conditions, lease.conditions)) {
          this.store.commit({ leases: [{ ...lease, conditions, nextRetryMs, retryDelayMs }] });
        }
        this.scheduleLease(name, expiry === undefined ? nextRetryMs : Math.min(nextRetryMs, expiry));
        return;
      }
      case "assign":
        this.assign(lease, conditions, outcome.exporter, now);
        return;
    }
  }

  private assign(lease: LeaseRecord, current: readonly StoredCondition[], exporterName: string, now: number): void {
    const exporter = this.store.exporter(exporterName);
    if (exporter === undefined) throw new Error(`exporter ${exporterName} vanished during assignment`);
    let conditions = clearPending(current, "Ready", `exporter "${exporterName}" was assigned`, lease.generation, now);
    conditions = setCondition(
      conditions,
      { type: "Ready", status: "True", reason: "Ready", message: `exporter "${exporterName}" is assigned to this lease` },
      lease.generation,
      now,
    );
    const updated: LeaseRecord = {
      ...lease,
      exporter: exporterName,
      effectiveBeginMs: now,
      conditions,
      nextRetryMs: undefined,
      retryDelayMs: FIRST_RETRY_MS,
    };
    const hook = this.hooks.run(exporter, "before");
    const held: ExporterDraft =
      hook.durationMs > 0 || hook.failure !== undefined
        ? {
            ...exporter,
            leaseName: lease.name,
            phase: ExporterStatus.BEFORE_LEASE_HOOK,
            phaseUntilMs: now + hook.durationMs,
            hookFailure: hook.failure,
          }
        : { ...exporter, leaseName: lease.name, phase: ExporterStatus.LEASE_READY, phaseUntilMs: undefined, hookFailure: undefined };
    this.store.commit({ leases: [updated], exporters: [held] });
    this.log(`lease ${lease.name} of ${lease.client} is ready on ${exporterName}`);
    this.scheduleLease(lease.name, leaseExpiryMs(updated));
    this.scheduleExporter(held);
  }

  /** What an exporter does once its lease is over: the after-lease hook, or straight to available. */
  private afterHook(exporter: ExporterRecord, now: number): Pick<ExporterDraft, "phase" | "phaseUntilMs" | "hookFailure"> {
    if (exporter.phase === ExporterStatus.BEFORE_LEASE_HOOK_FAILED || exporter.phase === ExporterStatus.AFTER_LEASE_HOOK_FAILED) {
      return { phase: exporter.phase, phaseUntilMs: exporter.phaseUntilMs, hookFailure: exporter.hookFailure };
    }
    const hook = this.hooks.run(exporter, "after");
    if (hook.durationMs > 0 || hook.failure !== undefined) {
      return { phase: ExporterStatus.AFTER_LEASE_HOOK, phaseUntilMs: now + hook.durationMs, hookFailure: hook.failure };
    }
    return { phase: ExporterStatus.AVAILABLE, phaseUntilMs: undefined, hookFailure: undefined };
  }

  /**
   * Ends a lease with a final condition and lets its exporter go. `exporterState`
   * replaces the exporter's next state when the exporter itself gave the lease up.
   */
  private end(name: string, condition: ConditionChange, exporterState?: ExporterDraft): LeaseRecord {
    const lease = this.store.lease(name);
    if (lease === undefined) throw new Error(`lease ${name} vanished`);
    const now = this.now();
    let conditions = observeGeneration(lease.conditions, lease.generation);
    conditions = clearPending(conditions, condition.reason, condition.message, lease.generation, now);
    conditions = setCondition(conditions, condition, lease.generation, now);
    const updated: LeaseRecord = { ...lease, conditions, ended: true, effectiveEndMs: now, nextRetryMs: undefined };
    const exporters: ExporterDraft[] = [];
    if (exporterState !== undefined) exporters.push(exporterState);
    else if (lease.exporter !== undefined) {
      const e = this.store.exporter(lease.exporter);
      if (e?.leaseName === name) exporters.push({ ...e, leaseName: undefined, ...this.afterHook(e, now) });
    }
    this.store.commit({ leases: [updated], exporters });
    this.selectors.delete(name);
    this.scheduleLease(name, undefined);
    this.log(`lease ${name} ended: ${condition.reason} (${condition.message})`);
    for (const e of exporters) {
      this.scheduleExporter(e);
      if (e.phase === ExporterStatus.AVAILABLE) this.kick();
    }
    return updated;
  }

  /** An exporter's hook finished, or its failed hook was fixed. */
  private advanceExporter(name: string): void {
    const e = this.store.exporter(name);
    if (e?.phaseUntilMs === undefined) return;
    const now = this.now();
    if (now < e.phaseUntilMs) {
      this.scheduleExporter(e);
      return;
    }
    switch (e.phase) {
      case ExporterStatus.BEFORE_LEASE_HOOK: {
        if (e.hookFailure === undefined) {
          this.store.commit({ exporters: [{ ...e, phase: ExporterStatus.LEASE_READY, phaseUntilMs: undefined }] });
          return;
        }
        const failed = this.failed(e, "before", now);
        const lease = e.leaseName === undefined ? undefined : this.store.lease(e.leaseName);
        if (lease !== undefined && !lease.ended) {
          this.end(
            lease.name,
            {
              type: "Ready",
              status: "False",
              reason: "Released",
              message: `exporter "${name}" released the lease: before-lease hook failed: ${e.hookFailure}`,
            },
            failed,
          );
        } else {
          this.store.commit({ exporters: [failed] });
          this.scheduleExporter(failed);
        }
        return;
      }
      case ExporterStatus.AFTER_LEASE_HOOK: {
        if (e.hookFailure !== undefined) {
          const failed = this.failed(e, "after", now);
          this.store.commit({ exporters: [failed] });
          this.scheduleExporter(failed);
          return;
        }
        this.store.commit({ exporters: [{ ...e, phase: ExporterStatus.AVAILABLE, phaseUntilMs: undefined }] });
        this.kick();
        return;
      }
      case ExporterStatus.BEFORE_LEASE_HOOK_FAILED:
      case ExporterStatus.AFTER_LEASE_HOOK_FAILED:
        this.store.commit({ exporters: [{ ...e, phase: ExporterStatus.AVAILABLE, phaseUntilMs: undefined, hookFailure: undefined }] });
        this.log(`exporter ${name} was repaired`);
        this.kick();
        return;
      case ExporterStatus.AVAILABLE:
      case ExporterStatus.LEASE_READY:
        this.store.commit({ exporters: [{ ...e, phaseUntilMs: undefined }] });
        return;
    }
  }

  private failed(e: ExporterRecord, kind: HookKind, now: number): ExporterDraft {
    const delay = this.hooks.recoveryDelayMs(e);
    this.log(`exporter ${e.name}: ${kind}-lease hook failed: ${e.hookFailure ?? "?"}`);
    return {
      ...e,
      leaseName: undefined,
      phase: kind === "before" ? ExporterStatus.BEFORE_LEASE_HOOK_FAILED : ExporterStatus.AFTER_LEASE_HOOK_FAILED,
      phaseUntilMs: delay === undefined ? undefined : now + delay,
    };
  }
}
