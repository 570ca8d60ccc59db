// UpdateLease [U1]-[U13] over gRPC, transfer [TR1]-[TR3], and the recipes a
// client sends [U13] for each stored shape. The full request/shape table is
// checked in lease-update.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { Lease, LeaseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { condition, refusal, startTestLab, untilCondition, type LabClient, type TestLab } from "./testing/lab-harness.js";

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

async function leaseOf(lease: MessageInitShape<typeof LeaseSchema>): Promise<Lease> {
  return alice.createLease({ parent, lease: { selector: "board=rcar-s4", ...lease } });
}

async function active(lease: MessageInitShape<typeof LeaseSchema>): Promise<Lease> {
  const created = await leaseOf(lease);
  return untilCondition(alice, created.name, "Ready", "True");
}

describe("order of checks [U1]-[U3]", () => {
  it("a missing lease message: UNKNOWN `panic caught: ...` [U1], [T5]", async () => {
    const r = await refusal(alice.updateLease({}));
    expect(r.code).toBe("Unknown");
    expect(r.message).toMatch(/^panic caught: /);
  });

  it("a malformed, unknown or foreign lease [U2], [U3]", async () => {
    expect(await refusal(alice.updateLease({ lease: { name: "x" } }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "x", expecting 4, got 1',
    });
    expect(await refusal(alice.updateLease({ lease: { name: "namespaces/lab/leases/nope", duration: seconds(H) } }))).toEqual({
      code: "Unknown",
      message: 'leases.jumpstarter.dev "nope" not found',
    });
    const mine = await leaseOf({ duration: seconds(H), beginTime: seconds(nowS() + 86_400n) });
    expect(await refusal(bob.updateLease({ lease: { name: mine.name, duration: seconds(2n * H) } }))).toEqual({ code: "Unknown", message: "UpdateLease permission denied" });
    await alice.deleteLease({ name: mine.name });
  });

  it("ignores update_mask, selector, tags and the other immutable fields [U11]", async () => {
    const begin = nowS() + 86_400n;
    const lease = await leaseOf({ duration: seconds(H), beginTime: seconds(begin), tags: { a: "1" } });
    const updated = await alice.updateLease({
      lease: { name: lease.name, duration: seconds(2n * H), tags: { b: "2" }, exporterName: "rpi5-01", allowDisabled: true },
      updateMask: { paths: ["tags"] },
    });
    expect(updated.duration?.seconds).toBe(2n * H);
    expect(updated.tags).toEqual({ a: "1" });
    expect(updated.exporterName).toBeUndefined();
    expect(updated.allowDisabled).toBe(false);
    expect(updated.selector).toBe("board=rcar-s4");
    // Nothing to change: succeeds and changes nothing.
    const same = await alice.updateLease({ lease: { name: lease.name } });
    expect(same.duration?.seconds).toBe(2n * H);
    await alice.deleteLease({ name: lease.name });
  });

  it("parses a selector sent with a time change: echoing `<none>` back fails [U5]", async () => {
    const lease = await alice.createLease({ parent, lease: { exporterName: "rpi5-02", duration: seconds(H), beginTime: seconds(nowS() + 86_400n) } });
    const r = await refusal(alice.updateLease({ lease: { name: lease.name, selector: "<none>", duration: seconds(2n * H) } }));
    expect(r.code).toBe("Unknown");
    expect(r.message).toMatch(/^failed to parse label selector: /);
    await alice.deleteLease({ name: lease.name });
  });

  it("answers without deprecated_labels [U10], [HL4]", async () => {
    const lease = await alice.createLease({ parent, lease: { selector: "location=brno-lab-2", duration: seconds(H), beginTime: seconds(nowS() + 86_400n) } });
    expect(lease.deprecatedLabels).toEqual({ location: "use site instead" });
    const updated = await alice.updateLease({ lease: { name: lease.name, duration: seconds(2n * H) } });
    expect(updated.deprecatedLabels).toEqual({});
    expect((await alice.getLease({ name: lease.name })).deprecatedLabels).toEqual({ location: "use site instead" });
    await alice.deleteLease({ name: lease.name });
  });
});

describe("the recipes of [U13] are accepted", () => {
  it("D, active: extend by sending duration = new end - effective_begin_time; never end_time", async () => {
    const lease = await active({ duration: seconds(H) });
    const begin = lease.effectiveBeginTime?.seconds ?? 0n;
    const newEnd = begin + 2n * H;
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, endTime: seconds(newEnd) } }))).toEqual({
      code: "Unknown",
      message: "duration is required (must specify Duration, or both BeginTime and EndTime)",
    });
    const updated = await alice.updateLease({ lease: { name: lease.name, duration: seconds(newEnd - begin) } });
    expect(updated.duration?.seconds).toBe(2n * H);
    expect(updated.beginTime).toBeUndefined();
    expect(updated.endTime).toBeUndefined();
    await alice.deleteLease({ name: lease.name });
  });

  it("BED, active (booked with an end time): extend with begin_time = B exactly, end_time = E, duration = E - B", async () => {
    const B = nowS() - 60n;
    const lease = await active({ beginTime: seconds(B), endTime: seconds(B + H) });
    const E = B + 3n * H;
    // What the v1 portal sent: end_time alone.
    expect((await refusal(alice.updateLease({ lease: { name: lease.name, endTime: seconds(E) } }))).message).toBe(
      "duration is required (must specify Duration, or both BeginTime and EndTime)",
    );
    // A duration alone conflicts with the stored window.
    expect((await refusal(alice.updateLease({ lease: { name: lease.name, duration: seconds(3n * H) } }))).message).toBe("duration conflicts with begin_time and end_time");
    const updated = await alice.updateLease({ lease: { name: lease.name, beginTime: lease.beginTime, endTime: seconds(E), duration: seconds(E - B) } });
    expect({ begin: updated.beginTime?.seconds, end: updated.endTime?.seconds, duration: updated.duration?.seconds }).toEqual({ begin: B, end: E, duration: 3n * H });
    // Shorten, the same way.
    const shorter = await alice.updateLease({ lease: { name: lease.name, beginTime: lease.beginTime, endTime: seconds(B + 2n * H), duration: seconds(2n * H) } });
    expect(shorter.endTime?.seconds).toBe(B + 2n * H);
    // The begin of a started lease cannot move [U6].
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, beginTime: seconds(B + 60n), endTime: seconds(E), duration: seconds(E - B - 60n) } }))).toEqual({
      code: "Unknown",
      message: "cannot update BeginTime: lease has already started",
    });
    await alice.deleteLease({ name: lease.name });
  });

  it("BD, scheduled: move the begin with begin_time and the current duration; a BED window keeps its length with begin, end and duration", async () => {
    const B = nowS() + 86_400n;
    const bd = await leaseOf({ beginTime: seconds(B), duration: seconds(H) });
    const moved = await alice.updateLease({ lease: { name: bd.name, beginTime: seconds(B + H), duration: seconds(H) } });
    expect(moved.beginTime?.seconds).toBe(B + H);
    const bed = await leaseOf({ beginTime: seconds(B), endTime: seconds(B + 2n * H) });
    const shifted = await alice.updateLease({ lease: { name: bed.name, beginTime: seconds(B + H), endTime: seconds(B + 3n * H), duration: seconds(2n * H) } });
    expect({ begin: shifted.beginTime?.seconds, end: shifted.endTime?.seconds }).toEqual({ begin: B + H, end: B + 3n * H });
    // Keep the end, move the begin: begin_time = B', duration = end - B'.
    const kept = await alice.updateLease({ lease: { name: bed.name, beginTime: seconds(B + 2n * H), duration: seconds(H) } });
    expect({ begin: kept.beginTime?.seconds, end: kept.endTime?.seconds, duration: kept.duration?.seconds }).toEqual({ begin: B + 2n * H, end: B + 3n * H, duration: H });
    await alice.deleteLease({ name: bd.name });
    await alice.deleteLease({ name: bed.name });
  });

  it("end + duration on a D lease gives it a begin (why a client must not send end_time there) [U12]", async () => {
    const lease = await leaseOf({ duration: seconds(H), beginTime: undefined, selector: "board=jetson-orin" });
    const E = nowS() + 86_400n;
    const updated = await alice.updateLease({ lease: { name: lease.name, endTime: seconds(E), duration: seconds(H) } });
    expect({ begin: updated.beginTime?.seconds, end: updated.endTime?.seconds }).toEqual({ begin: E - H, end: E });
    await alice.deleteLease({ name: lease.name });
  });

  it("the time fields of an ended lease still change, and nothing else happens [U11]", async () => {
    const lease = await active({ duration: seconds(H) });
    await alice.deleteLease({ name: lease.name });
    const ended = await untilCondition(alice, lease.name, "Ready", "False", "Released");
    const updated = await alice.updateLease({ lease: { name: lease.name, duration: seconds(5n * H) } });
    expect(updated.duration?.seconds).toBe(5n * H);
    expect(updated.conditions).toEqual(ended.conditions);
    expect(updated.effectiveEndTime).toEqual(ended.effectiveEndTime);
  });
});

