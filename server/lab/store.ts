// SQLite persistence with an in-memory mirror. Every change goes through
// commit(): one transaction, committed (synchronous=FULL) before the memory
// view moves, so whatever an RPC acknowledged survives a kill -9.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describeExporter } from "./exporter-status.js";
import {
  EXPORTER_PHASES,
  type ClientRecord,
  type ExporterPhase,
  type ExporterRecord,
  type HookConfig,
  type HookFailMode,
  type LeaseRecord,
  type StoredCondition,
} from "./records.js";

const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
  name TEXT PRIMARY KEY,
  token TEXT NOT NULL UNIQUE,
  token_expiry_ms INTEGER,
  scenario_token TEXT NOT NULL,
  rotated INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS exporters (
  name TEXT PRIMARY KEY,
  labels TEXT NOT NULL,
  online INTEGER NOT NULL,
  enabled INTEGER NOT NULL,
  phase INTEGER NOT NULL,
  status INTEGER NOT NULL,
  status_message TEXT NOT NULL,
  lease_name TEXT,
  phase_until_ms INTEGER,
  hook_failure TEXT,
  hooks TEXT NOT NULL,
  scenario_online INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS leases (
  name TEXT PRIMARY KEY,
  seq INTEGER NOT NULL,
  client TEXT NOT NULL,
  selector TEXT NOT NULL,
  exporter_name TEXT,
  duration_ms INTEGER NOT NULL,
  begin_ms INTEGER,
  end_ms INTEGER,
  effective_begin_ms INTEGER,
  effective_end_ms INTEGER,
  exporter TEXT,
  conditions TEXT NOT NULL,
  tags TEXT NOT NULL,
  context TEXT NOT NULL,
  allow_disabled INTEGER NOT NULL,
  generation INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  created_ms INTEGER NOT NULL,
  next_retry_ms INTEGER,
  retry_delay_ms INTEGER NOT NULL
);
`;

interface ClientRow {
  name: string;
  token: string;
  token_expiry_ms: number | null;
  scenario_token: string;
  rotated: number;
}

interface ExporterRow {
  name: string;
  labels: string;
  online: number;
  enabled: number;
  phase: number;
  status: number;
  status_message: string;
  lease_name: string | null;
  phase_until_ms: number | null;
  hook_failure: string | null;
  hooks: string;
  scenario_online: number;
}

interface LeaseRow {
  name: string;
  seq: number;
  client: string;
  selector: string;
  exporter_name: string | null;
  duration_ms: number;
  begin_ms: number | null;
  end_ms: number | null;
  effective_begin_ms: number | null;
  effective_end_ms: number | null;
  exporter: string | null;
  conditions: string;
  tags: string;
  context: string;
  allow_disabled: number;
  generation: number;
  ended: number;
  created_ms: number;
  next_retry_ms: number | null;
  retry_delay_ms: number;
}

/** An exporter as the engine writes it; the store derives status and message. */
export type ExporterDraft = Omit<ExporterRecord, "status" | "statusMessage">;

export interface Changes {
  clients?: readonly ClientRecord[];
  exporters?: readonly ExporterDraft[];
  leases?: readonly LeaseRecord[];
  deleteClients?: readonly string[];
  deleteExporters?: readonly string[];
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function isPhase(n: number): n is ExporterPhase {
  return (EXPORTER_PHASES as readonly number[]).includes(n);
}

function parseHooks(text: string): HookConfig {
  const raw = JSON.parse(text) as { beforeMs: number; afterMs: number; fail: HookFailMode; failMessage: string };
  return { beforeMs: raw.beforeMs, afterMs: raw.afterMs, fail: raw.fail, failMessage: raw.failMessage };
}

/** Keeps a sorted view of a map's values, rebuilt only when keys come or go. */
class SortedMap<T extends { readonly name: string }> {
  private readonly map = new Map<string, T>();
  private sorted: T[] | undefined;

  get(name: string): T | undefined {
    return this.map.get(name);
  }
  set(value: T): void {
    if (!this.map.has(value.name)) this.sorted = undefined;
    else if (this.sorted !== undefined) {
      const i = binarySearch(this.sorted, value.name);
      if (i >= 0) this.sorted[i] = value;
    }
    this.map.set(value.name, value);
  }
  delete(name: string): void {
    if (this.map.delete(name)) this.sorted = undefined;
  }
  values(): readonly T[] {
    this.sorted ??= [...this.map.values()].sort((a, b) => compareNames(a.name, b.name));
    return this.sorted;
  }
  get size(): number {
    return this.map.size;
  }
}

/** Byte order, like Kubernetes lists: independent of locale. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function binarySearch<T extends { readonly name: string }>(items: readonly T[], name: string): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareNames((items[mid] as T).name, name);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export class LabStore {
  private readonly db: Database.Database;
  private readonly clientMap = new SortedMap<ClientRecord>();
  private readonly exporterMap = new SortedMap<ExporterRecord>();
  private readonly leaseMap = new SortedMap<LeaseRecord>();
  private readonly tokens = new Map<string, string>();
  private lastSeq = 0;
  private readonly statements;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "lab.db"));
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = FULL");
    this.db.pragma("foreign_keys = ON");
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`${join(dataDir, "lab.db")} was written by a newer lab simulator (schema ${version})`);
    }
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.statements = {
      getMeta: this.db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      setMeta: this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
      putClient: this.db.prepare(
        `INSERT OR REPLACE INTO clients (name, token, token_expiry_ms, scenario_token, rotated)
         VALUES (@name, @token, @token_expiry_ms, @scenario_token, @rotated)`,
      ),
      deleteClient: this.db.prepare("DELETE FROM clients WHERE name = ?"),
      putExporter: this.db.prepare(
        `INSERT OR REPLACE INTO exporters (name, labels, online, enabled, phase, status, status_message, lease_name,
           phase_until_ms, hook_failure, hooks, scenario_online)
         VALUES (@name, @labels, @online, @enabled, @phase, @status, @status_message, @lease_name,
           @phase_until_ms, @hook_failure, @hooks, @scenario_online)`,
      ),
      deleteExporter: this.db.prepare("DELETE FROM exporters WHERE name = ?"),
      putLease: this.db.prepare(
        `INSERT OR REPLACE INTO leases (name, seq, client, selector, exporter_name, duration_ms, begin_ms, end_ms,
           effective_begin_ms, effective_end_ms, exporter, conditions, tags, context, allow_disabled, generation,
           ended, created_ms, next_retry_ms, retry_delay_ms)
         VALUES (@name, @seq, @client, @selector, @exporter_name, @duration_ms, @begin_ms, @end_ms,
           @effective_begin_ms, @effective_end_ms, @exporter, @conditions, @tags, @context, @allow_disabled, @generation,
           @ended, @created_ms, @next_retry_ms, @retry_delay_ms)`,
      ),
    };
    this.load();
  }

  private load(): void {
    for (const row of this.db.prepare<[], ClientRow>("SELECT * FROM clients").all()) {
      const client: ClientRecord = {
        name: row.name,
        token: row.token,
        tokenExpiryMs: orUndefined(row.token_expiry_ms),
        scenarioToken: row.scenario_token,
        rotated: row.rotated !== 0,
      };
      this.clientMap.set(client);
      this.tokens.set(client.token, client.name);
    }
    for (const row of this.db.prepare<[], ExporterRow>("SELECT * FROM exporters").all()) {
      const phase = row.phase;
      if (!isPhase(phase)) throw new Error(`exporter ${row.name} has an unknown phase ${phase} in the database`);
      this.exporterMap.set({
        name: row.name,
        labels: JSON.parse(row.labels) as Record<string, string>,
        online: row.online !== 0,
        enabled: row.enabled !== 0,
        phase,
        leaseName: orUndefined(row.lease_name),
        phaseUntilMs: orUndefined(row.phase_until_ms),
        hookFailure: orUndefined(row.hook_failure),
        hooks: parseHooks(row.hooks),
        scenarioOnline: row.scenario_online !== 0,
        status: row.status,
        statusMessage: row.status_message,
      });
    }
    for (const row of this.db.prepare<[], LeaseRow>("SELECT * FROM leases").all()) {
      this.leaseMap.set({
        name: row.name,
        seq: row.seq,
        client: row.client,
        selector: row.selector,
        exporterName: orUndefined(row.exporter_name),
        durationMs: row.duration_ms,
        beginMs: orUndefined(row.begin_ms),
        endMs: orUndefined(row.end_ms),
        effectiveBeginMs: orUndefined(row.effective_begin_ms),
        effectiveEndMs: orUndefined(row.effective_end_ms),
        exporter: orUndefined(row.exporter),
        conditions: JSON.parse(row.conditions) as StoredCondition[],
        tags: JSON.parse(row.tags) as Record<string, string>,
        context: JSON.parse(row.context) as Record<string, string>,
        allowDisabled: row.allow_disabled !== 0,
        generation: row.generation,
        ended: row.ended !== 0,
        createdMs: row.created_ms,
        nextRetryMs: orUndefined(row.next_retry_ms),
        retryDelayMs: row.retry_delay_ms,
      });
      this.lastSeq = Math.max(this.lastSeq, row.seq);
    }
  }

  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.statements.setMeta.run(key, value);
  }

  /** A secret that lives as long as the data dir (page tokens are signed with it). */
  secret(name: string): Buffer {
    const existing = this.getMeta(name);
    if (existing !== undefined) return Buffer.from(existing, "base64");
    const fresh = randomBytes(32);
    this.setMeta(name, fresh.toString("base64"));
    return fresh;
  }

  clients(): readonly ClientRecord[] {
    return this.clientMap.values();
  }
  client(name: string): ClientRecord | undefined {
    return this.clientMap.get(name);
  }
  clientByToken(token: string): ClientRecord | undefined {
    const name = this.tokens.get(token);
    return name === undefined ? undefined : this.clientMap.get(name);
  }
  exporters(): readonly ExporterRecord[] {
    return this.exporterMap.values();
  }
  exporter(name: string): ExporterRecord | undefined {
    return this.exporterMap.get(name);
  }
  leases(): readonly LeaseRecord[] {
    return this.leaseMap.values();
  }
  lease(name: string): LeaseRecord | undefined {
    return this.leaseMap.get(name);
  }
  nextLeaseSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  /** Writes all changes in one transaction, then updates the memory view. */
  commit(changes: Changes): void {
    const leases = changes.leases ?? [];
    const holderOf = (leaseName: string | undefined): string | undefined => {
      if (leaseName === undefined) return undefined;
      return (leases.find((l) => l.name === leaseName) ?? this.leaseMap.get(leaseName))?.client;
    };
    const exporters: ExporterRecord[] = (changes.exporters ?? []).map((draft) => ({
      ...draft,
      ...describeExporter(draft, holderOf(draft.leaseName)),
    }));
    const write = this.db.transaction(() => {
      for (const name of changes.deleteClients ?? []) this.statements.deleteClient.run(name);
      for (const name of changes.deleteExporters ?? []) this.statements.deleteExporter.run(name);
      for (const c of changes.clients ?? []) {
        this.statements.putClient.run({
          name: c.name,
          token: c.token,
          token_expiry_ms: orNull(c.tokenExpiryMs),
          scenario_token: c.scenarioToken,
          rotated: c.rotated ? 1 : 0,
        });
      }
      for (const e of exporters) {
        this.statements.putExporter.run({
          name: e.name,
          labels: JSON.stringify(e.labels),
          online: e.online ? 1 : 0,
          enabled: e.enabled ? 1 : 0,
          phase: e.phase,
          status: e.status,
          status_message: e.statusMessage,
          lease_name: orNull(e.leaseName),
          phase_until_ms: orNull(e.phaseUntilMs),
          hook_failure: orNull(e.hookFailure),
          hooks: JSON.stringify(e.hooks),
          scenario_online: e.scenarioOnline ? 1 : 0,
        });
      }
      for (const l of leases) {
        this.statements.putLease.run({
          name: l.name,
          seq: l.seq,
          client: l.client,
          selector: l.selector,
          exporter_name: orNull(l.exporterName),
          duration_ms: l.durationMs,
          begin_ms: orNull(l.beginMs),
          end_ms: orNull(l.endMs),
          effective_begin_ms: orNull(l.effectiveBeginMs),
          effective_end_ms: orNull(l.effectiveEndMs),
          exporter: orNull(l.exporter),
          conditions: JSON.stringify(l.conditions),
          tags: JSON.stringify(l.tags),
          context: JSON.stringify(l.context),
          allow_disabled: l.allowDisabled ? 1 : 0,
          generation: l.generation,
          ended: l.ended ? 1 : 0,
          created_ms: l.createdMs,
          next_retry_ms: orNull(l.nextRetryMs),
          retry_delay_ms: l.retryDelayMs,
        });
      }
    });
    write();
    for (const name of changes.deleteClients ?? []) {
      const old = this.clientMap.get(name);
      if (old !== undefined) this.tokens.delete(old.token);
      this.clientMap.delete(name);
    }
    for (const name of changes.deleteExporters ?? []) this.exporterMap.delete(name);
    // Old tokens first, so two clients swapping tokens end up right.
    for (const c of changes.clients ?? []) {
      const old = this.clientMap.get(c.name);
      if (old !== undefined && this.tokens.get(old.token) === c.name) this.tokens.delete(old.token);
    }
    for (const c of changes.clients ?? []) {
      this.clientMap.set(c);
      this.tokens.set(c.token, c.name);
    }
    for (const e of exporters) this.exporterMap.set(e);
    for (const l of leases) this.leaseMap.set(l);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
