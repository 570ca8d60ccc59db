// Every row of the conditions table a lab without access policies can produce,
// seen by a gRPC client of the running simulator.
import { timestampFromMs, timestampMs } from "@bufbuild/protobuf/wkt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { condition, startTestLab, until, untilCondition, type LabClient, type TestLab } from "./testing/lab-harness.js";

let t: TestLab;
let alice: LabClient;
let bob: LabClient;
const parent = "namespaces/lab";
const minutes = (n: number) => ({ seconds: BigInt(n * 60) });

beforeAll(async () => {
  t = await startTestLab();
  alice = t.client("alice-token");
  bob = t.client("bob-token");
});

afterAll(async () => {
  await t.close();
});

async function create(client: LabClient, lease: Parameters<LabClient["createLease"]>[0]["lease"], leaseId = "") {
  return client.createLease({ parent, leaseId, lease });
}

describe("lease conditions", () => {
  it("answers a create with the stored lease and no condition yet, then becomes Ready", async () => {
    const created = await create(alice, { selector: "site=bcn, board=rcar-s4", duration: minutes(10) });
    expect(created.conditions).toEqual([]);
    expect(created.selector).toBe("board=rcar-s4,site=bcn");
    expect(created.client).toBe("namespaces/lab/clients/alice");
    const ready = await untilCondition(alice, created.name, "Ready", "True", "Ready");
    expect(ready.exporter).toBe("namespaces/lab/exporters/rcar-s4-01");
    expect(ready.effectiveBeginTime).toBeDefined();
    const c = condition(ready, "Ready");
    expect(c?.observedGeneration).toBe(1n);
    expect(c?.lastTransitionTime?.seconds).toBeGreaterThan(0n);
    const exporter = await alice.getExporter({ name: "namespaces/lab/exporters/rcar-s4-01" });
    expect(exporter.status).toBe(ExporterStatus.LEASE_READY);
    expect(exporter.statusMessage).toBe("Leased by alice");
    await alice.deleteLease({ name: created.name });
  });

  it("ends a lease with a blank selector and no exporter_name as Invalid/InvalidSelector", async () => {
    const created = await create(alice, { selector: "   ", duration: minutes(5) });
    expect(created.selector).toBe("<none>");
    const lease = await untilCondition(alice, created.name, "Invalid", "True", "InvalidSelector");
    expect(lease.effectiveEndTime).toBeDefined();
    const active = await alice.listLeases({ parent });
    expect(active.leases.map((l) => l.name)).not.toContain(created.name);
  });

  it.each([
    ["ExporterNotFound", { exporterName: "no-such-board" }, 'exporter "no-such-board" does not exist'],
    ["SelectorMismatch", { exporterName: "rpi5-01", selector: "site=brno" }, 'exporter "rpi5-01" does not match selector "site=brno"'],
    ["ExporterDisabled", { exporterName: "imx8mp-01" }, 'exporter "imx8mp-01" is disabled'],
    ["AllDisabled", { selector: "board=imx8mp" }, 'the only exporter matching selector "board=imx8mp" is disabled'],
    ["NoAccess", { selector: "board=nope" }, 'no exporter matches selector "board=nope"'],
  ])("ends at once as Unsatisfiable/%s", async (reason, target, message) => {
    const created = await create(alice, { ...target, duration: minutes(5) });
    const lease = await untilCondition(alice, created.name, "Unsatisfiable", "True", reason);
    expect(condition(lease, "Unsatisfiable")?.message).toContain(message);
    expect(lease.effectiveEndTime).toBeDefined();
    expect(lease.exporter).toBeUndefined();
  });

  it("lets allow_disabled take a disabled exporter by name", async () => {
    const created = await create(alice, { exporterName: "imx8mp-01", allowDisabled: true, duration: minutes(5) });
    expect(created.selector).toBe("<none>");
    expect(created.exporterName).toBe("imx8mp-01");
    const ready = await untilCondition(alice, created.name, "Ready", "True");
    expect(ready.exporter).toBe("namespaces/lab/exporters/imx8mp-01");
    await alice.deleteLease({ name: created.name });
  });

  it.each([
    ["by selector", { selector: "board=jetson-orin" }, 'the only enabled exporter matching selector "board=jetson-orin" is offline'],
    ["by name", { exporterName: "jetson-orin-01" }, 'exporter "jetson-orin-01" is offline'],
  ])("waits as Pending/Offline %s", async (_how, target, message) => {
    const created = await create(alice, { ...target, duration: minutes(5) });
    const lease = await untilCondition(alice, created.name, "Pending", "True", "Offline");
    expect(condition(lease, "Pending")?.message).toBe(message);
    expect(lease.effectiveEndTime).toBeUndefined();
    await alice.deleteLease({ name: created.name });
    const released = await alice.getLease({ name: created.name });
    expect(condition(released, "Ready")).toMatchObject({ status: "False", reason: "Released" });
    expect(condition(released, "Pending")?.status).toBe("False");
    expect(released.effectiveDuration?.seconds).toBe(0n);
  });

  it("queues as Pending/NotAvailable and takes the board as soon as it is released", async () => {
    const first = await create(alice, { exporterName: "rpi5-02", duration: minutes(10) });
    await untilCondition(alice, first.name, "Ready", "True");
    const second = await create(bob, { exporterName: "rpi5-02", duration: minutes(10) });
    const pending = await untilCondition(bob, second.name, "Pending", "True", "NotAvailable");
    expect(condition(pending, "Pending")?.message).toBe('exporter "rpi5-02" is leased by someone else');
    const bySelector = await create(bob, { selector: "board=rpi5,site=brno", duration: minutes(10) });
    await untilCondition(bob, bySelector.name, "Pending", "True", "NotAvailable");

    await alice.deleteLease({ name: first.name });
    // The oldest waiting lease gets the board first.
    const ready = await untilCondition(bob, second.name, "Ready", "True", "Ready");
    expect(condition(ready, "Pending")).toMatchObject({ status: "False" });
    expect(ready.exporter).toBe("namespaces/lab/exporters/rpi5-02");
    expect(condition(await bob.getLease({ name: bySelector.name }), "Pending")?.status).toBe("True");
    await bob.deleteLease({ name: second.name });
    await untilCondition(bob, bySelector.name, "Ready", "True", "Ready");
    await bob.deleteLease({ name: bySelector.name });
  });

  it("waits as Pending/NotReady while the board runs its after-lease hook", async () => {
    const first = await create(alice, { exporterName: "sk-am62-01", duration: minutes(10) });
    await untilCondition(alice, first.name, "Ready", "True");
    const hook = await alice.getExporter({ name: "namespaces/lab/exporters/sk-am62-01" });
    expect(hook.status).toBe(ExporterStatus.BEFORE_LEASE_HOOK);
    expect(hook.statusMessage).toContain("before-lease hook");
    await alice.deleteLease({ name: first.name });
    const cleaning = await alice.getExporter({ name: "namespaces/lab/exporters/sk-am62-01" });
    expect(cleaning.status).toBe(ExporterStatus.AFTER_LEASE_HOOK);

    const second = await create(bob, { selector: "board=sk-am62", duration: minutes(10) });
    const pending = await untilCondition(bob, second.name, "Pending", "True", "NotReady");
    expect(condition(pending, "Pending")?.message).toContain("after-lease hook");
    await untilCondition(bob, second.name, "Ready", "True", "Ready");
    await bob.deleteLease({ name: second.name });
  });

  it("is released by the exporter when its before-lease hook fails", async () => {
    const created = await create(alice, { selector: "board=rcar-h3", duration: minutes(10) });
    await untilCondition(alice, created.name, "Ready", "True");
    const released = await untilCondition(alice, created.name, "Ready", "False", "Released");
    expect(condition(released, "Ready")?.message).toBe('exporter "rcar-h3-01" released the lease: before-lease hook failed: flash timeout');
    expect(released.effectiveEndTime).toBeDefined();
    const exporter = await alice.getExporter({ name: "namespaces/lab/exporters/rcar-h3-01" });
    expect(exporter.status).toBe(ExporterStatus.BEFORE_LEASE_HOOK_FAILED);
    expect(exporter.statusMessage).toBe("before-lease hook failed: flash timeout");

    const next = await create(alice, { exporterName: "rcar-h3-01", duration: minutes(10) });
    const pending = await untilCondition(alice, next.name, "Pending", "True", "NotAvailable");
    expect(condition(pending, "Pending")?.message).toContain("flash timeout");
    await alice.deleteLease({ name: next.name });
  });

  it("keeps a scheduled lease without conditions until begin_time, then assigns it", async () => {
    const begin = Date.now() + 1_000;
    const created = await create(alice, { selector: "board=qemu-x86", beginTime: timestampFromMs(begin), duration: { seconds: 60n } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const early = await alice.getLease({ name: created.name });
    expect(early.conditions).toEqual([]);
    expect(early.beginTime && timestampMs(early.beginTime)).toBe(begin);
    const ready = await untilCondition(alice, created.name, "Ready", "True");
    expect(timestampMs(ready.effectiveBeginTime ?? timestampFromMs(0))).toBeGreaterThanOrEqual(begin);
    await alice.deleteLease({ name: created.name });
  });

  it("expires a lease after its duration and frees the board", async () => {
    const created = await create(alice, { exporterName: "rcar-s4-02", duration: { seconds: 1n } });
    const ready = await untilCondition(alice, created.name, "Ready", "True");
    const expired = await untilCondition(alice, created.name, "Ready", "False", "Expired");
    const c = condition(expired, "Ready");
    expect(c?.message).toContain("ran out");
    expect(c?.lastTransitionTime?.seconds).toBeGreaterThan(0n);
    const held = Number(expired.effectiveDuration?.seconds ?? 0n) * 1000 + (expired.effectiveDuration?.nanos ?? 0) / 1e6;
    expect(held).toBeGreaterThanOrEqual(1000);
    expect(timestampMs(expired.effectiveEndTime ?? timestampFromMs(0))).toBeGreaterThan(timestampMs(ready.effectiveBeginTime ?? timestampFromMs(0)));
    await until("rcar-s4-02 to be available again", async () => {
      const e = await alice.getExporter({ name: "namespaces/lab/exporters/rcar-s4-02" });
      return e.status === ExporterStatus.AVAILABLE ? e : undefined;
    });
  });

  it("ends a scheduled lease that reaches its end without a board as Expired", async () => {
    const now = Date.now();
    const created = await create(alice, {
      exporterName: "jetson-orin-01",
      beginTime: timestampFromMs(now + 200),
      endTime: timestampFromMs(now + 1_200),
    });
    expect(created.duration?.seconds).toBe(1n);
    await untilCondition(alice, created.name, "Pending", "True", "Offline");
    const expired = await untilCondition(alice, created.name, "Ready", "False", "Expired");
    expect(expired.exporter).toBeUndefined();
    expect(condition(expired, "Pending")?.status).toBe("False");
  });
});
