// The lease lifecycle over time [L1]-[L8]: conditions and their texts [L3],
// how they change [L4], when a lease ends [L5], expiry [TM3]/[TM4], release
// [RL1]-[RL4] and [D1]-[D4], and what the simulated exporters report [S2].
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import type { Lease } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { pendingRetryDelayMs } from "./engine.js";
import { condition, refusal, startTestLab, until, untilCondition, type LabClient, type TestLab } from "./testing/lab-harness.js";

const parent = "namespaces/lab";
const H = 3600n;
let t: TestLab;
let alice: LabClient;
let bob: LabClient;

beforeAll(async () => {
  t = await startTestLab();
  alice = t.as("alice");
  bob = t.as("bob");
});
afterAll(() => t.close());

const seconds = (n: bigint) => ({ seconds: n });
const nowS = (): bigint => BigInt(Math.floor(Date.now() / 1000));
const summary = (l: Lease) => l.conditions.map((c) => `${c.type} ${c.status} ${c.reason}`);
const exporter = (name: string) => alice.getExporter({ name: `namespaces/lab/exporters/${name}` });

describe("an exporter is assigned at once [L2] step 10, [L3], [L6]", () => {
  it("gives [Ready True] with the controller's text; Ready's transition time is the assignment time; effective_duration grows [O4]", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5,site=bcn", duration: seconds(H) } });
    const ready = await untilCondition(alice, created.name, "Ready", "True");
    expect(summary(ready)).toEqual(["Ready True Ready"]);
    const c = condition(ready, "Ready");
    expect(c).toMatchObject({ message: "An exporter has been acquired for the client", observedGeneration: 1n });
    expect(c?.lastTransitionTime?.seconds).toBe(ready.effectiveBeginTime?.seconds);
    expect(ready.effectiveBeginTime?.nanos).toBe(0);
    expect(ready.exporter).toBe("namespaces/lab/exporters/rpi5-01");
    expect(ready.effectiveEndTime).toBeUndefined();
    const later = await until("effective_duration to grow", async () => {
      const l = await alice.getLease({ name: created.name });
      return (l.effectiveDuration?.seconds ?? 0n) >= 1n ? l : undefined;
    });
    expect(later.effectiveDuration?.seconds).toBeGreaterThanOrEqual(1n);
    await alice.deleteLease({ name: created.name });
  });
});

