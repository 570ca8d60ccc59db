// CreateLease [C1]-[C11]: checks in the controller's order, codes and texts;
// the times it stores [TM1]/[TM2] in whole seconds [O2]; normalised selectors
// [F4]/[F5]; tags [TG1]-[TG3] and context [TG4]; the answer [C9]/[O4].
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MessageInitShape } from "@bufbuild/protobuf";
import type { LeaseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startLab } from "./lab.js";
import { clientAs, refusal, startTestLab, type LabClient, type TestLab } from "./testing/lab-harness.js";

const parent = "namespaces/lab";
const H = 3600n;
let t: TestLab;
let alice: LabClient;

beforeAll(async () => {
  t = await startTestLab();
  alice = t.as("alice");
});
afterAll(() => t.close());

const create = (lease: MessageInitShape<typeof LeaseSchema>, leaseId = "") => alice.createLease({ parent, leaseId, lease });
const seconds = (n: bigint | number) => ({ seconds: BigInt(n) });
const future = BigInt(Math.floor(Date.now() / 1000) + 86_400);

describe("checks before authentication [C1]-[C3]", () => {
  it("a missing lease: INVALID_ARGUMENT `lease is required` [C1]", async () => {
    expect(await refusal(alice.createLease({ parent }))).toEqual({ code: "InvalidArgument", message: "lease is required" });
  });

  it("no selector and no exporter_name, even unauthenticated: INVALID_ARGUMENT [C2]", async () => {
    const anonymous = t.client({});
    expect(await refusal(anonymous.createLease({ parent, lease: { duration: seconds(60) } }))).toEqual({
      code: "InvalidArgument",
      message: "one of selector or exporter_name is required",
    });
    expect(await refusal(anonymous.createLease({ parent: "garbage", lease: { exporterName: "", duration: seconds(60) } }))).toEqual({
      code: "InvalidArgument",
      message: "one of selector or exporter_name is required",
    });
  });

  it.each<[Record<string, string>, string]>([
    [Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`t${i}`, "v"])), "invalid lease tags: too many tags: 11 (maximum 10)"],
    [{ "jumpstarter.dev/x": "1" }, `invalid lease tags: tag key "jumpstarter.dev/x" must not use reserved prefix`],
    [{ "a/b": "1" }, `invalid lease tags: tag key "a/b" must not contain '/' (use simple names without prefix)`],
    [{ team: "two words" }, `invalid lease tags: tag value for key "team" is not a valid label value: a valid label must be an empty string`],
  ])("bad tags %j: INVALID_ARGUMENT [C3], [TG1]", async (tags, message) => {
    const r = await refusal(t.client({}).createLease({ parent, lease: { selector: "board=rpi5", duration: seconds(60), tags } }));
    expect(r.code).toBe("InvalidArgument");
    expect(r.message).toContain(message);
  });

  it("then the parent and authentication [C4]", async () => {
    expect(await refusal(t.client({}).createLease({ parent: "lab", lease: { selector: "board=rpi5", duration: seconds(60) } }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "lab", expecting 2, got 1',
    });
    expect(await refusal(t.client({}).createLease({ parent, lease: { selector: "board=rpi5", duration: seconds(60) } }))).toEqual({
      code: "Unauthenticated",
      message: "missing authorization header",
    });
  });
});

describe("selectors [C6], [F4], [F5]", () => {
  it.each([
    ["board==rpi5", "unsupported label selector operator: =="],
    ["ram>4", "unsupported label selector operator: gt"],
    ["ram<4", "unsupported label selector operator: lt"],
    ["board=a,board=b", "invalid selector: label board cannot have multiple equality requirements with different values (a and b)"],
  ])("%j is refused: UNKNOWN %s", async (selector, message) => {
    expect(await refusal(create({ selector, duration: seconds(60) }))).toEqual({ code: "Unknown", message });
  });

  it("a selector that does not parse: UNKNOWN `failed to parse label selector: ...`", async () => {
    const r = await refusal(create({ selector: "board in (a", duration: seconds(60) }));
    expect(r.code).toBe("Unknown");
    expect(r.message).toMatch(/^failed to parse label selector: /);
  });

  it.each([
    ["site in (brno,bcn),board=rpi5", "board=rpi5,site in (bcn,brno)"],
    ["board!=x", "board notin (x)"],
    ["board=rpi5 , !reserved", "board=rpi5,!reserved"],
    ["board!=a,board!=b", "board notin (a,b)"],
  ])("%j is stored normalised as %j [F5]", async (selector, normalised) => {
    const lease = await create({ selector, duration: seconds(60) });
    expect(lease.selector).toBe(normalised);
    await alice.deleteLease({ name: lease.name });
  });

  it("a pinned-only lease reports the selector `<none>` and its exporter_name [F5], [O4]", async () => {
    const lease = await create({ exporterName: "rpi5-02", duration: seconds(60) });
    expect(lease.selector).toBe("<none>");
    expect(lease.exporterName).toBe("rpi5-02");
    await alice.deleteLease({ name: lease.name });
  });

  it("a selector of blanks with no exporter passes [C2] and is refused by the API server [C8]", async () => {
    const r = await refusal(create({ selector: "   ", duration: seconds(60) }, "blank-selector"));
    expect(r).toEqual({
      code: "Unknown",
      message: 'Lease.jumpstarter.dev "blank-selector" is invalid: spec: Invalid value: "object": one of selector or exporterRef.name is required',
    });
  });
});

