// Exporters as ClientService shows them: GetExporter [X1] with the resource
// name rules [N2]; status, online and message [S1]/[S4]; `enabled` [O5];
// jumpstarter.dev/name [O7]; hidden and deprecated labels [HL1]-[HL4], also
// on leases.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Exporter } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { loadScenario, type Scenario } from "./scenario.js";
import { refusal, startTestLab, TEST_SCENARIO, untilCondition, type LabClient, type TestLab } from "./testing/lab-harness.js";

const parent = "namespaces/lab";
const hour = { seconds: 3600n };
const NAME_LABEL = "jumpstarter.dev/name";
const LOCATION_MESSAGE = "use site instead";
const short = (name: string): string => name.slice(name.lastIndexOf("/") + 1);
const exporter = (name: string): string => `${parent}/exporters/${name}`;
const testExporters = loadScenario(TEST_SCENARIO).exporters;
const scenarioLabels = (name: string): Record<string, string> => ({ ...testExporters.find((e) => e.name === name)?.labels });

let t: TestLab;
let alice: LabClient;

beforeAll(async () => {
  t = await startTestLab();
  alice = t.as("alice");
});
afterAll(() => t.close());

const statusOf = (e: Exporter) => ({ status: e.status, online: e.online, statusMessage: e.statusMessage });

describe("GetExporter [X1]", () => {
  it("returns the exporter under its resource name [X1], [N1]", async () => {
    const e = await alice.getExporter({ name: exporter("rpi5-01") });
    expect(e.name).toBe(exporter("rpi5-01"));
    expect(e.labels).toEqual({ ...scenarioLabels("rpi5-01"), [NAME_LABEL]: "rpi5-01" });
    expect(e.deprecatedLabels).toEqual({});
  });

  it("an unknown exporter: UNKNOWN `exporters.jumpstarter.dev \"<name>\" not found` [X1], [E2], [E3]", async () => {
    expect(await refusal(alice.getExporter({ name: exporter("no-such-board") }))).toEqual({
      code: "Unknown",
      message: 'exporters.jumpstarter.dev "no-such-board" not found',
    });
  });

  it.each([
    ["rpi5-01", 'invalid number of segments in identifier "rpi5-01", expecting 4, got 1'],
    ["", 'invalid number of segments in identifier "", expecting 4, got 1'],
    ["namespaces/lab/rpi5-01", 'invalid number of segments in identifier "namespaces/lab/rpi5-01", expecting 4, got 3'],
    ["namespaces/lab/exporters/rpi5-01/x", 'invalid number of segments in identifier "namespaces/lab/exporters/rpi5-01/x", expecting 4, got 5'],
    ["namespace/lab/exporters/rpi5-01", 'invalid first segment in identifier "namespace/lab/exporters/rpi5-01", expecting "namespaces", got "namespace"'],
    ["/lab/exporters/rpi5-01", 'invalid first segment in identifier "/lab/exporters/rpi5-01", expecting "namespaces", got ""'],
    ["namespaces/lab/leases/rpi5-01", 'invalid third segment in identifier "namespaces/lab/leases/rpi5-01", expecting "exporters", got "leases"'],
    ["namespaces/lab/Exporters/rpi5-01", 'invalid third segment in identifier "namespaces/lab/Exporters/rpi5-01", expecting "exporters", got "Exporters"'],
  ])("refuses the malformed name %j with INVALID_ARGUMENT, before authentication [N2], [X1]", async (name, message) => {
    expect(await refusal(t.client({}).getExporter({ name }))).toEqual({ code: "InvalidArgument", message });
    expect(await refusal(t.client({ token: "not-a-jwt" }).getExporter({ name }))).toEqual({ code: "InvalidArgument", message });
    expect(await refusal(alice.getExporter({ name }))).toEqual({ code: "InvalidArgument", message });
  });

  it("authenticates after parsing the name [X1], [A6], [A9]", async () => {
    expect(await refusal(t.client({}).getExporter({ name: exporter("rpi5-01") }))).toEqual({ code: "Unauthenticated", message: "missing authorization header" });
    expect(await refusal(t.client({ token: "not-a-jwt" }).getExporter({ name: exporter("no-such-board") }))).toEqual({
      code: "Unknown",
      message: "failed to authenticate token",
    });
  });

  it("empty segments pass the parser and fail later: the namespace check, or the API client [N2], [A15]", async () => {
    expect(await refusal(alice.getExporter({ name: "namespaces//exporters/rpi5-01" }))).toEqual({ code: "PermissionDenied", message: "namespace mismatch" });
    expect(await refusal(alice.getExporter({ name: "namespaces/other/exporters/rpi5-01" }))).toEqual({ code: "PermissionDenied", message: "namespace mismatch" });
    expect((await refusal(alice.getExporter({ name: `${parent}/exporters/` }))).code).toBe("Unknown");
  });
});

