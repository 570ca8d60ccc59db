// ListExporters / ListLeases over gRPC: pagination, filters, hidden labels,
// only_active and tag_filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LabClient, TestLab } from "./testing/lab-harness.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { Code, rpcError, startTestLab, untilCondition } from "./testing/lab-harness.js";

let t: TestLab;
let alice: LabClient;
let bob: LabClient;
const parent = "namespaces/lab";
const hour = { seconds: 3600n };
const short = (name: string) => name.slice(name.lastIndexOf("/") + 1);

beforeAll(async () => {
  t = await startTestLab();
  alice = t.client("alice-token");
  bob = t.client("bob-token");
  // Leases of two clients: alice's active one with tags, bob's released one.
  await alice.createLease({ parent, leaseId: "a-active", lease: { selector: "board=rpi5,site=bcn", duration: hour, tags: { team: "qa", sprint: "42" } } });
  await alice.createLease({ parent, leaseId: "a-unsatisfiable", lease: { selector: "board=nope", duration: hour, tags: { team: "dev" } } });
  await bob.createLease({ parent, leaseId: "b-released", lease: { exporterName: "qemu-x86-01", duration: hour, tags: { team: "qa" } } });
  await untilCondition(bob, "namespaces/lab/leases/b-released", "Ready", "True");
  await bob.deleteLease({ name: "namespaces/lab/leases/b-released" });
  await untilCondition(alice, "namespaces/lab/leases/a-unsatisfiable", "Unsatisfiable", "True");
});

afterAll(async () => {
  await t.close();
});

async function allExporterNames(pageSize: number, filter = ""): Promise<{ names: string[]; pages: number }> {
  const names: string[] = [];
  let pageToken = "";
  let pages = 0;
  do {
    const page = await alice.listExporters({ parent, pageSize, pageToken, filter });
    pages += 1;
    // Exactly page_size items on every page but the last, which is shorter or equal and not empty.
    if (pageSize > 0 && page.nextPageToken !== "") expect(page.exporters).toHaveLength(pageSize);
    if (pageSize > 0 && page.nextPageToken === "" && pages > 1) {
      expect(page.exporters.length).toBeGreaterThan(0);
      expect(page.exporters.length).toBeLessThanOrEqual(pageSize);
    }
    names.push(...page.exporters.map((e) => short(e.name)));
    pageToken = page.nextPageToken;
  } while (pageToken !== "");
  return { names, pages };
}