describe("time fields [TM1], [TM2], [O2]", () => {
  const required = "duration is required (must specify Duration, or both BeginTime and EndTime)";
  it.each<[string, MessageInitShape<typeof LeaseSchema>, string]>([
    ["nothing", {}, required],
    ["end only", { endTime: seconds(future) }, required],
    ["begin only", { beginTime: seconds(future) }, required],
    ["a zero duration", { duration: seconds(0) }, "duration must be positive, got 0s"],
    ["a negative duration", { duration: { seconds: -3600n } }, "duration must be positive, got -1h0m0s"],
    ["end = begin", { beginTime: seconds(future), endTime: seconds(future) }, "duration must be positive, got 0s"],
    ["end before begin", { beginTime: seconds(future), endTime: seconds(future - H) }, "duration must be positive, got -1h0m0s"],
    ["an inconsistent triple", { beginTime: seconds(future), endTime: seconds(future + H), duration: seconds(60) }, "duration conflicts with begin_time and end_time"],
  ])("%s: UNKNOWN", async (_name, times, message) => {
    expect(await refusal(create({ selector: "board=rpi5", ...times }))).toEqual({ code: "Unknown", message });
  });

  it.each<[string, MessageInitShape<typeof LeaseSchema>, { begin?: bigint; end?: bigint; duration: bigint }]>([
    ["duration: D", { duration: seconds(H) }, { duration: H }],
    ["begin + duration: BD", { beginTime: seconds(future), duration: seconds(H) }, { begin: future, duration: H }],
    ["begin + end: BED with duration = end - begin", { beginTime: seconds(future), endTime: seconds(future + 2n * H) }, { begin: future, end: future + 2n * H, duration: 2n * H }],
    ["end + duration: begin = end - duration", { endTime: seconds(future + H), duration: seconds(H) }, { begin: future, end: future + H, duration: H }],
    ["all three, consistent", { beginTime: seconds(future), endTime: seconds(future + H), duration: seconds(H) }, { begin: future, end: future + H, duration: H }],
    ["a zero duration with begin and end is replaced", { beginTime: seconds(future), endTime: seconds(future + H), duration: seconds(0) }, { begin: future, end: future + H, duration: H }],
  ])("%s is stored", async (_name, times, stored) => {
    const lease = await create({ selector: "board=rpi5", ...times });
    expect({ begin: lease.beginTime?.seconds, end: lease.endTime?.seconds, duration: lease.duration?.seconds }).toEqual({
      begin: stored.begin,
      end: stored.end,
      duration: stored.duration,
    });
    await alice.deleteLease({ name: lease.name });
  });

  it("drops the sub-second part of begin and end, and sends nanos 0 [O2]", async () => {
    const lease = await create({ selector: "board=rpi5", beginTime: { seconds: future, nanos: 999_000_000 }, duration: seconds(H) });
    expect(lease.beginTime).toMatchObject({ seconds: future, nanos: 0 });
    await alice.deleteLease({ name: lease.name });
  });
});

