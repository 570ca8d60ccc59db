// SQLite persistence with an in-memory mirror. Every change goes through
// commit(): written at once (inside the open batch, as a savepoint, so a
// refused change moves nothing) and then shown in the memory view. Group
// commit: the changes of one event-loop turn share one transaction, committed
// once the turn's callbacks have run (under load, at most every 2 ms, so
// concurrent calls share a commit); durable() resolves when what was written
// so far is committed, and every answer waits for it, so whatever an RPC
// acknowledged survives a kill -9.
//
// WAL with synchronous=NORMAL: a COMMIT has written its pages into the WAL
// file (the kernel's page cache) before it returns, which is all a kill -9 of
// this process needs, since the kernel still writes them out; the fsync comes
// at checkpoints instead of at every commit, off the path of every answer. A
// crash of the machine itself (power loss, kernel panic) can take back the
// last commits before a checkpoint; the database stays consistent.
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { ClientRecord, ExporterConnection, ExporterRecord, HookConfig, HookPhase, LeaseRecord, StoredCondition } from "./records.js";
import { ensurePrivateFile, ensurePrivateFolder } from "./data-folder.js";

/** 2: protocol version 2 (minted tokens, client UIDs, exporter connection and reported status, release flag). */
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS clients (
  name TEXT PRIMARY KEY,
  uid TEXT NOT NULL,
  labels TEXT NOT NULL,
  username TEXT,
  token TEXT NOT NULL,
  token_expiry_ms INTEGER NOT NULL,
  provisioned INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS exporters (
  name TEXT PRIMARY KEY,
  labels TEXT NOT NULL,
  enabled INTEGER NOT NULL,
  connection TEXT NOT NULL,
  reported_status INTEGER NOT NULL,
  reported_message TEXT NOT NULL,
  lease_name TEXT,
  hook TEXT,
  hook_until_ms INTEGER,
  hook_failure TEXT,
  repair_at_ms INTEGER,
  hooks TEXT NOT NULL,
  scenario_state TEXT NOT NULL
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
  priority INTEGER NOT NULL,
  spot INTEGER NOT NULL,
  conditions TEXT NOT NULL,
  tags TEXT NOT NULL,
  context TEXT NOT NULL,
  allow_disabled INTEGER NOT NULL,
  generation INTEGER NOT NULL,
  released INTEGER NOT NULL,
  ended INTEGER NOT NULL,
  created_ms INTEGER NOT NULL
);
`;

interface ClientRow {
  name: string;
  uid: string;
  labels: string;
  username: string | null;
  token: string;
  token_expiry_ms: number;
  provisioned: number;
}

interface ExporterRow {
  name: string;
  labels: string;
  enabled: number;
  connection: string;
  reported_status: number;
  reported_message: string;
  lease_name: string | null;
  hook: string | null;
  hook_until_ms: number | null;
  hook_failure: string | null;
  repair_at_ms: number | null;
  hooks: string;
  scenario_state: string;
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
  priority: number;
  spot: number;
  conditions: string;
  tags: string;
  context: string;
  allow_disabled: number;
  generation: number;
  released: number;
  ended: number;
  created_ms: number;
}

/** A table's columns, every one of the row type's (the type check names any left out). */
function columnsOf<Row>() {
  return <const C extends readonly (keyof Row & string)[]>(
    list: C & ([Exclude<keyof Row, C[number]>] extends [never] ? unknown : { missing: Exclude<keyof Row, C[number]> }),
  ): C => list;
}

const CLIENT_COLUMNS = columnsOf<ClientRow>()(["name", "uid", "labels", "username", "token", "token_expiry_ms", "provisioned"]);
const EXPORTER_COLUMNS = columnsOf<ExporterRow>()([
  "name", "labels", "enabled", "connection", "reported_status", "reported_message", "lease_name",
  "hook", "hook_until_ms", "hook_failure", "repair_at_ms", "hooks", "scenario_state",
]);
const LEASE_COLUMNS = columnsOf<LeaseRow>()([
  "name", "seq", "client", "selector", "exporter_name", "duration_ms", "begin_ms", "end_ms",
  "effective_begin_ms", "effective_end_ms", "exporter", "priority", "spot", "conditions", "tags", "context", "allow_disabled",
  "generation", "released", "ended", "created_ms",
]);

export interface Changes {
  clients?: readonly ClientRecord[];
  exporters?: readonly ExporterRecord[];
  leases?: readonly LeaseRecord[];
  deleteClients?: readonly string[];
  deleteExporters?: readonly string[];
  deleteLeases?: readonly string[];
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const orUndefined = <T>(v: T | null): T | undefined => (v === null ? undefined : v);

function connectionOf(text: string): ExporterConnection {
  if (text === "never" || text === "connected" || text === "lost") return text;
  throw new Error(`unknown exporter connection ${JSON.stringify(text)} in the database`);
}

function hookOf(text: string | null): HookPhase {
  if (text === null) return undefined;
  if (text === "before" || text === "after") return text;
  throw new Error(`unknown hook phase ${JSON.stringify(text)} in the database`);
}

/** Keeps a sorted view of a map's values, rebuilt only when keys come or go. */
class SortedMap<T extends { readonly name: string }> {
  private readonly map = new Map<string, T>();
  private sorted: T[] | undefined;

  get(name: string): T | undefined {
    return this.map.get(name);
  }
  set(value: T): void {
    if (this.sorted !== undefined) {
      const i = binarySearch(this.sorted, value.name);
      // A new name goes in at its place (new leases' time-ordered names, at the end), not a full re-sort.
      if (i >= 0) this.sorted[i] = value;
      else this.sorted.splice(-1 - i, 0, value);
    }
    this.map.set(value.name, value);
  }
  delete(name: string): void {
    if (this.map.delete(name)) this.sorted = undefined;
  }
  clear(): void {
    this.map.clear();
    this.sorted = undefined;
  }
  values(): readonly T[] {
    this.sorted ??= [...this.map.values()].sort((a, b) => compareNames(a.name, b.name));
    return this.sorted;
  }
}

/** Byte order, like Kubernetes lists [P2]: independent of locale. */
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
  // Not there: -1 - (where it would go).
  return -1 - lo;
}

/**
 * The leases not ended, in seq order. New leases get the next seq, so a Map
 * kept in insertion order is in seq order; a lease with a lower seq than the
 * last one put in (none today) makes it sort once at the next read.
 */
class LeasesNotEnded {
  private readonly map = new Map<string, LeaseRecord>();
  private lastSeq = Number.NEGATIVE_INFINITY;
  private unordered = false;

  set(l: LeaseRecord): void {
    if (l.ended) {
      this.map.delete(l.name);
      return;
    }
    if (!this.map.has(l.name)) {
      if (l.seq < this.lastSeq) this.unordered = true;
      this.lastSeq = Math.max(this.lastSeq, l.seq);
    }
    this.map.set(l.name, l);
  }
  delete(name: string): void {
    this.map.delete(name);
  }
  clear(): void {
    this.map.clear();
    this.lastSeq = Number.NEGATIVE_INFINITY;
    this.unordered = false;
  }
  /** A copy: passes over these leases change the set as they go. */
  values(): LeaseRecord[] {
    if (this.unordered) {
      const sorted = [...this.map.values()].sort((a, b) => a.seq - b.seq);
      this.map.clear();
      for (const l of sorted) this.map.set(l.name, l);
      this.unordered = false;
    }
    return [...this.map.values()];
  }
}

/** Could the labels clients see ([O7]) differ between these two records of one exporter? */
function labelsMayDiffer(before: ExporterRecord | undefined, after: ExporterRecord): boolean {
  return before === undefined || before.labels !== after.labels || (before.connection === "never") !== (after.connection === "never");
}

/** The least time between two group commits while changes keep coming (ms). */
const GROUP_COMMIT_GAP_MS = 2;

/** The open batch: the transaction that the changes of this turn write into. */
interface Batch {
  readonly durable: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

export class LabStore {
  private readonly db: Database.Database;
  private batch: Batch | undefined;
  /** When the last group commit ended (performance.now()). */
  private lastFlushMs = Number.NEGATIVE_INFINITY;
  private readonly clientMap = new SortedMap<ClientRecord>();
  private readonly exporterMap = new SortedMap<ExporterRecord>();
  private readonly leaseMap = new SortedMap<LeaseRecord>();
  private readonly notEnded = new LeasesNotEnded();
  /** Counts the changes to which exporters there are and to their labels (see labelsVersion()). */
  private exporterLabelChanges = 0;
  private lastSeq = 0;
  private readonly statements;
  /** Set when the data folder held an older simulator's lab, which was discarded. */
  readonly discardedOlderLab: boolean;

  constructor(dataDir: string) {
    ensurePrivateFolder(dataDir);
    const path = join(dataDir, "lab.db");
    // SQLite gives its WAL and shared-memory files the database file's mode: 0600 for all three.
    ensurePrivateFile(path);
    this.db = new Database(path);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    const version = this.db.pragma("user_version", { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      this.db.close();
      throw new Error(`${path} was written by a newer lab simulator (schema ${version})`);
    }
    // A version-1 lab (static tokens, v1 lease rules) cannot be carried over: start afresh.
    this.discardedOlderLab = version > 0 && version < SCHEMA_VERSION;
    if (this.discardedOlderLab) this.db.exec("DROP TABLE IF EXISTS meta; DROP TABLE IF EXISTS clients; DROP TABLE IF EXISTS exporters; DROP TABLE IF EXISTS leases;");
    this.db.exec(SCHEMA);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    this.statements = {
      getMeta: this.db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
      setMeta: this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
      putClient: this.upsert<ClientRow>("clients", CLIENT_COLUMNS),
      deleteClient: this.db.prepare("DELETE FROM clients WHERE name = ?"),
      putExporter: this.upsert<ExporterRow>("exporters", EXPORTER_COLUMNS),
      deleteExporter: this.db.prepare("DELETE FROM exporters WHERE name = ?"),
      putLease: this.upsert<LeaseRow>("leases", LEASE_COLUMNS),
      deleteLease: this.db.prepare("DELETE FROM leases WHERE name = ?"),
    };
    this.load();
  }

  /**
   * Writes a whole row by name: an upsert with positional parameters, which
   * SQLite binds faster than named ones, and which updates in place where
   * INSERT OR REPLACE deletes and inserts.
   */
  private upsert<Row>(table: string, columns: readonly (keyof Row & string)[]): (row: Row) => void {
    const statement = this.db.prepare<unknown[]>(
      `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map(() => "?").join(", ")})
       ON CONFLICT(name) DO UPDATE SET ${columns.filter((c) => c !== "name").map((c) => `${c} = excluded.${c}`).join(", ")}`,
    );
    return (row) => {
      statement.run(columns.map((c) => row[c]));
    };
  }

  private load(): void {
    this.lastSeq = 0;
    this.exporterLabelChanges += 1;
    for (const row of this.db.prepare<[], ClientRow>("SELECT * FROM clients").all()) {
      this.clientMap.set({
        name: row.name,
        uid: row.uid,
        labels: JSON.parse(row.labels) as Record<string, string>,
        username: orUndefined(row.username),
        token: row.token,
        tokenExpiryMs: row.token_expiry_ms,
        provisioned: row.provisioned !== 0,
      });
    }
    for (const row of this.db.prepare<[], ExporterRow>("SELECT * FROM exporters").all()) {
      this.exporterMap.set({
        name: row.name,
        labels: JSON.parse(row.labels) as Record<string, string>,
        enabled: row.enabled !== 0,
        connection: connectionOf(row.connection),
        reportedStatus: row.reported_status,
        reportedMessage: row.reported_message,
        leaseName: orUndefined(row.lease_name),
        hook: hookOf(row.hook),
        hookUntilMs: orUndefined(row.hook_until_ms),
        hookFailure: orUndefined(row.hook_failure),
        repairAtMs: orUndefined(row.repair_at_ms),
        hooks: JSON.parse(row.hooks) as HookConfig,
        scenarioState: row.scenario_state,
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
        priority: row.priority,
        spot: row.spot !== 0,
        conditions: JSON.parse(row.conditions) as StoredCondition[],
        tags: JSON.parse(row.tags) as Record<string, string>,
        context: JSON.parse(row.context) as Record<string, string>,
        allowDisabled: row.allow_disabled !== 0,
        generation: row.generation,
        released: row.released !== 0,
        ended: row.ended !== 0,
        createdMs: row.created_ms,
      });
      this.lastSeq = Math.max(this.lastSeq, row.seq);
    }
    for (const l of this.leaseMap.values()) this.notEnded.set(l);
  }

  getMeta(key: string): string | undefined {
    return this.statements.getMeta.get(key)?.value;
  }

  setMeta(key: string, value: string): void {
    this.openBatch();
    this.statements.setMeta.run(key, value);
  }

  /** A secret that lives as long as the data dir (continue tokens are signed with it). */
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
  /** The leases not ended, oldest (lowest seq) first: what the engine passes over. */
  leasesNotEnded(): LeaseRecord[] {
    return this.notEnded.values();
  }
  /**
   * Moves whenever an exporter is added or removed, or its labels as clients see
   * them ([O7]: labels, and the name label once registered) may have changed.
   */
  labelsVersion(): number {
    return this.exporterLabelChanges;
  }
  nextLeaseSeq(): number {
    this.lastSeq += 1;
    return this.lastSeq;
  }

  /**
   * Resolves once every change made so far is committed to disk; rejects when
   * that commit failed (the memory view is then reloaded from the database).
   */
  durable(): Promise<void> {
    return this.batch?.durable ?? Promise.resolve();
  }

  /** Opens this turn's transaction, to be committed once the turn's callbacks have run. */
  private openBatch(): void {
    if (this.batch !== undefined) return;
    this.db.exec("BEGIN IMMEDIATE");
    let resolve: () => void = () => undefined;
    let reject: (e: Error) => void = () => undefined;
    const durable = new Promise<void>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    // A failure is reported to whoever waits; a batch nobody waits for must not crash the process.
    durable.catch(() => undefined);
    this.batch = { durable, resolve, reject };
    // Under load, commits come at most every GROUP_COMMIT_GAP_MS, so the calls
    // arriving meanwhile share one commit; a lone call is committed at once.
    const wait = this.lastFlushMs + GROUP_COMMIT_GAP_MS - performance.now();
    if (wait > 0) setTimeout(() => this.flush(), wait);
    else setImmediate(() => this.flush());
  }

  /** Commits the open batch: one commit for every change of the turn. */
  flush(): void {
    const batch = this.batch;
    if (batch === undefined) return;
    this.batch = undefined;
    try {
      this.db.exec("COMMIT");
      this.lastFlushMs = performance.now();
    } catch (e) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      // Nothing of the batch is on disk: the memory view goes back to what is.
      this.reload();
      batch.reject(new Error(`the lab could not save its changes: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    batch.resolve();
  }

  private reload(): void {
    this.clientMap.clear();
    this.exporterMap.clear();
    this.leaseMap.clear();
    this.notEnded.clear();
    this.load();
  }

  /** Writes all changes in one savepoint of the open batch, then updates the memory view. */
  commit(changes: Changes): void {
    this.openBatch();
    const write = this.db.transaction(() => {
      for (const name of changes.deleteClients ?? []) this.statements.deleteClient.run(name);
      for (const name of changes.deleteExporters ?? []) this.statements.deleteExporter.run(name);
      for (const name of changes.deleteLeases ?? []) this.statements.deleteLease.run(name);
      for (const c of changes.clients ?? []) {
        this.statements.putClient({
          name: c.name,
          uid: c.uid,
          labels: JSON.stringify(c.labels),
          username: orNull(c.username),
          token: c.token,
          token_expiry_ms: c.tokenExpiryMs,
          provisioned: c.provisioned ? 1 : 0,
        });
      }
      for (const e of changes.exporters ?? []) {
        this.statements.putExporter({
          name: e.name,
          labels: JSON.stringify(e.labels),
          enabled: e.enabled ? 1 : 0,
          connection: e.connection,
          reported_status: e.reportedStatus,
          reported_message: e.reportedMessage,
          lease_name: orNull(e.leaseName),
          hook: orNull(e.hook),
          hook_until_ms: orNull(e.hookUntilMs),
          hook_failure: orNull(e.hookFailure),
          repair_at_ms: orNull(e.repairAtMs),
          hooks: JSON.stringify(e.hooks),
          scenario_state: e.scenarioState,
        });
      }
      for (const l of changes.leases ?? []) {
        this.statements.putLease({
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
          priority: l.priority,
          spot: l.spot ? 1 : 0,
          conditions: JSON.stringify(l.conditions),
          tags: JSON.stringify(l.tags),
          context: JSON.stringify(l.context),
          allow_disabled: l.allowDisabled ? 1 : 0,
          generation: l.generation,
          released: l.released ? 1 : 0,
          ended: l.ended ? 1 : 0,
          created_ms: l.createdMs,
        });
      }
    });
    write();
    for (const name of changes.deleteClients ?? []) this.clientMap.delete(name);
    for (const name of changes.deleteExporters ?? []) {
      if (this.exporterMap.get(name) !== undefined) this.exporterLabelChanges += 1;
      this.exporterMap.delete(name);
    }
    for (const name of changes.deleteLeases ?? []) {
      this.leaseMap.delete(name);
      this.notEnded.delete(name);
    }
    for (const c of changes.clients ?? []) this.clientMap.set(c);
    for (const e of changes.exporters ?? []) {
      if (labelsMayDiffer(this.exporterMap.get(e.name), e)) this.exporterLabelChanges += 1;
      this.exporterMap.set(e);
    }
    for (const l of changes.leases ?? []) {
      this.leaseMap.set(l);
      this.notEnded.set(l);
    }
  }

  close(): void {
    if (!this.db.open) return;
    this.flush();
    this.db.close();
  }
}