describe("waiting [L2] steps 5-8, [L4]", () => {
  it("Pending/Offline while every match is offline, and never expires without an exporter [TM4]", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=jetson-orin", duration: { seconds: 1n } } });
    const pending = await untilCondition(alice, created.name, "Pending", "True", "Offline");
    expect(condition(pending, "Pending")?.message).toBe("While there are 1 available exporters (i.e. ), none of them are online");
    await new Promise((r) => setTimeout(r, 2_000));
    const still = await alice.getLease({ name: created.name });
    expect(summary(still)).toEqual(["Pending True Offline"]);
    expect(still.effectiveBeginTime).toBeUndefined();
    expect(still.effectiveDuration).toBeUndefined();
    expect(still.effectiveEndTime).toBeUndefined();
    // [RL2] released while Pending: [Pending True, Ready False Released], no effective_end_time.
    await alice.deleteLease({ name: created.name });
    const released = await untilCondition(alice, created.name, "Ready", "False", "Released");
    expect(summary(released)).toEqual(["Pending True Offline", "Ready False Released"]);
    expect(released.effectiveEndTime).toBeUndefined();
  });

  it("Pending/NotAvailable while the match is leased, then Ready at once when it frees; Pending stays True [L4], [L7], [L8]", async () => {
    const holder = await bob.createLease({ parent, lease: { exporterName: "qemu-x86-01", duration: seconds(H) } });
    await untilCondition(bob, holder.name, "Ready", "True");
    const waiter = await alice.createLease({ parent, lease: { selector: "board=qemu-x86", duration: seconds(H) } });
    const pending = await untilCondition(alice, waiter.name, "Pending", "True", "NotAvailable");
    expect(condition(pending, "Pending")?.message).toBe("There are 1 approved exporters, (i.e. ) but all of them are already leased");
    // Let the backoff grow past 4 s, so a retry would come late: the release must wake the lease itself.
    await new Promise((r) => setTimeout(r, 4_500));
    await bob.deleteLease({ name: holder.name });
    const released = await untilCondition(bob, holder.name, "Ready", "False", "Released");
    const ready = await untilCondition(alice, waiter.name, "Ready", "True");
    expect(summary(ready)).toEqual(["Pending True NotAvailable", "Ready True Ready"]);
    expect(condition(ready, "Pending")?.lastTransitionTime?.seconds).toBe(condition(pending, "Pending")?.lastTransitionTime?.seconds);
    expect(Number(ready.effectiveBeginTime?.seconds) - Number(released.effectiveEndTime?.seconds)).toBeLessThanOrEqual(1);
    await alice.deleteLease({ name: waiter.name });
  });

  it("Pending/NotReady while the only match runs its afterLease hook, with the exporter statuses of [S2]", async () => {
    // 4 s: after the 1 s beforeLease hook, room to see the board ready on a loaded machine.
    const first = await alice.createLease({ parent, lease: { exporterName: "sk-am62-01", duration: { seconds: 4n } } });
    await until("the beforeLease hook", async () => ((await exporter("sk-am62-01")).status === ExporterStatus.BEFORE_LEASE_HOOK ? true : undefined));
    expect((await exporter("sk-am62-01")).statusMessage).toBe("Running beforeLease hook");
    const ready = await until("ready for commands", async () => {
      const e = await exporter("sk-am62-01");
      return e.status === ExporterStatus.LEASE_READY ? e : undefined;
    });
    expect(ready.statusMessage).toBe("Ready for commands");
    const expired = await untilCondition(alice, first.name, "Ready", "False", "Expired");
    expect(condition(expired, "Ready")?.message).toBe("The lease has expired");
    expect(expired.effectiveEndTime).toBeDefined();
    const cleaning = await exporter("sk-am62-01");
    expect({ status: cleaning.status, message: cleaning.statusMessage }).toEqual({ status: ExporterStatus.AFTER_LEASE_HOOK, message: "Running afterLease hooks" });
    const next = await alice.createLease({ parent, lease: { selector: "board=sk-am62", duration: seconds(H) } });
    const notReady = await untilCondition(alice, next.name, "Pending", "True", "NotReady");
    expect(condition(notReady, "Pending")?.message).toBe("There are 1 online exporters, but none are ready (still cleaning up previous lease)");
    await untilCondition(alice, next.name, "Ready", "True", undefined, 10_000);
    await alice.deleteLease({ name: next.name });
    await until("available again", async () => ((await exporter("sk-am62-01")).statusMessage === "Available for new lease" ? true : undefined), 10_000);
  });

  it("an exporter reporting a failed hook is not ready either [L2] step 8", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=beagle", duration: seconds(H) } });
    await untilCondition(alice, created.name, "Pending", "True", "NotReady");
    await alice.deleteLease({ name: created.name });
  });
});

describe("ending [L5], [TM3]", () => {
  it("Unsatisfiable ends the lease without a Ready condition or effective_end_time, and it leaves only_active lists", async () => {
    const created = await alice.createLease({ parent, lease: { exporterName: "no-such-board", duration: seconds(H) } });
    const failed = await untilCondition(alice, created.name, "Unsatisfiable", "True", "ExporterNotFound");
    expect(summary(failed)).toEqual(["Unsatisfiable True ExporterNotFound"]);
    expect(condition(failed, "Unsatisfiable")?.message).toBe("Requested exporter no-such-board was not found");
    expect(failed.effectiveEndTime).toBeUndefined();
    const active = await alice.listLeases({ parent });
    expect(active.leases.map((l) => l.name)).not.toContain(created.name);
    const all = await alice.listLeases({ parent, onlyActive: false });
    expect(all.leases.map((l) => l.name)).toContain(created.name);
    // [RL3] DeleteLease of an ended lease succeeds and changes nothing; a second one is refused [D3].
    await alice.deleteLease({ name: created.name });
    expect(summary(await alice.getLease({ name: created.name }))).toEqual(["Unsatisfiable True ExporterNotFound"]);
    expect(await refusal(alice.deleteLease({ name: created.name }))).toEqual({ code: "FailedPrecondition", message: `lease "${created.name}" has already been released` });
  });

  it("a disabled pinned exporter, all-disabled matches [L3]", async () => {
    const pinned = await alice.createLease({ parent, lease: { exporterName: "imx8mp-01", duration: seconds(H) } });
    await untilCondition(alice, pinned.name, "Unsatisfiable", "True", "ExporterDisabled");
    const all = await alice.createLease({ parent, lease: { selector: "board=imx8mp", duration: seconds(H) } });
    const failed = await untilCondition(alice, all.name, "Unsatisfiable", "True", "AllDisabled");
    expect(condition(failed, "Unsatisfiable")?.message).toBe("All 1 exporters matching the selector are disabled");
    const allowed = await alice.createLease({ parent, lease: { exporterName: "imx8mp-01", allowDisabled: true, duration: seconds(H) } });
    await untilCondition(alice, allowed.name, "Ready", "True");
    await alice.deleteLease({ name: allowed.name });
  });

  it("a scheduled lease has no conditions until its begin time, then starts [L2] step 1", async () => {
    const begin = nowS() + 2n;
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5,site=brno", beginTime: seconds(begin), duration: seconds(H) } });
    await new Promise((r) => setTimeout(r, 500));
    expect((await alice.getLease({ name: created.name })).conditions).toEqual([]);
    const ready = await untilCondition(alice, created.name, "Ready", "True", undefined, 10_000);
    expect(ready.effectiveBeginTime?.seconds).toBeGreaterThanOrEqual(begin);
    // [RL2] released after that: the condition flips in place, with the end time.
    await alice.deleteLease({ name: created.name });
    const released = await untilCondition(alice, created.name, "Ready", "False", "Released");
    expect(summary(released)).toEqual(["Ready False Released"]);
    expect(condition(released, "Ready")?.lastTransitionTime?.seconds).toBe(released.effectiveEndTime?.seconds);
  });

  it("released while scheduled: [Ready False Released] without effective times [RL2]", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5", beginTime: seconds(nowS() + 86_400n), duration: seconds(H) } });
    await alice.deleteLease({ name: created.name });
    const released = await untilCondition(alice, created.name, "Ready", "False", "Released");
    expect(summary(released)).toEqual(["Ready False Released"]);
    expect(released.effectiveBeginTime).toBeUndefined();
    expect(released.effectiveEndTime).toBeUndefined();
  });

  it("a lease whose window is already over is assigned and expires in the same pass [TM3]", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rcar-s4", beginTime: seconds(nowS() - 60n), duration: { seconds: 5n } } });
    const expired = await untilCondition(alice, created.name, "Ready", "False", "Expired");
    expect(summary(expired)).toEqual(["Ready False Expired"]);
    expect(expired.effectiveBeginTime?.seconds).toBe(expired.effectiveEndTime?.seconds);
    expect(expired.effectiveDuration?.seconds ?? 0n).toBe(0n);
    // [RL3] an expired lease can still be released once.
    await alice.deleteLease({ name: created.name });
    expect(summary(await alice.getLease({ name: created.name }))).toEqual(["Ready False Expired"]);
    expect((await refusal(alice.deleteLease({ name: created.name }))).code).toBe("FailedPrecondition");
  });
});