describe("names, tags and context [C5], [C8], [C11], [TG2], [TG4], [N3]", () => {
  it("uses lease_id, and a second create with it is UNKNOWN `already exists` [C11]", async () => {
    const first = await create({ selector: "board=rpi5", duration: seconds(60) }, "retry-safe-1");
    expect(first.name).toBe("namespaces/lab/leases/retry-safe-1");
    expect(await refusal(create({ selector: "board=rpi5", duration: seconds(60) }, "retry-safe-1"))).toEqual({
      code: "Unknown",
      message: 'leases.jumpstarter.dev "retry-safe-1" already exists',
    });
    await alice.deleteLease({ name: first.name });
  });

  it("without lease_id picks a UUIDv7 [C5], [N3]", async () => {
    const lease = await create({ selector: "board=rpi5", duration: seconds(60) });
    expect(lease.name).toMatch(/^namespaces\/lab\/leases\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    await alice.deleteLease({ name: lease.name });
  });

  it("a lease_id that is not a DNS-1123 subdomain is refused by the API server [N3], [C8]", async () => {
    const r = await refusal(create({ selector: "board=rpi5", duration: seconds(60) }, "Bad_Name"));
    expect(r.code).toBe("Unknown");
    expect(r.message).toMatch(/^Lease\.jumpstarter\.dev "Bad_Name" is invalid: metadata\.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain/);
  });

  it("context limits are the API server's [TG4], [C8]", async () => {
    const nine = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [`k${i}`, "v"]));
    expect(await refusal(create({ selector: "board=rpi5", duration: seconds(60), context: nine }, "ctx-9"))).toEqual({
      code: "Unknown",
      message: 'Lease.jumpstarter.dev "ctx-9" is invalid: spec.context: Too many: 9: must have at most 8 items',
    });
    expect(await refusal(create({ selector: "board=rpi5", duration: seconds(60), context: { job: "v".repeat(65) } }, "ctx-long"))).toEqual({
      code: "Unknown",
      message: 'Lease.jumpstarter.dev "ctx-long" is invalid: spec.context: Invalid value: "object": context keys max 32 chars, values max 64 chars',
    });
  });

  it("keeps tags, context and allow_disabled as requested, and answers before assignment [C9], [O4]", async () => {
    const lease = await create({ selector: "board=rpi5", duration: seconds(60), tags: { team: "bsp", ci: "" }, context: { "ci.url": "https://ci/1" }, allowDisabled: true });
    expect(lease.tags).toEqual({ team: "bsp", ci: "" });
    expect(lease.context).toEqual({ "ci.url": "https://ci/1" });
    expect(lease.allowDisabled).toBe(true);
    expect(lease.client).toBe("namespaces/lab/clients/alice");
    expect(lease.conditions).toEqual([]);
    expect(lease.exporter).toBeUndefined();
    expect(lease.effectiveBeginTime).toBeUndefined();
    expect(lease.effectiveDuration).toBeUndefined();
    expect(lease.effectiveEndTime).toBeUndefined();
    await alice.deleteLease({ name: lease.name });
  });

  it("ignores output fields on input [C10]", async () => {
    const lease = await create({
      name: "namespaces/lab/leases/chosen",
      selector: "board=rpi5",
      duration: seconds(60),
      client: "namespaces/lab/clients/bob",
      exporter: "namespaces/lab/exporters/rpi5-01",
      effectiveEndTime: seconds(1),
    });
    expect(lease.name).not.toBe("namespaces/lab/leases/chosen");
    expect(lease.client).toBe("namespaces/lab/clients/alice");
    expect(lease.exporter).toBeUndefined();
    expect(lease.effectiveEndTime).toBeUndefined();
    await alice.deleteLease({ name: lease.name });
  });

  it("does not validate exporter_name: a resource name there names no exporter [N4]", async () => {
    const lease = await create({ exporterName: "namespaces/lab/exporters/rpi5-01", duration: seconds(60) });
    expect(lease.exporterName).toBe("namespaces/lab/exporters/rpi5-01");
    await alice.deleteLease({ name: lease.name });
  });
});

describe("leasePolicy.maxTags [TG3]", () => {
  it("is the tag limit, and the stored object still caps tags at 10", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lab-maxtags-"));
    const scenario = (maxTags: number) => ({ namespace: "lab", controller: { leasePolicy: { maxTags } }, clients: [{ name: "alice" }], exporters: [{ name: "e1" }] });
    const tags = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`t${i}`, "v"]));
    let lab = await startLab({ port: 0, dataDir, scenario: scenario(2), warn: () => undefined });
    try {
      expect(await refusal(clientAs(lab, "alice").createLease({ parent, lease: { selector: "a=b", duration: seconds(60), tags: tags(3) } }))).toEqual({
        code: "InvalidArgument",
        message: "invalid lease tags: too many tags: 3 (maximum 2)",
      });
      await lab.stop();
      lab = await startLab({ port: 0, dataDir, scenario: scenario(12), warn: () => undefined });
      expect(await refusal(clientAs(lab, "alice").createLease({ parent, leaseId: "eleven", lease: { selector: "a=b", duration: seconds(60), tags: tags(11) } }))).toEqual({
        code: "Unknown",
        message: 'Lease.jumpstarter.dev "eleven" is invalid: spec.tags: Too many: 11: must have at most 10 items',
      });
    } finally {
      await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
