// CreateLease / UpdateLease / DeleteLease rules over gRPC: validation,
// retry safety, ownership, transfer, and the state checks.
import { create } from "@bufbuild/protobuf";
import { FieldMaskSchema, timestampFromMs, timestampMs } from "@bufbuild/protobuf/wkt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Code, condition, rpcError, startTestLab, untilCondition, type LabClient, type TestLab } from "./testing/lab-harness.js";

let t: TestLab;
let alice: LabClient;
let bob: LabClient;
const parent = "namespaces/lab";
const hour = { seconds: 3600n };
const mask = (...paths: string[]) => create(FieldMaskSchema, { paths });

beforeAll(async () => {
  t = await startTestLab();
  alice = t.client("alice-token");
  bob = t.client("bob-token");
});

afterAll(async () => {
  await t.close();
});

describe("CreateLease", () => {
  it("names the lease with a UUIDv7 when no lease_id is given", async () => {
    const lease = await alice.createLease({ parent, lease: { selector: "board=nope", duration: hour } });
    expect(lease.name).toMatch(/^namespaces\/lab\/leases\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("is retry-safe with a client-chosen lease_id: the repeat is AlreadyExists and nothing changes", async () => {
    const first = await alice.createLease({ parent, leaseId: "retry-me", lease: { selector: "board=nope", duration: hour, tags: { try: "1" } } });
    expect(first.name).toBe("namespaces/lab/leases/retry-me");
    const again = await rpcError(alice.createLease({ parent, leaseId: "retry-me", lease: { selector: "board=rpi5", duration: hour } }));
    expect(again.code).toBe(Code.AlreadyExists);
    expect(again.rawMessage).toBe('lease "retry-me" already exists');
    const stored = await alice.getLease({ name: first.name });
    expect(stored.selector).toBe("board=nope");
    expect(stored.tags).toEqual({ try: "1" });
  });

  it.each([
    ["no selector and no exporter_name", { duration: hour }, "selector or an exporter_name"],
    ["a selector that does not parse", { selector: "board in (a", duration: hour }, "invalid selector"],
    ["no duration", { selector: "board=rpi5" }, "a lease needs a duration"],
    ["a negative duration", { selector: "board=rpi5", duration: { seconds: -5n } }, "duration must be positive"],
    ["end before begin", { selector: "board=rpi5", beginTime: timestampFromMs(2e12), endTime: timestampFromMs(2e12 - 1000) }, "end_time must be after begin_time"],
    ["a duration that disagrees with begin and end", { selector: "board=rpi5", beginTime: timestampFromMs(2e12), endTime: timestampFromMs(2e12 + 60_000), duration: hour }, "does not match end_time - begin_time"],
    ["eleven tags", { selector: "board=rpi5", duration: hour, tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) }, "too many tags: 11"],
    ["a tag key with a slash", { selector: "board=rpi5", duration: hour, tags: { "team/name": "qa" } }, 'tag key "team/name"'],
    ["a bad tag value", { selector: "board=rpi5", duration: hour, tags: { team: "q a" } }, 'invalid value for tag "team"'],
    ["nine context entries", { selector: "board=rpi5", duration: hour, context: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, "v"])) }, "too many context entries: 9"],
    ["a long context key", { selector: "board=rpi5", duration: hour, context: { ["k".repeat(33)]: "v" } }, `context key "${"k".repeat(33)}" is too long`],
    ["a long context value", { selector: "board=rpi5", duration: hour, context: { why: "v".repeat(65) } }, 'context value of "why" is too long'],
  ])("rejects %s as InvalidArgument", async (_what, lease, message) => {
    const error = await rpcError(alice.createLease({ parent, lease }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain(message);
  });

  it("accepts exactly 10 tags and 8 context entries at their size limits", async () => {
    const tags = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`k${i}`, "v".repeat(63)]));
    const context = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`${i}`.padEnd(32, "k"), "v".repeat(64)]));
    const lease = await alice.createLease({ parent, lease: { selector: "board=nope", duration: hour, tags, context } });
    expect(lease.tags).toEqual(tags);
    expect(lease.context).toEqual(context);
  });

  it("rejects an invalid lease_id and leaves nothing behind", async () => {
    const error = await rpcError(alice.createLease({ parent, leaseId: "Not_Valid", lease: { selector: "board=rpi5", duration: hour } }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain("lease_id");
    const missing = await rpcError(alice.getLease({ name: "namespaces/lab/leases/Not_Valid" }));
    expect(missing.code).toBe(Code.InvalidArgument);
  });

  it("reconciles end_time and duration into begin_time", async () => {
    const end = Date.now() + 7_200_000;
    const lease = await alice.createLease({ parent, lease: { selector: "board=nope", endTime: timestampFromMs(end), duration: hour } });
    expect(timestampMs(lease.beginTime ?? timestampFromMs(0))).toBe(end - 3_600_000);
    expect(lease.duration?.seconds).toBe(3600n);
  });
});