describe("status, online and message [S1], [S4]", () => {
  it.each<[string, string, ExporterStatus, boolean, string]>([
    ["rcar-s4-01", "connected, reporting as upstream exporters do at start [S2]", ExporterStatus.AVAILABLE, true, "Exporter registered and available"],
    ["jetson-orin-01", "online: false (no contact for over a minute)", ExporterStatus.OFFLINE, false, "Connection lost - last seen more than 1 minute ago"],
    ["nuc-01", "neverSeen: true (created, never connected)", ExporterStatus.UNSPECIFIED, false, "Never seen"],
    ["beagle-01", "status: AfterLeaseHookFailed with its message", ExporterStatus.AFTER_LEASE_HOOK_FAILED, true, "afterLease hook failed: power cycle did not bring the board up"],
    ["legacy-01", "status: Unspecified (connected, never reported)", ExporterStatus.UNSPECIFIED, true, ""],
    ["imx8mp-01", "disabled, connected", ExporterStatus.AVAILABLE, true, "Exporter registered and available"],
  ])("%s (%s) [S1]", async (name, _state, status, online, statusMessage) => {
    const got = await alice.getExporter({ name: exporter(name) });
    expect(statusOf(got)).toEqual({ status, online, statusMessage });
    const listed = (await alice.listExporters({ parent })).exporters.find((e) => short(e.name) === name);
    expect(listed === undefined ? undefined : statusOf(listed)).toEqual({ status, online, statusMessage });
  });

  describe("every reported status (the Exporter object's spelling) [S1], [S4]", () => {
    const reported: [string, ExporterStatus][] = [
      ["Unspecified", ExporterStatus.UNSPECIFIED],
      ["Offline", ExporterStatus.OFFLINE],
      ["Available", ExporterStatus.AVAILABLE],
      ["BeforeLeaseHook", ExporterStatus.BEFORE_LEASE_HOOK],
      ["LeaseReady", ExporterStatus.LEASE_READY],
      ["AfterLeaseHook", ExporterStatus.AFTER_LEASE_HOOK],
      ["BeforeLeaseHookFailed", ExporterStatus.BEFORE_LEASE_HOOK_FAILED],
      ["AfterLeaseHookFailed", ExporterStatus.AFTER_LEASE_HOOK_FAILED],
    ];
    const scenario: Scenario = {
      namespace: "lab",
      clients: [{ name: "alice" }],
      exporters: reported.map(([status], i) => ({ name: `e-${i}`, labels: { n: String(i) }, status, statusMessage: `message of ${status}` })),
    };
    let s: TestLab;
    beforeAll(async () => {
      s = await startTestLab({ scenario });
    });
    afterAll(() => s.close());

    it.each(reported.map(([name, status], i) => [name, status, i] as const))("%s: the reported value and message; online unless OFFLINE", async (name, status, i) => {
      const got = await s.as("alice").getExporter({ name: exporter(`e-${i}`) });
      expect(statusOf(got)).toEqual({ status, online: status !== ExporterStatus.OFFLINE, statusMessage: `message of ${name}` });
    });
  });
});

describe("enabled and jumpstarter.dev/name [O5], [O7], [S5]", () => {
  it("`enabled` is present on every exporter, false only for a disabled one [O5], [S5]", async () => {
    const { exporters } = await alice.listExporters({ parent });
    expect(exporters).toHaveLength(testExporters.length);
    for (const e of exporters) {
      expect(e.enabled, short(e.name)).toBe(testExporters.find((x) => x.name === short(e.name))?.enabled);
    }
    expect(exporters.filter((e) => e.enabled === false).map((e) => short(e.name))).toEqual(["imx8mp-01"]);
    expect((await alice.getExporter({ name: exporter("imx8mp-01") })).enabled).toBe(false);
    expect((await alice.getExporter({ name: exporter("rpi5-01") })).enabled).toBe(true);
  });

  it("registered exporters (also offline ones) carry jumpstarter.dev/name=<name>; a never-seen one does not [O7]", async () => {
    const { exporters } = await alice.listExporters({ parent, showHiddenLabels: true });
    for (const e of exporters) {
      const name = short(e.name);
      expect(e.labels[NAME_LABEL], name).toBe(name === "nuc-01" ? undefined : name);
    }
    expect((await alice.getExporter({ name: exporter("jetson-orin-01") })).labels[NAME_LABEL]).toBe("jetson-orin-01");
    expect((await alice.getExporter({ name: exporter("nuc-01") })).labels).toEqual(scenarioLabels("nuc-01"));
  });
});

