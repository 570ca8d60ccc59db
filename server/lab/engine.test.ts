// The reconcile loop on a fake clock: Pending backoff, the three expiry rules,
// effective_duration, and Unsatisfiable/Invalid ending a lease at once. Fake
// timers make every wake-up land exactly when the engine asked for it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { durationToMs, timestampToMs } from "../../src/domain/durations.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FIRST_RETRY_MS, LabEngine, MAX_RETRY_MS, type NewLease } from "./engine.js";
import type { LeaseRecord } from "./records.js";
import { applyScenario } from "./scenario-apply.js";
import { validateScenario } from "./scenario.js";
import { LabStore } from "./store.js";
import { leaseToProto } from "./to-proto.js";

const T0 = Date.UTC(2030, 0, 1, 9);
const HOUR = 3_600_000;

let dir: string;
let store: LabStore;
let engine: LabEngine;

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  dir = mkdtempSync(join(tmpdir(), "lab-engine-"));
  store = new LabStore(dir);
  applyScenario(
    store,
    validateScenario({
      namespace: "lab",
      clients: [{ name: "alice", token: "alice-token" }],
      exporters: [
        { name: "free-1", labels: { board: "x" } },
        { name: "off-1", labels: { board: "y" }, online: false },
        { name: "off-2", labels: { board: "y" }, online: false },
      ],
    }),
    T0,
  );
  engine = new LabEngine(store, { now: () => Date.now() });
  engine.start();
});

afterEach(() => {
  engine.stop();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  vi.useRealTimers();
});

function createLease(name: string, spec: Partial<NewLease>): void {
  engine.createLease({
    name,
    client: "alice",
    selector: "",
    exporterName: undefined,
    times: { durationMs: HOUR },
    tags: {},
    context: {},
    allowDisabled: false,
    ...spec,
  });
}

function lease(name: string): LeaseRecord {
  const record = store.lease(name);
  if (record === undefined) throw new Error(`no lease ${name}`);
  return record;
}

/** Moves the fake clock to T0 + `ms`, running every timer due on the way. */
async function at(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(T0 + ms - Date.now());
}

const finalReason = (name: string) => lease(name).conditions.find((c) => c.type === "Ready" && c.status === "False")?.reason;

describe("Pending backoff", () => {
  it("retries after 1 s, doubling up to the cap, and takes the board as soon as it is back", async () => {
    createLease("waiting", { exporterName: "off-1" });
    const retries: number[] = [];
    for (let ms = 0; ms <= 36_000; ms += 250) {
      await at(ms);
      const next = lease("waiting").nextRetryMs;
      if (next !== undefined && next !== retries[retries.length - 1]) retries.push(next);
    }
    const gaps = retries.map((r, i) => r - (i === 0 ? T0 : (retries[i - 1] ?? 0)));
    expect(FIRST_RETRY_MS).toBe(1_000);
    // Evaluations at 0, 1, 3, 7, 15, 25 and 35 s, each setting the next one.
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, MAX_RETRY_MS, MAX_RETRY_MS, MAX_RETRY_MS]);

    // Still the one Pending condition, unchanged since the first evaluation.
    const pending = lease("waiting").conditions;
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ type: "Pending", status: "True", reason: "Offline", lastTransitionMs: T0 });

    // Back online at 36.5 s: assigned at once, not at the next retry (45 s).
    await at(36_500);
    engine.setExporterOnline("off-1", true);
    await at(36_500);
    expect(lease("waiting")).toMatchObject({ exporter: "off-1", effectiveBeginMs: T0 + 36_500, nextRetryMs: undefined });
    expect(lease("waiting").conditions.find((c) => c.type === "Ready")).toMatchObject({ status: "True", reason: "Ready" });
  });
});