describe("UpdateLease", () => {
  it("extends a lease and bumps its generation", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5,site=bcn", duration: hour } });
    await untilCondition(alice, created.name, "Ready", "True");
    const updated = await alice.updateLease({ lease: { name: created.name, duration: { seconds: 7200n } }, updateMask: mask("duration") });
    expect(updated.duration?.seconds).toBe(7200n);
    const observed = await untilCondition(alice, created.name, "Ready", "True");
    expect(condition(observed, "Ready")?.observedGeneration).toBe(2n);

    const error = await rpcError(alice.updateLease({ lease: { name: created.name, beginTime: timestampFromMs(Date.now() + 60_000) }, updateMask: mask("begin_time") }));
    expect(error.code).toBe(Code.FailedPrecondition);
    expect(error.rawMessage).toContain("begin_time");
    await alice.deleteLease({ name: created.name });
  });

  it("treats an empty mask as every field the message sets", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=nope", beginTime: timestampFromMs(Date.now() + 3_600_000), duration: hour } });
    const updated = await alice.updateLease({ lease: { name: created.name, duration: { seconds: 60n } } });
    expect(updated.duration?.seconds).toBe(60n);
    expect(updated.beginTime).toEqual(created.beginTime);
  });

  it("refuses to change only the duration of a lease with both begin_time and end_time", async () => {
    const begin = Date.now() + 3_600_000;
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5", beginTime: timestampFromMs(begin), endTime: timestampFromMs(begin + 600_000) } });
    const error = await rpcError(alice.updateLease({ lease: { name: created.name, duration: hour }, updateMask: mask("duration") }));
    expect(error.code).toBe(Code.InvalidArgument);
    const moved = await alice.updateLease({
      lease: { name: created.name, beginTime: timestampFromMs(begin + 60_000), endTime: timestampFromMs(begin + 960_000) },
      updateMask: mask("begin_time", "end_time"),
    });
    expect(moved.duration?.seconds).toBe(900n);
    const extended = await alice.updateLease({ lease: { name: created.name, endTime: timestampFromMs(begin + 1_860_000) }, updateMask: mask("end_time") });
    expect(extended.duration?.seconds).toBe(1800n);
    await alice.deleteLease({ name: created.name });
  });

  it.each([
    ["no name", { name: "" }, ["duration"], Code.InvalidArgument, "lease.name is required"],
    ["a malformed name", { name: "leases/x" }, ["duration"], Code.InvalidArgument, "invalid lease.name"],
    ["an unknown lease", { name: "namespaces/lab/leases/nope", duration: hour }, ["duration"], Code.NotFound, 'lease "nope" not found'],
    ["another namespace", { name: "namespaces/other/leases/x", duration: hour }, ["duration"], Code.PermissionDenied, "namespace mismatch"],
    ["an immutable field in the mask", { name: "namespaces/lab/leases/retry-me", selector: "board=rpi5" }, ["selector"], Code.InvalidArgument, 'update_mask path "selector"'],
  ])("rejects %s", async (_what, lease, paths, code, message) => {
    const error = await rpcError(alice.updateLease({ lease, updateMask: mask(...paths) }));
    expect(error.code).toBe(code);
    expect(error.rawMessage).toContain(message);
  });

  it("lets only the owner update, and ends a lease shortened into the past", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=qemu-x86", duration: hour } });
    await untilCondition(alice, created.name, "Ready", "True");
    const denied = await rpcError(bob.updateLease({ lease: { name: created.name, duration: { seconds: 7200n } }, updateMask: mask("duration") }));
    expect(denied.code).toBe(Code.PermissionDenied);
    expect((await alice.getLease({ name: created.name })).duration?.seconds).toBe(3600n);

    await alice.updateLease({ lease: { name: created.name, endTime: timestampFromMs(Date.now() - 1000) }, updateMask: mask("end_time") });
    const expired = await untilCondition(alice, created.name, "Ready", "False", "Expired");
    expect(expired.effectiveEndTime).toBeDefined();
    const late = await rpcError(alice.updateLease({ lease: { name: created.name, duration: hour }, updateMask: mask("duration") }));
    expect(late.code).toBe(Code.FailedPrecondition);
  });

  it("transfers a lease to another client of the namespace", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rcar-s4,site=brno", duration: hour } });
    await untilCondition(alice, created.name, "Ready", "True");
    const missing = await rpcError(alice.updateLease({ lease: { name: created.name, client: "namespaces/lab/clients/nobody" }, updateMask: mask("client") }));
    expect(missing.code).toBe(Code.NotFound);
    const elsewhere = await rpcError(alice.updateLease({ lease: { name: created.name, client: "namespaces/other/clients/bob" }, updateMask: mask("client") }));
    expect(elsewhere.code).toBe(Code.PermissionDenied);
    const malformed = await rpcError(alice.updateLease({ lease: { name: created.name, client: "bob" }, updateMask: mask("client") }));
    expect(malformed.code).toBe(Code.InvalidArgument);

    const moved = await alice.updateLease({ lease: { name: created.name, client: "namespaces/lab/clients/bob" }, updateMask: mask("client") });
    expect(moved.client).toBe("namespaces/lab/clients/bob");
    const exporter = await bob.getExporter({ name: moved.exporter ?? "" });
    expect(exporter.statusMessage).toBe("Leased by bob");
    const notYours = await rpcError(alice.deleteLease({ name: created.name }));
    expect(notYours.code).toBe(Code.PermissionDenied);
    await bob.deleteLease({ name: created.name });
  });
});

describe("DeleteLease", () => {
  it("releases a lease once; the second release is FailedPrecondition", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5,site=bcn", duration: hour, tags: { team: "qa" } } });
    await untilCondition(alice, created.name, "Ready", "True");
    const denied = await rpcError(bob.deleteLease({ name: created.name }));
    expect(denied.code).toBe(Code.PermissionDenied);
    await alice.deleteLease({ name: created.name });
    const released = await alice.getLease({ name: created.name });
    expect(condition(released, "Ready")).toMatchObject({ status: "False", reason: "Released" });
    expect(released.effectiveEndTime).toBeDefined();
    const again = await rpcError(alice.deleteLease({ name: created.name }));
    expect(again.code).toBe(Code.FailedPrecondition);
    expect(again.rawMessage).toContain("has already ended");
  });

  it("releases a scheduled lease before it starts", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=rpi5", beginTime: timestampFromMs(Date.now() + 3_600_000), duration: hour } });
    await alice.deleteLease({ name: created.name });
    const released = await alice.getLease({ name: created.name });
    expect(condition(released, "Ready")).toMatchObject({ status: "False", reason: "Released" });
    expect(released.exporter).toBeUndefined();
  });
});