describe("hidden and deprecated labels on exporters [HL1], [HL2], [X1], [XL1]", () => {
  // rcar-s4-02: inventory/asset-tag (hidden) and location (deprecated: "use site instead").
  const full: Record<string, string> = { ...scenarioLabels("rcar-s4-02"), [NAME_LABEL]: "rcar-s4-02" };
  const shown = Object.fromEntries(Object.entries(full).filter(([k]) => k !== "inventory/asset-tag" && k !== "location"));

  it("removes hidden and deprecated keys from labels unless show_hidden_labels; deprecated_labels carries the message, not the value [HL1], [HL2]", async () => {
    expect(full["inventory/asset-tag"]).toBe("A-1002");
    expect(full.location).toBe("brno-lab-2");
    const plain = await alice.getExporter({ name: exporter("rcar-s4-02") });
    expect(plain.labels).toEqual(shown);
    expect(plain.deprecatedLabels).toEqual({ location: LOCATION_MESSAGE });
    const all = await alice.getExporter({ name: exporter("rcar-s4-02"), showHiddenLabels: true });
    expect(all.labels).toEqual(full);
    expect(all.deprecatedLabels).toEqual({ location: LOCATION_MESSAGE });
  });

  it("ListExporters does the same for each exporter [XL1], [HL1], [HL2]", async () => {
    const find = async (showHiddenLabels: boolean) =>
      (await alice.listExporters({ parent, showHiddenLabels })).exporters.find((e) => short(e.name) === "rcar-s4-02");
    expect((await find(false))?.labels).toEqual(shown);
    expect((await find(false))?.deprecatedLabels).toEqual({ location: LOCATION_MESSAGE });
    expect((await find(true))?.labels).toEqual(full);
    expect((await find(true))?.deprecatedLabels).toEqual({ location: LOCATION_MESSAGE });
    // Exporters without deprecated keys report none.
    const others = (await alice.listExporters({ parent })).exporters.filter((e) => short(e.name) !== "rcar-s4-02");
    expect(others.every((e) => Object.keys(e.deprecatedLabels).length === 0)).toBe(true);
    // jumpstarter.dev/name is not hidden unless configured [HL1].
    expect(others.every((e) => short(e.name) === "nuc-01" || e.labels[NAME_LABEL] === short(e.name))).toBe(true);
  });

  describe("with other settings", () => {
    const scenario = (controller: Record<string, unknown> | undefined): Scenario => ({
      namespace: "lab",
      ...(controller === undefined ? {} : { controller }),
      clients: [{ name: "alice" }],
      exporters: [{ name: "board-1", labels: { board: "b", "inventory/asset-tag": "A-1", location: "lab-2", old: "x", site: "bcn" } }],
    });

    it("hides and deprecates nothing by default [HL1], [HL2]", async () => {
      const s = await startTestLab({ scenario: scenario(undefined) });
      try {
        const e = await s.as("alice").getExporter({ name: exporter("board-1") });
        expect(e.labels).toEqual({ board: "b", "inventory/asset-tag": "A-1", location: "lab-2", old: "x", site: "bcn", [NAME_LABEL]: "board-1" });
        expect(e.deprecatedLabels).toEqual({});
      } finally {
        await s.close();
      }
    });

    it("hides exactly the configured keys (jumpstarter.dev/name too), reports an empty deprecation message as empty [HL1], [HL2]", async () => {
      const s = await startTestLab({
        scenario: scenario({ hiddenLabels: { keys: [NAME_LABEL, "inventory/asset-tag", "inventory"] }, deprecatedLabels: { keys: { old: "", location: "use site" } } }),
      });
      try {
        const client = s.as("alice");
        const plain = await client.getExporter({ name: exporter("board-1") });
        expect(plain.labels).toEqual({ board: "b", site: "bcn" });
        expect(plain.deprecatedLabels).toEqual({ old: "", location: "use site" });
        const all = await client.getExporter({ name: exporter("board-1"), showHiddenLabels: true });
        expect(all.labels).toEqual({ board: "b", "inventory/asset-tag": "A-1", location: "lab-2", old: "x", site: "bcn", [NAME_LABEL]: "board-1" });
        expect(all.deprecatedLabels).toEqual({ old: "", location: "use site" });
        // The filter still sees them [F2].
        expect((await client.listExporters({ parent, filter: `${NAME_LABEL}=board-1,old=x` })).exporters.map((e) => short(e.name))).toEqual(["board-1"]);
        // Deprecated lease selector terms with an empty message [HL3].
        const lease = await client.createLease({ parent, leaseId: "l-old", lease: { selector: "old=x,site=bcn", duration: hour } });
        expect(lease.deprecatedLabels).toEqual({ old: "" });
        // Hidden keys do not affect leases [HL1].
        const held = await untilCondition(client, `${parent}/leases/l-old`, "Ready", "True");
        expect(held.exporter).toBe(exporter("board-1"));
      } finally {
        await s.close();
      }
    });
  });
});

