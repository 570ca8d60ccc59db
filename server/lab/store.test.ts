// Group commit in the store: the changes of one event-loop turn go to disk in
// one transaction, and durable() says when they are there. A second SQLite
// connection is the witness: it sees only what is committed.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import type { LeaseRecord } from "./records.js";
import { LabStore } from "./store.js";
import { exporterRecord } from "./testing/exporter-record.js";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function openStore(): { store: LabStore; dir: string; onDisk: () => string[] } {
  const dir = mkdtempSync(join(tmpdir(), "lab-store-"));
  const store = new LabStore(dir);
  const witness = new Database(join(dir, "lab.db"), { readonly: true });
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => store.close());
  cleanups.push(() => witness.close());
  const onDisk = (): string[] => witness.prepare<[], { name: string }>("SELECT name FROM leases ORDER BY name").all().map((r) => r.name);
  return { store, dir, onDisk };
}

function lease(name: string, seq: number): LeaseRecord {
  return {
    name,
    seq,
    client: "alice",
    selector: "board=rpi5",
    exporterName: undefined,
    durationMs: 60_000,
    beginMs: undefined,
    endMs: undefined,
    effectiveBeginMs: undefined,
    effectiveEndMs: undefined,
    exporter: undefined,
    priority: 0,
    spot: false,
    conditions: [],
    tags: {},
    context: {},
    allowDisabled: false,
    generation: 1,
    released: false,
    ended: false,
    createdMs: 1_700_000_000_000,
  };
}

describe("group commit", () => {
  it("shows a turn's changes at once, and puts them on disk together when durable() resolves", async () => {
    const { store, onDisk } = openStore();
    store.commit({ leases: [lease("a", 1)] });
    store.commit({ leases: [lease("b", 2)] });
    expect(store.leases().map((l) => l.name)).toEqual(["a", "b"]);
    // Still one open transaction: nothing is on disk, so nothing may be acknowledged yet.
    expect(onDisk()).toEqual([]);
    await store.durable();
    expect(onDisk()).toEqual(["a", "b"]);
  });

  it("starts a new batch after the last one committed, and durable() waits for it", async () => {
    const { store, onDisk } = openStore();
    store.commit({ leases: [lease("a", 1)] });
    await store.durable();
    store.commit({ leases: [lease("b", 2)] });
    expect(onDisk()).toEqual(["a"]);
    await store.durable();
    expect(onDisk()).toEqual(["a", "b"]);
  });

  it("resolves durable() at once when nothing is waiting", async () => {
    const { store } = openStore();
    await store.durable();
    let resolved = false;
    void store.durable().then(() => (resolved = true));
    await Promise.resolve();
    expect(resolved).toBe(true);
  });

  it("refuses a change that cannot be stored without moving anything, and keeps the batch's other changes", async () => {
    const { store, onDisk } = openStore();
    store.commit({ leases: [lease("a", 1)] });
    // NOT NULL: the database refuses it, as it would refuse a corrupt record.
    const broken = { ...lease("b", 2), client: null } as unknown as LeaseRecord;
    expect(() => store.commit({ leases: [lease("c", 3), broken] })).toThrow(/NOT NULL/);
    expect(store.leases().map((l) => l.name)).toEqual(["a"]);
    await store.durable();
    expect(onDisk()).toEqual(["a"]);
  });

  it("commits what is open when the store closes, so a clean stop loses nothing", () => {
    const { store, dir } = openStore();
    store.commit({ leases: [lease("a", 1)] });
    store.close();
    const reopened = new LabStore(dir);
    cleanups.push(() => reopened.close());
    expect(reopened.leases().map((l) => l.name)).toEqual(["a"]);
  });
});

const exporter = exporterRecord;

describe("what the engine reads without scanning every record", () => {
  it("lists the leases not ended oldest first, without ended or deleted ones, and again after a restart", () => {
    const { store, dir } = openStore();
    store.commit({ leases: [lease("z", 1), lease("a", 2), lease("m", 3)] });
    expect(store.leasesNotEnded().map((l) => l.name)).toEqual(["z", "a", "m"]);
    store.commit({ leases: [{ ...lease("a", 2), ended: true }, { ...lease("z", 1), generation: 2 }] });
    store.commit({ deleteLeases: ["m"] });
    expect(store.leasesNotEnded().map((l) => [l.name, l.generation])).toEqual([["z", 2]]);
    // A lease with a lower seq than those already in (not made today) still takes its place.
    store.commit({ leases: [lease("b", 5), lease("c", 0)] });
    expect(store.leasesNotEnded().map((l) => l.name)).toEqual(["c", "z", "b"]);
    store.close();
    const reopened = new LabStore(dir);
    cleanups.push(() => reopened.close());
    expect(reopened.leasesNotEnded().map((l) => l.name)).toEqual(["c", "z", "b"]);
  });

  it("moves labelsVersion when an exporter comes, goes, or its labels or registration change, not when its state does", () => {
    const { store } = openStore();
    const moves = (change: () => void): boolean => {
      const before = store.labelsVersion();
      change();
      return store.labelsVersion() !== before;
    };
    const rpi = exporter("rpi-1", { board: "rpi5" });
    expect(moves(() => store.commit({ exporters: [rpi] }))).toBe(true);
    expect(moves(() => store.commit({ exporters: [{ ...rpi, leaseName: "l1", reportedStatus: ExporterStatus.LEASE_READY }] }))).toBe(false);
    expect(moves(() => store.commit({ exporters: [{ ...rpi, connection: "lost" }] }))).toBe(false);
    expect(moves(() => store.commit({ exporters: [{ ...rpi, connection: "never" }] }))).toBe(true);
    expect(moves(() => store.commit({ exporters: [{ ...rpi, labels: { board: "rpi4" } }] }))).toBe(true);
    expect(moves(() => store.commit({ deleteExporters: ["rpi-1"] }))).toBe(true);
    expect(moves(() => store.commit({ deleteExporters: ["rpi-1"] }))).toBe(false);
  });
});
