// ListExporters / ListLeases over gRPC: pagination, filters, hidden labels,
// only_active and tag_filter.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LabClient, TestLab } from "./testing/lab-harness.js";
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
    if (pageSize > 0) expect(page.exporters.length).toBeLessThanOrEqual(pageSize);
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

  it("pages a filtered list and binds the token to the filter", async () => {
    const { names } = await allExporterNames(1, "arch=arm64,site in (bcn,brno)");
    expect(names).toEqual(["imx8mp-01", "rcar-h3-01", "rcar-s4-01", "rcar-s4-02", "rpi5-01", "rpi5-02", "sk-am62-01"]);
    const first = await alice.listExporters({ parent, pageSize: 1, filter: "site=bcn" });
    const other = await rpcError(alice.listExporters({ parent, pageSize: 1, filter: "site=brno", pageToken: first.nextPageToken }));
    expect(other.code).toBe(Code.InvalidArgument);
    expect(other.rawMessage).toContain("invalid page_token");
  });

  it.each([
    ["a forged token", { pageToken: "bm90LWEtdG9rZW4" }, "invalid page_token"],
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
