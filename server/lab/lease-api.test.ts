// CreateLease / UpdateLease / DeleteLease rules over gRPC: validation,
// retry safety, ownership, transfer, and the state checks.
import { create } from "@bufbuild/protobuf";
import { FieldMaskSchema, timestampFromMs, timestampMs } from "@bufbuild/protobuf/wkt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Code, condition, rpcError, startTestLab, until, untilCondition, type LabClient, type TestLab } from "./testing/lab-harness.js";

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
    ["eleven tags", { selector: "board=rpi5", duration: hour, tags: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, "v"])) }, "a lease may have at most 10 tags, not 11"],
    ["a tag key with a slash", { selector: "board=rpi5", duration: hour, tags: { "team/name": "qa" } }, `tag "team/name": label name "team/name" is invalid: it cannot contain '/'`],
    ["a bad tag value", { selector: "board=rpi5", duration: hour, tags: { team: "q a" } }, 'tag "team": label value "q a" is invalid'],
    ["nine context entries", { selector: "board=rpi5", duration: hour, context: Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, "v"])) }, "a lease may have at most 8 context entries, not 9"],
    ["a long context key", { selector: "board=rpi5", duration: hour, context: { ["k".repeat(33)]: "v" } }, `context key "${"k".repeat(33)}" is too long`],
    ["a long context value", { selector: "board=rpi5", duration: hour, context: { why: "v".repeat(65) } }, 'context value for "why" is too long (65 characters)'],
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

  it.each([
    ["site in (brno,bcn),board=rcar-s4", "board=rcar-s4,site in (bcn,brno)"],
    ["board!=rpi5", "board notin (rpi5)"],
    ["site!=brno,board==rpi5,site!=bcn", "board=rpi5,site notin (bcn,brno)"],
    ["  arch = arm64 , !reserved ", "arch=arm64,!reserved"],
    ["board=rpi5,board=rpi5", "board=rpi5"],
  ])("reports the selector %j as %j", async (selector, reported) => {
    // Scheduled far ahead, so no board is taken from the other tests.
    const lease = await alice.createLease({ parent, lease: { selector, beginTime: timestampFromMs(Date.now() + 86_400_000), duration: hour } });
    expect(lease.selector).toBe(reported);
    expect((await alice.getLease({ name: lease.name })).selector).toBe(reported);
    await alice.deleteLease({ name: lease.name });
  });

  it("rejects a selector that wants two values of one label", async () => {
    const error = await rpcError(alice.createLease({ parent, lease: { selector: "board=rpi5,site=bcn,board=rcar-s4", duration: hour } }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain('label "board" cannot equal both "rpi5" and "rcar-s4"');
  });

  it("reconciles begin_time and end_time into duration", async () => {
    const begin = Date.now() + 86_400_000;
    const lease = await alice.createLease({ parent, lease: { selector: "board=nope", beginTime: timestampFromMs(begin), endTime: timestampFromMs(begin + 5_400_000) } });
    expect(lease.duration).toMatchObject({ seconds: 5400n, nanos: 0 });
    expect(timestampMs(lease.beginTime ?? timestampFromMs(0))).toBe(begin);
    expect(timestampMs(lease.endTime ?? timestampFromMs(0))).toBe(begin + 5_400_000);
    const agreeing = await alice.createLease({
      parent,
      lease: { selector: "board=nope", beginTime: timestampFromMs(begin), endTime: timestampFromMs(begin + 60_000), duration: { seconds: 60n } },
    });
    expect(agreeing.duration?.seconds).toBe(60n);
  });

  it("reconciles end_time and duration into begin_time", async () => {
    const end = Date.now() + 7_200_000;
    const lease = await alice.createLease({ parent, lease: { selector: "board=nope", endTime: timestampFromMs(end), duration: hour } });
    expect(timestampMs(lease.beginTime ?? timestampFromMs(0))).toBe(end - 3_600_000);
    expect(lease.duration?.seconds).toBe(3600n);
  });
});