describe("deprecated labels on leases [HL3], [HL4], [O4]", () => {
  const lease = (id: string) => `${parent}/leases/${id}`;

  it.each([
    ["location=brno-lab-2", { location: LOCATION_MESSAGE }],
    ["board=none-such,location in (a,b)", { location: LOCATION_MESSAGE }],
    ["board=none-such,location!=a", { location: LOCATION_MESSAGE }],
    ["board=none-such,location", { location: LOCATION_MESSAGE }],
    ["board=none-such,!location", { location: LOCATION_MESSAGE }],
    ["board=none-such,site=bcn", {}],
  ])("a lease with selector %j reports %j from CreateLease, GetLease and ListLeases [HL3], [HL4]", async (selector, deprecated) => {
    const id = `hl3-${Math.abs(hash(selector))}`;
    const created = await alice.createLease({ parent, leaseId: id, lease: { selector, duration: hour, tags: { hl: "3" } } });
    expect(created.deprecatedLabels).toEqual(deprecated);
    expect((await alice.getLease({ name: lease(id) })).deprecatedLabels).toEqual(deprecated);
    // Any client reads the same.
    expect((await t.as("bob").getLease({ name: lease(id) })).deprecatedLabels).toEqual(deprecated);
    const listed = (await alice.listLeases({ parent, onlyActive: false, tagFilter: "hl=3" })).leases.find((l) => l.name === lease(id));
    expect(listed?.deprecatedLabels).toEqual(deprecated);
  });

  it("a pinned-only lease (`<none>`) has none; a pinned lease with a selector has its terms' [HL3]", async () => {
    const pinned = await alice.createLease({ parent, leaseId: "hl3-pinned", lease: { exporterName: "rcar-s4-02", duration: hour } });
    expect(pinned.selector).toBe("<none>");
    expect(pinned.deprecatedLabels).toEqual({});
    expect((await alice.getLease({ name: lease("hl3-pinned") })).deprecatedLabels).toEqual({});
    const both = await alice.createLease({ parent, leaseId: "hl3-both", lease: { exporterName: "rcar-s4-02", selector: "location=brno-lab-2", duration: hour } });
    expect(both.deprecatedLabels).toEqual({ location: LOCATION_MESSAGE });
    expect((await alice.getLease({ name: lease("hl3-both") })).deprecatedLabels).toEqual({ location: LOCATION_MESSAGE });
  });

  it("the UpdateLease answer does not fill deprecated_labels; the lease still has them [HL4], [U10]", async () => {
    await alice.createLease({ parent, leaseId: "hl4", lease: { selector: "board=none-such,location=x", duration: hour } });
    const changed = await alice.updateLease({ lease: { name: lease("hl4"), duration: { seconds: 7200n } } });
    expect(changed.duration?.seconds).toBe(7200n);
    expect(changed.deprecatedLabels).toEqual({});
    const unchanged = await alice.updateLease({ lease: { name: lease("hl4") } });
    expect(unchanged.deprecatedLabels).toEqual({});
    expect((await alice.getLease({ name: lease("hl4") })).deprecatedLabels).toEqual({ location: LOCATION_MESSAGE });
  });
});

/** A stable small hash for lease names made from test data. */
function hash(text: string): number {
  let h = 0;
  for (let i = 0; i < text.length; i += 1) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return h;
}