describe("release [D1]-[D4], [RL1], [RL4]", () => {
  it("only the owner releases, and release is asynchronous: the flag first, then the end [RL1]", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5", duration: seconds(H) } });
    const ready = await untilCondition(alice, created.name, "Ready", "True");
    expect(await refusal(bob.deleteLease({ name: created.name }))).toEqual({ code: "Unknown", message: "DeleteLease permission denied" });
    expect(await refusal(alice.deleteLease({ name: "namespaces/lab/leases/nope" }))).toEqual({ code: "Unknown", message: 'leases.jumpstarter.dev "nope" not found' });
    await alice.deleteLease({ name: created.name });
    const released = await untilCondition(alice, created.name, "Ready", "False", "Released");
    expect(condition(released, "Ready")).toMatchObject({ message: "The lease was marked for release", observedGeneration: 2n });
    expect(released.exporter).toBe(ready.exporter);
    expect(released.effectiveEndTime).toBeDefined();
    // [O6] ended leases stay listable with only_active=false.
    expect((await alice.listLeases({ parent, onlyActive: false })).leases.map((l) => l.name)).toContain(created.name);
  });

  it("an exporter whose beforeLease hook fails releases its lease itself [RL4], [S2]", async () => {
    const created = await alice.createLease({ parent, lease: { exporterName: "rcar-h3-01", duration: seconds(H) } });
    await untilCondition(alice, created.name, "Ready", "True");
    const released = await untilCondition(alice, created.name, "Ready", "False", "Released", 10_000);
    expect(condition(released, "Ready")?.message).toBe("The lease was marked for release");
    const board = await exporter("rcar-h3-01");
    expect({ status: board.status, message: board.statusMessage }).toEqual({
      status: ExporterStatus.BEFORE_LEASE_HOOK_FAILED,
      message: "beforeLease hook failed (on_failure=endLease): flash timeout",
    });
    // The owner's own DeleteLease now finds it released.
    expect((await refusal(alice.deleteLease({ name: created.name }))).code).toBe("FailedPrecondition");
  });
});

describe("Pending retries [L7]", () => {
  it("come after the smallest of 1, 2, 4, 8 and 16 s at least the time already waited, then every 30 s", () => {
    expect([0, 300, 1_000, 1_300, 3_300, 7_300, 15_300, 16_000, 31_300, 600_000].map(pendingRetryDelayMs)).toEqual([
      1_000, 1_000, 1_000, 2_000, 4_000, 8_000, 16_000, 16_000, 30_000, 30_000,
    ]);
  });
});