describe("CreateLease with malformed input", () => {
  const rpi = { selector: "board=rpi5" };
  const ts = (seconds: bigint, nanos = 0) => ({ seconds, nanos });
  it.each([
    ["begin_time nanos above 999999999", { ...rpi, duration: hour, beginTime: ts(2_000_000_000n, 1_000_000_000) }, "begin_time is not a valid timestamp"],
    ["negative end_time nanos", { ...rpi, beginTime: ts(2_000_000_000n), endTime: ts(2_000_003_600n, -1) }, "end_time is not a valid timestamp"],
    ["a begin_time after the year 9999", { ...rpi, duration: hour, beginTime: ts(253_402_300_800n) }, "begin_time is not a valid timestamp (years 0001 to 9999"],
    ["an end_time before the year 0001", { ...rpi, duration: hour, endTime: ts(-62_135_596_801n) }, "end_time is not a valid timestamp"],
    ["duration nanos out of range", { ...rpi, duration: { seconds: 60n, nanos: 1_000_000_000 } }, "duration is not a valid duration"],
    ["duration seconds and nanos of opposite signs", { ...rpi, duration: { seconds: 60n, nanos: -1 } }, "duration is not a valid duration"],
    ["a duration over 10,000 years", { ...rpi, duration: { seconds: 315_576_000_001n } }, "duration is not a valid duration"],
    ["a duration of one nanosecond", { ...rpi, duration: { seconds: 0n, nanos: 1 } }, "duration of 1ns is too short: a lease lasts at least 1ms"],
    ["a duration of minus one nanosecond", { ...rpi, duration: { seconds: 0n, nanos: -1 } }, "duration must be positive"],
    ["a zero duration", { ...rpi, duration: { seconds: 0n } }, "a lease needs a duration, or an end time with a begin time"],
    ["begin_time alone", { ...rpi, beginTime: ts(2_000_000_000n) }, "a lease needs a duration"],
    ["end_time alone", { ...rpi, endTime: ts(2_000_000_000n) }, "a lease needs a duration"],
    ["end_time - duration before the year 0001", { ...rpi, endTime: ts(2_000_000_000n), duration: { seconds: 315_576_000_000n } }, "falls before the year 0001"],
    ["an empty exporter_name and no selector", { exporterName: "", duration: hour }, "selector or an exporter_name"],
    ["an empty tag key", { ...rpi, duration: hour, tags: { "": "x" } }, 'tag "": label name is empty'],
    ["an empty context key", { ...rpi, duration: hour, context: { "": "x" } }, "context key is empty"],
  ])("rejects %s as InvalidArgument", async (_what, lease, message) => {
    const error = await rpcError(alice.createLease({ parent, leaseId: "malformed", lease }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain(message);
    expect((await rpcError(alice.getLease({ name: "namespaces/lab/leases/malformed" }))).code).toBe(Code.NotFound);
  });

  it.each([
    ["a lease_id with a slash", "a/b", "is invalid"],
    ["an upper-case lease_id", "Lease-1", "lowercase"],
    ["a lease_id over 253 characters", "a".repeat(254), "is too long (254 characters)"],
  ])("rejects %s as InvalidArgument", async (_what, leaseId, message) => {
    const error = await rpcError(alice.createLease({ parent, leaseId, lease: { selector: "board=rpi5", duration: hour } }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain(`lease_id`);
    expect(error.rawMessage).toContain(message);
  });

  it("checks the request before the namespace, and the namespace before existence", async () => {
    const malformed = await rpcError(alice.createLease({ parent: "namespaces/other", lease: { selector: "board in (", duration: hour } }));
    expect(malformed.code).toBe(Code.InvalidArgument);
    const elsewhere = await rpcError(alice.createLease({ parent: "namespaces/other", leaseId: "retry-me", lease: { selector: "board=rpi5", duration: hour } }));
    expect(elsewhere.code).toBe(Code.PermissionDenied);
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
    ["a malformed duration, before the namespace", { name: "namespaces/other/leases/x", duration: { seconds: 1n, nanos: -1 } }, ["duration"], Code.InvalidArgument, "duration is not a valid duration"],
    ["a malformed new owner, before existence", { name: "namespaces/lab/leases/nope", client: "bob" }, ["client"], Code.InvalidArgument, "invalid lease.client"],
    ["a new owner in another namespace, before existence", { name: "namespaces/lab/leases/nope", client: "namespaces/other/clients/bob" }, ["client"], Code.PermissionDenied, "namespace mismatch"],
    ["client in the mask but not in the message", { name: "namespaces/lab/leases/retry-me" }, ["client"], Code.InvalidArgument, "lease.client is empty"],
  ])("rejects %s", async (_what, lease, paths, code, message) => {
    const error = await rpcError(alice.updateLease({ lease, updateMask: mask(...paths) }));
    expect(error.code).toBe(code);
    expect(error.rawMessage).toContain(message);
  });

  it("re-reconciles the times with the rules of CreateLease", async () => {
    const begin = Date.now() + 86_400_000;
    const created = await alice.createLease({ parent, lease: { selector: "board=nope", beginTime: timestampFromMs(begin), duration: hour } });
    // begin_time stored, end_time given: the duration becomes end - begin.
    const extended = await alice.updateLease({ lease: { name: created.name, endTime: timestampFromMs(begin + 7_200_000) }, updateMask: mask("end_time") });
    expect(extended.duration).toMatchObject({ seconds: 7200n, nanos: 0 });
    expect(timestampMs(extended.beginTime ?? timestampFromMs(0))).toBe(begin);
    const window = await alice.updateLease({
      lease: { name: created.name, beginTime: timestampFromMs(begin + 60_000), endTime: timestampFromMs(begin + 1_860_000) },
      updateMask: mask("begin_time", "end_time"),
    });
    expect(window.duration).toMatchObject({ seconds: 1800n, nanos: 0 });
    // end_time and duration, begin_time cleared: begin = end - duration.
    const byEnd = await alice.updateLease({
      lease: { name: created.name, endTime: timestampFromMs(begin + 7_200_000), duration: { seconds: 600n } },
      updateMask: mask("begin_time", "end_time", "duration"),
    });
    expect(timestampMs(byEnd.beginTime ?? timestampFromMs(0))).toBe(begin + 6_600_000);
    expect(byEnd.duration?.seconds).toBe(600n);

    const before = await alice.getLease({ name: created.name });
    for (const [lease, paths, message] of [
      [{ beginTime: timestampFromMs(begin), endTime: timestampFromMs(begin + 60_000), duration: hour }, ["begin_time", "end_time", "duration"], "does not match end_time - begin_time"],
      [{ duration: { seconds: -60n } }, ["duration"], "duration must be positive"],
      [{ beginTime: timestampFromMs(begin + 7_200_000) }, ["begin_time"], "end_time must be after begin_time"],
      [{}, ["duration", "begin_time"], "a lease needs a duration"],
      [{ endTime: { seconds: 1n, nanos: -5 } }, ["end_time"], "end_time is not a valid timestamp"],
      [{ endTime: timestampFromMs(0), duration: { seconds: 315_576_000_000n } }, ["begin_time", "end_time", "duration"], "falls before the year 0001"],
    ] as const) {
      const error = await rpcError(alice.updateLease({ lease: { name: created.name, ...lease }, updateMask: mask(...paths) }));
      expect(error.code).toBe(Code.InvalidArgument);
      expect(error.rawMessage).toContain(message);
    }
    expect(await alice.getLease({ name: created.name })).toEqual(before);
    await alice.deleteLease({ name: created.name });
  });

  it("moves begin_time of a lease still waiting for its board", async () => {
    const created = await alice.createLease({ parent, lease: { exporterName: "jetson-orin-01", duration: hour } });
    await untilCondition(alice, created.name, "Pending", "True", "Offline");
    const later = Date.now() + 3_600_000;
    const moved = await alice.updateLease({ lease: { name: created.name, beginTime: timestampFromMs(later) }, updateMask: mask("begin_time") });
    expect(timestampMs(moved.beginTime ?? timestampFromMs(0))).toBe(later);
    // Scheduled again: the Pending condition goes away.
    const scheduled = await until("the Pending condition to go", async () => {
      const lease = await alice.getLease({ name: created.name });
      return lease.conditions.length === 0 ? lease : undefined;
    });
    expect(scheduled.exporter).toBeUndefined();
    await alice.deleteLease({ name: created.name });
  });

  it.each(["selector", "tags", "exporter_name", "allow_disabled", "context", "name", "effective_begin_time", "conditions"])(
    "rejects update_mask path %j as InvalidArgument and changes nothing",
    async (path) => {
      const name = "namespaces/lab/leases/retry-me";
      const before = await alice.getLease({ name });
      const error = await rpcError(
        alice.updateLease({
          lease: { name, selector: "board=rpi5", tags: { try: "2" }, exporterName: "rpi5-01", allowDisabled: true, context: { a: "b" }, duration: hour },
          updateMask: mask("duration", path),
        }),
      );
      expect(error.code).toBe(Code.InvalidArgument);
      expect(error.rawMessage).toContain(`update_mask path "${path}" cannot be updated: UpdateLease changes duration, begin_time, end_time, client`);
      expect(await alice.getLease({ name })).toEqual(before);
    },
  );

  it("ignores immutable and output fields of the message when the mask is empty", async () => {
    const created = await alice.createLease({ parent, lease: { selector: "board=nope", beginTime: timestampFromMs(Date.now() + 86_400_000), duration: hour, tags: { a: "1" } } });
    // A client that sends back the whole lease it got, with one field changed.
    const { $typeName: _typeName, ...fields } = created;
    const updated = await alice.updateLease({
      lease: { ...fields, selector: "board=rpi5", tags: { b: "2" }, exporterName: "rpi5-01", duration: { seconds: 120n }, conditions: [] },
    });
    expect(updated).toMatchObject({ selector: "board=nope", tags: { a: "1" }, duration: { seconds: 120n } });
    expect(updated.exporterName).toBeUndefined();
    await alice.deleteLease({ name: created.name });
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

describe("a refused call", () => {
  it("changes nothing, whatever the reason it was refused", async () => {
    const ready = await alice.createLease({ parent, leaseId: "steady", lease: { exporterName: "rcar-s4-02", duration: hour, tags: { keep: "me" } } });
    await untilCondition(alice, ready.name, "Ready", "True");
    const scheduled = await alice.createLease({ parent, leaseId: "later", lease: { selector: "board=rpi5", beginTime: timestampFromMs(Date.now() + 86_400_000), duration: hour } });
    const ended = await alice.createLease({ parent, leaseId: "gone", lease: { selector: "board=nope", beginTime: timestampFromMs(Date.now() + 86_400_000), duration: hour } });
    await alice.deleteLease({ name: ended.name });

    const snapshot = async () => ({
      // effective_duration of a held lease grows by itself: leave it out.
      leases: (await alice.listLeases({ parent, onlyActive: false })).leases.map(({ effectiveDuration: _held, ...rest }) => rest),
      exporters: (await alice.listExporters({ parent, showHiddenLabels: true })).exporters,
    });
    const before = await snapshot();

    const refused: [Code, () => Promise<unknown>][] = [
      [Code.Unauthenticated, () => t.client(undefined).deleteLease({ name: ready.name })],
      [Code.Unauthenticated, () => t.client("stolen").updateLease({ lease: { name: ready.name, duration: { seconds: 60n } } })],
      [Code.PermissionDenied, () => bob.updateLease({ lease: { name: ready.name, duration: { seconds: 60n } }, updateMask: mask("duration") })],
      [Code.PermissionDenied, () => bob.updateLease({ lease: { name: ready.name, client: "namespaces/lab/clients/bob" }, updateMask: mask("client") })],
      [Code.PermissionDenied, () => bob.deleteLease({ name: ready.name })],
      [Code.PermissionDenied, () => alice.updateLease({ lease: { name: "namespaces/other/leases/steady", duration: hour } })],
      [Code.PermissionDenied, () => alice.updateLease({ lease: { name: ready.name, client: "namespaces/other/clients/bob" }, updateMask: mask("client") })],
      [Code.PermissionDenied, () => alice.createLease({ parent: "namespaces/other", leaseId: "fresh", lease: { selector: "board=rpi5", duration: hour } })],
      [Code.PermissionDenied, () => alice.rotateToken({ parent: "namespaces/other" })],
      [Code.FailedPrecondition, () => alice.updateLease({ lease: { name: ready.name, beginTime: timestampFromMs(Date.now() + 60_000) }, updateMask: mask("begin_time") })],
      [Code.FailedPrecondition, () => alice.updateLease({ lease: { name: ended.name, duration: { seconds: 60n } }, updateMask: mask("duration") })],
      [Code.FailedPrecondition, () => alice.deleteLease({ name: ended.name })],
      [Code.NotFound, () => alice.updateLease({ lease: { name: ready.name, client: "namespaces/lab/clients/nobody" }, updateMask: mask("client") })],
      [Code.InvalidArgument, () => alice.updateLease({ lease: { name: ready.name, tags: { a: "b" } }, updateMask: mask("tags") })],
      [Code.InvalidArgument, () => alice.updateLease({ lease: { name: ready.name, client: "bob" }, updateMask: mask("client") })],
      [Code.InvalidArgument, () => alice.updateLease({ lease: { name: scheduled.name, duration: { seconds: -1n } }, updateMask: mask("duration") })],
      [Code.InvalidArgument, () => alice.updateLease({ lease: { name: scheduled.name, endTime: timestampFromMs(0) }, updateMask: mask("end_time", "duration") })],
      [Code.InvalidArgument, () => alice.createLease({ parent, leaseId: "fresh", lease: { selector: "board=rpi5", duration: hour, tags: { "a/b": "c" } } })],
      [Code.InvalidArgument, () => alice.listLeases({ parent, pageToken: "nope" })],
      [Code.AlreadyExists, () => alice.createLease({ parent, leaseId: "steady", lease: { selector: "board=rpi5", duration: { seconds: 60n } } })],
    ];
    // One after the other, so each sees the state the previous one (should have) left alone.
    for (const [code, call] of refused) expect((await rpcError(call())).code).toBe(code);

    expect(await snapshot()).toEqual(before);
    expect((await rpcError(alice.getLease({ name: "namespaces/lab/leases/fresh" }))).code).toBe(Code.NotFound);
    await alice.deleteLease({ name: ready.name });
    await alice.deleteLease({ name: scheduled.name });
  });
});