describe("ListExporters", () => {
  it("lists every exporter sorted by name with page_size 0", async () => {
    const { exporters, nextPageToken } = await alice.listExporters({ parent });
    const names = exporters.map((e) => short(e.name));
    expect(names).toHaveLength(9);
    expect(names).toEqual([...names].sort());
    expect(nextPageToken).toBe("");
    expect(exporters.every((e) => e.enabled !== undefined)).toBe(true);
    expect(exporters.find((e) => short(e.name) === "imx8mp-01")?.enabled).toBe(false);
    expect(exporters.find((e) => short(e.name) === "jetson-orin-01")?.online).toBe(false);
  });

  it.each([1, 2, 4, 9, 10])("pages of %i cover the same list exactly once", async (size) => {
    const all = (await alice.listExporters({ parent })).exporters.map((e) => short(e.name));
    const { names, pages } = await allExporterNames(size);
    expect(names).toEqual(all);
    expect(pages).toBe(Math.max(1, Math.ceil(all.length / size)));
  });

  it("treats a huge page_size as a page with everything and no token", async () => {
    const page = await alice.listExporters({ parent, pageSize: 2_147_483_647 });
    expect(page.exporters).toHaveLength(9);
    expect(page.nextPageToken).toBe("");
  });

  it("ends with an empty token when the last page is exactly full", async () => {
    const first = await alice.listExporters({ parent, pageSize: 3, filter: "board in (rcar-s4,rpi5)" });
    expect(first.exporters.map((e) => short(e.name))).toEqual(["rcar-s4-01", "rcar-s4-02", "rpi5-01"]);
    const last = await alice.listExporters({ parent, pageSize: 3, filter: "board in (rcar-s4,rpi5)", pageToken: first.nextPageToken });
    expect(last.exporters.map((e) => short(e.name))).toEqual(["rpi5-02"]);
    expect(last.nextPageToken).toBe("");
    const exact = await alice.listExporters({ parent, pageSize: 4, filter: "board in (rcar-s4,rpi5)" });
    expect(exact.exporters).toHaveLength(4);
    expect(exact.nextPageToken).toBe("");
  });

  it("reports each exporter's name, connection, status and enabled flag", async () => {
    const byName = new Map((await alice.listExporters({ parent })).exporters.map((e) => [short(e.name), e]));
    expect(byName.get("rpi5-02")).toMatchObject({
      name: "namespaces/lab/exporters/rpi5-02",
      online: true,
      status: ExporterStatus.AVAILABLE,
      statusMessage: "Available",
      enabled: true,
    });
    expect(byName.get("jetson-orin-01")).toMatchObject({ online: false, status: ExporterStatus.OFFLINE, enabled: true });
    expect(byName.get("jetson-orin-01")?.statusMessage).toContain("Offline");
    expect(byName.get("imx8mp-01")).toMatchObject({ online: true, status: ExporterStatus.AVAILABLE, enabled: false });
    expect(byName.get("imx8mp-01")?.statusMessage).toContain("disabled");
    // a-active holds rpi5-01.
    expect(byName.get("rpi5-01")).toMatchObject({ online: true, status: ExporterStatus.LEASE_READY, statusMessage: "Leased by alice" });
    const single = await alice.getExporter({ name: "namespaces/lab/exporters/jetson-orin-01" });
    expect(single).toEqual(byName.get("jetson-orin-01"));
  });

  it("pages a filtered list and binds the token to the filter", async () => {
    const { names } = await allExporterNames(1, "arch=arm64,site in (bcn,brno)");
    expect(names).toEqual(["imx8mp-01", "rcar-h3-01", "rcar-s4-01", "rcar-s4-02", "rpi5-01", "rpi5-02", "sk-am62-01"]);
    const first = await alice.listExporters({ parent, pageSize: 1, filter: "site=bcn" });
    const other = await rpcError(alice.listExporters({ parent, pageSize: 1, filter: "site=brno", pageToken: first.nextPageToken }));
    expect(other.code).toBe(Code.InvalidArgument);
    expect(other.rawMessage).toContain("invalid page_token");
  });

  it.each([
    ["", 9],
    ["board=rpi5", ["rpi5-01", "rpi5-02"]],
    ["board==rpi5", ["rpi5-01", "rpi5-02"]],
    ["board!=rcar-s4,site=bcn", ["rcar-h3-01", "rpi5-01"]],
    ["site in (westford)", ["jetson-orin-01", "qemu-x86-01"]],
    ["arch notin (arm64)", ["qemu-x86-01"]],
    ["ram", ["rpi5-01", "rpi5-02"]],
    ["!ram,site=bcn", ["rcar-h3-01", "rcar-s4-01"]],
    ["ram notin (8),board=rpi5", ["rpi5-02"]],
    ["ram!=8", 8],
    [" site = bcn , board in ( rpi5 ) ", ["rpi5-01"]],
    [`board=${"a".repeat(63)}`, []],
  ])("filters exporters with %j", async (filter, expected) => {
    const names = (await alice.listExporters({ parent, filter })).exporters.map((e) => short(e.name));
    if (typeof expected === "number") expect(names).toHaveLength(expected);
    else expect(names).toEqual(expected);
  });

  it.each([
    ["a forged token", { pageToken: "bm90LWEtdG9rZW4" }, "invalid page_token"],
    ["a value of 64 characters", { filter: `board=${"a".repeat(64)}` }, "is too long (64 characters)"],
    ["a value ending in '-'", { filter: "board=rpi5-" }, 'label value "rpi5-" is invalid'],
    ["a key prefix that is not a DNS name", { filter: "Jumpstarter_dev/name=x" }, "label key prefix"],
    ["a trailing comma", { filter: "board=rpi5," }, 'trailing ","'],
    ["an empty set", { filter: "board in ()" }, "needs at least one value"],
    ["a set without parentheses", { filter: "site in bcn" }, "needs a list of values in parentheses"],
    ["a numeric comparison", { filter: "ram>4" }, "numeric comparisons are not supported"],
    ["a negative page_size", { pageSize: -1 }, "page_size"],
    ["a filter that does not parse", { filter: "board in (rcar-s4" }, "invalid filter"],
  ])("rejects %s as InvalidArgument", async (_what, request, message) => {
    const error = await rpcError(alice.listExporters({ parent, ...request }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain(message);
  });

  it("rejects an altered token and a token of the lease list", async () => {
    const page = await alice.listExporters({ parent, pageSize: 2 });
    const altered = `${page.nextPageToken.slice(0, -2)}${page.nextPageToken.endsWith("A") ? "B" : "A"}A`;
    expect((await rpcError(alice.listExporters({ parent, pageSize: 2, pageToken: altered }))).code).toBe(Code.InvalidArgument);
    const leases = await alice.listLeases({ parent, pageSize: 1, onlyActive: false });
    expect(leases.nextPageToken).not.toBe("");
    const crossed = await rpcError(alice.listExporters({ parent, pageSize: 1, pageToken: leases.nextPageToken }));
    expect(crossed.code).toBe(Code.InvalidArgument);
  });

  it("hides jumpstarter.dev/ labels unless asked, but filters on them", async () => {
    const hidden = await alice.getExporter({ name: "namespaces/lab/exporters/rcar-s4-01" });
    expect(hidden.labels).toEqual({ board: "rcar-s4", site: "bcn", arch: "arm64" });
    const shown = await alice.getExporter({ name: "namespaces/lab/exporters/rcar-s4-01", showHiddenLabels: true });
    expect(shown.labels["jumpstarter.dev/name"]).toBe("rcar-s4-01");
    const filtered = await alice.listExporters({ parent, filter: "jumpstarter.dev/name=rcar-s4-01" });
    expect(filtered.exporters.map((e) => short(e.name))).toEqual(["rcar-s4-01"]);
    expect(filtered.exporters[0]?.labels["jumpstarter.dev/name"]).toBeUndefined();
    expect(filtered.exporters[0]?.deprecatedLabels).toEqual({});
  });
});

describe("ListLeases", () => {
  it("shows the active leases of every client by default, ended ones with only_active=false", async () => {
    const active = await bob.listLeases({ parent });
    expect(active.leases.map((l) => short(l.name))).toEqual(["a-active"]);
    const all = await bob.listLeases({ parent, onlyActive: false });
    expect(all.leases.map((l) => short(l.name))).toEqual(["a-active", "a-unsatisfiable", "b-released"]);
    expect((await bob.listLeases({ parent, onlyActive: true })).leases).toHaveLength(1);
  });

  it("filters on the selector's equality terms, tags and the ended label", async () => {
    const names = async (filter: string) => (await alice.listLeases({ parent, onlyActive: false, filter })).leases.map((l) => short(l.name));
    expect(await names("board=rpi5")).toEqual(["a-active"]);
    expect(await names("site=bcn,board=rpi5")).toEqual(["a-active"]);
    expect(await names("metadata.jumpstarter.dev/team=qa")).toEqual(["a-active", "b-released"]);
    expect(await names("jumpstarter.dev/lease-ended=true")).toEqual(["a-unsatisfiable", "b-released"]);
    expect(await names("!jumpstarter.dev/lease-ended")).toEqual(["a-active"]);
  });

  it("applies tag_filter to the tags", async () => {
    const names = async (tagFilter: string) => (await alice.listLeases({ parent, onlyActive: false, tagFilter })).leases.map((l) => short(l.name));
    expect(await names("team=qa")).toEqual(["a-active", "b-released"]);
    expect(await names("team in (dev),sprint")).toEqual([]);
    expect(await names("sprint=42")).toEqual(["a-active"]);
    const error = await rpcError(alice.listLeases({ parent, tagFilter: "team in (" }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toContain("tag_filter");
    const filterError = await rpcError(alice.listLeases({ parent, filter: "board in (" }));
    expect(filterError.code).toBe(Code.InvalidArgument);
    expect(filterError.rawMessage).toContain('invalid filter "board in ("');
  });

  it("pages leases with a token bound to only_active", async () => {
    const first = await alice.listLeases({ parent, onlyActive: false, pageSize: 2 });
    expect(first.leases.map((l) => short(l.name))).toEqual(["a-active", "a-unsatisfiable"]);
    const second = await alice.listLeases({ parent, onlyActive: false, pageSize: 2, pageToken: first.nextPageToken });
    expect(second.leases.map((l) => short(l.name))).toEqual(["b-released"]);
    expect(second.nextPageToken).toBe("");
    const mismatch = await rpcError(alice.listLeases({ parent, pageSize: 2, pageToken: first.nextPageToken }));
    expect(mismatch.code).toBe(Code.InvalidArgument);
  });
});

// Runs last: it adds leases the exact lists above do not expect.
describe("ListLeases, with more leases", () => {
  const names = async (request: { filter?: string; tagFilter?: string; onlyActive?: boolean }) =>
    (await alice.listLeases({ parent, ...request })).leases.map((l) => short(l.name));

  it("gives a lease only its selector's equality terms as labels", async () => {
    await alice.createLease({
      parent,
      leaseId: "l-labels",
      lease: { selector: "board=rpi5,site!=brno,ram in (8),!reserved,arch", duration: hour, tags: { batch: "labels" } },
    });
    const mine = { tagFilter: "batch=labels" };
    expect(await names({ ...mine, filter: "board=rpi5" })).toEqual(["l-labels"]);
    expect(await names({ ...mine, filter: "board" })).toEqual(["l-labels"]);
    // Set, inequality, existence and absence terms give no labels.
    for (const filter of ["site", "ram", "ram=8", "arch", "reserved", "site in (brno)"]) {
      expect(await names({ ...mine, filter })).toEqual([]);
    }
    expect(await names({ ...mine, filter: "!site,!ram,!arch" })).toEqual(["l-labels"]);
    expect(await names({ ...mine, filter: "metadata.jumpstarter.dev/batch=labels" })).toEqual(["l-labels"]);
    expect(await names({ ...mine, filter: "batch=labels" })).toEqual([]);
    expect(await names({ ...mine, filter: "!jumpstarter.dev/lease-ended" })).toEqual(["l-labels"]);
    await alice.deleteLease({ name: "namespaces/lab/leases/l-labels" });
    expect(await names({ ...mine, filter: "jumpstarter.dev/lease-ended=true" })).toEqual([]);
    expect(await names({ ...mine, onlyActive: false, filter: "jumpstarter.dev/lease-ended=true" })).toEqual(["l-labels"]);
    expect(await names({ ...mine, onlyActive: false, filter: "jumpstarter.dev/lease-ended=true,board=rpi5" })).toEqual(["l-labels"]);
  });

  it("keeps pages stable by name while leases come and go between them", async () => {
    const batch = { onlyActive: false, tagFilter: "batch=keyset" };
    const make = (id: string) => alice.createLease({ parent, leaseId: id, lease: { selector: "board=nope", duration: hour, tags: { batch: "keyset" } } });
    for (const id of ["k-2", "k-4", "k-6", "k-8"]) await make(id);
    const first = await alice.listLeases({ parent, pageSize: 2, ...batch });
    expect(first.leases.map((l) => short(l.name))).toEqual(["k-2", "k-4"]);
    await make("k-1"); // before the cursor: not seen by this walk
    await make("k-5"); // after it: seen
    const second = await alice.listLeases({ parent, pageSize: 2, pageToken: first.nextPageToken, ...batch });
    expect(second.leases.map((l) => short(l.name))).toEqual(["k-5", "k-6"]);
    const third = await alice.listLeases({ parent, pageSize: 2, pageToken: second.nextPageToken, ...batch });
    expect(third.leases.map((l) => short(l.name))).toEqual(["k-8"]);
    expect(third.nextPageToken).toBe("");
  });
});