describe("transfer [TR1]-[TR3]", () => {
  it("needs a lease that has started and not ended, and an existing client of the namespace [TR1]", async () => {
    const waiting = await leaseOf({ duration: seconds(H), beginTime: seconds(nowS() + 86_400n) });
    expect(await refusal(alice.updateLease({ lease: { name: waiting.name, client: "namespaces/lab/clients/bob" } }))).toEqual({
      code: "Unknown",
      message: "cannot transfer lease: lease has not started yet",
    });
    const lease = await active({ duration: seconds(H) });
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, client: "bob" } }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "bob", expecting 4, got 1',
    });
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, client: "namespaces/lab/exporters/bob" } }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid third segment in identifier "namespaces/lab/exporters/bob", expecting "clients", got "exporters"',
    });
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, client: "namespaces/other/clients/bob" } }))).toEqual({
      code: "Unknown",
      message: "cannot transfer lease to client in different namespace",
    });
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, client: "namespaces/lab/clients/zed" } }))).toEqual({
      code: "Unknown",
      message: 'target client not found: clients.jumpstarter.dev "zed" not found',
    });
    await alice.deleteLease({ name: waiting.name });
    await alice.deleteLease({ name: lease.name });
    await untilCondition(alice, lease.name, "Ready", "False", "Released");
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, client: "namespaces/lab/clients/bob" } }))).toEqual({
      code: "Unknown",
      message: "cannot transfer lease: lease has already ended",
    });
  });

  it("hands the lease over with its exporter, times and conditions; the former owner may no longer change it [TR2]", async () => {
    const lease = await active({ duration: seconds(H) });
    const given = await alice.updateLease({ lease: { name: lease.name, client: "namespaces/lab/clients/bob" } });
    expect(given.client).toBe("namespaces/lab/clients/bob");
    expect(given.exporter).toBe(lease.exporter);
    expect(given.effectiveBeginTime).toEqual(lease.effectiveBeginTime);
    expect(condition(given, "Ready")?.status).toBe("True");
    expect(await refusal(alice.updateLease({ lease: { name: lease.name, duration: seconds(2n * H) } }))).toEqual({ code: "Unknown", message: "UpdateLease permission denied" });
    expect(await refusal(alice.deleteLease({ name: lease.name }))).toEqual({ code: "Unknown", message: "DeleteLease permission denied" });
    // One call may combine a time change and a transfer [U13]; transfer to oneself is allowed.
    const both = await bob.updateLease({ lease: { name: lease.name, duration: seconds(2n * H), client: "namespaces/lab/clients/bob" } });
    expect(both.duration?.seconds).toBe(2n * H);
    await bob.deleteLease({ name: lease.name });
  });
});

describe("generations [O3]", () => {
  it("a change of a time field or of the owner adds 1; a request that changes nothing does not", async () => {
    const lease = await leaseOf({ duration: seconds(H), beginTime: seconds(nowS() + 2n) });
    await alice.updateLease({ lease: { name: lease.name, duration: seconds(H) } }); // same value
    await alice.updateLease({ lease: { name: lease.name, duration: seconds(2n * H) } }); // generation 2
    const ready = await untilCondition(alice, lease.name, "Ready", "True", undefined, 15_000);
    expect(condition(ready, "Ready")?.observedGeneration).toBe(2n);
    await alice.deleteLease({ name: lease.name }); // generation 3
    const released = await untilCondition(alice, lease.name, "Ready", "False", "Released");
    expect(condition(released, "Ready")?.observedGeneration).toBe(3n);
  });
});