describe("ending at once", () => {
  it.each([
    ["Unsatisfiable", { exporterName: "nope" }, "ExporterNotFound"],
    ["Unsatisfiable", { selector: "board=none" }, "NoAccess"],
    ["Invalid", { selector: "" }, "InvalidSelector"],
  ])("%s leases end on the first evaluation, without a Pending stage", async (type, spec, reason) => {
    createLease("doomed", spec);
    await at(0);
    const record = lease("doomed");
    expect(record.ended).toBe(true);
    expect(record.effectiveEndMs).toBe(T0);
    expect(record.conditions.map((c) => [c.type, c.status, c.reason])).toEqual([[type, "True", reason]]);
  });
});

describe("expiry", () => {
  it("is end_time when set", async () => {
    createLease("window", { exporterName: "free-1", times: { durationMs: 5_000, beginMs: T0, endMs: T0 + 5_000 } });
    await at(4_999);
    expect(lease("window").ended).toBe(false);
    await at(5_000);
    expect(lease("window")).toMatchObject({ ended: true, effectiveEndMs: T0 + 5_000 });
    expect(finalReason("window")).toBe("Expired");
  });

  it("is begin_time + duration for a scheduled lease, even when the board came late", async () => {
    createLease("scheduled", { exporterName: "off-1", times: { durationMs: 5_000, beginMs: T0 + 1_000 } });
    await at(1_000);
    expect(lease("scheduled").conditions.map((c) => c.reason)).toEqual(["Offline"]);
    await at(3_000);
    engine.setExporterOnline("off-1", true);
    await at(3_000);
    expect(lease("scheduled").effectiveBeginMs).toBe(T0 + 3_000);
    await at(5_999);
    expect(lease("scheduled").ended).toBe(false);
    await at(6_000);
    expect(lease("scheduled")).toMatchObject({ ended: true, effectiveEndMs: T0 + 6_000 });
    expect(finalReason("scheduled")).toBe("Expired");
  });

  it("is effective_begin_time + duration otherwise, and a scheduled lease has no condition before begin_time", async () => {
    createLease("later", { exporterName: "free-1", times: { durationMs: 5_000, beginMs: T0 + 60_000 } });
    createLease("now", { exporterName: "off-2", times: { durationMs: 5_000 } });
    await at(3_000);
    expect(lease("later").conditions).toEqual([]);
    engine.setExporterOnline("off-2", true);
    await at(3_000);
    expect(lease("now").effectiveBeginMs).toBe(T0 + 3_000);
    await at(7_999);
    expect(lease("now").ended).toBe(false);
    await at(8_000);
    expect(lease("now")).toMatchObject({ ended: true, effectiveEndMs: T0 + 8_000 });
    expect(finalReason("now")).toBe("Expired");
    expect(lease("later").conditions).toEqual([]);
  });
});

describe("effective_duration and the reported times", () => {
  it("is the time held so far, then the total once ended", async () => {
    createLease("held", { exporterName: "free-1", times: { durationMs: HOUR } });
    await at(0);
    const heldMs = () => durationToMs(leaseToProto("lab", lease("held"), Date.now()).effectiveDuration);
    expect(heldMs()).toBe(0);
    await at(90_000);
    expect(heldMs()).toBe(90_000);
    engine.releaseLease("held", "done");
    await at(200_000);
    expect(heldMs()).toBe(90_000);
    const proto = leaseToProto("lab", lease("held"), Date.now());
    expect(timestampToMs(proto.effectiveBeginTime)).toBe(T0);
    expect(timestampToMs(proto.effectiveEndTime)).toBe(T0 + 90_000);
    expect(proto.exporter).toBe("namespaces/lab/exporters/free-1");
    expect(finalReason("held")).toBe("Released");
  });

  it("is zero for a lease that never got a board", async () => {
    createLease("never", { exporterName: "off-1" });
    await at(5_000);
    engine.releaseLease("never", "gave up");
    await at(9_000);
    const proto = leaseToProto("lab", lease("never"), Date.now());
    expect(durationToMs(proto.effectiveDuration)).toBe(0);
    expect(proto.effectiveBeginTime).toBeUndefined();
    expect(timestampToMs(proto.effectiveEndTime)).toBe(T0 + 5_000);
  });
});
