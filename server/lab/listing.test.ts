// ListExporters [XL1] and ListLeases [LL1]-[LL5]: the Kubernetes filter grammar
// [F1], what each list's filter sees [F2]/[F3], tag_filter [LL2]/[LL3]/[F7],
// only_active [LL4], every client's leases [LL5]/[F6], and Kubernetes
// limit/continue pagination [P1]-[P4].
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseSelector, selectorErrorText } from "../../src/domain/selector.js";
import { loadScenario } from "./scenario.js";
import { refusal, startTestLab, TEST_SCENARIO, until, untilCondition, type LabClient, type TestLab } from "./testing/lab-harness.js";

const parent = "namespaces/lab";
const hour = { seconds: 3600n };
const short = (name: string): string => name.slice(name.lastIndexOf("/") + 1);
const NAME_LABEL = "jumpstarter.dev/name";
const ENDED = "jumpstarter.dev/lease-ended";
const TOO_OLD = "The provided continue parameter is too old to display a consistent list result.";

/** The exporters of the test lab with every label the Exporter object carries ([O7]: registered ones add jumpstarter.dev/name). */
const scenarioExporters = loadScenario(TEST_SCENARIO)
  .exporters.map((e) => ({ name: e.name, labels: e.state.kind === "never" ? { ...e.labels } : { ...e.labels, [NAME_LABEL]: e.name } }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const allExporterNames = scenarioExporters.map((e) => e.name);
const exportersWhere = (predicate: (labels: Readonly<Record<string, string>>) => boolean): string[] =>
  scenarioExporters.filter((e) => predicate(e.labels)).map((e) => e.name);

/** The text the lab's label parser gives for `text` (the portal predicts it with the same parser). */
function parserText(text: string): string {
  const parsed = parseSelector(text);
  if (parsed.ok) throw new Error(`${JSON.stringify(text)} parses`);
  return selectorErrorText(parsed.error);
}

interface Page {
  readonly names: string[];
  readonly next: string;
}

/**
 * Walks a listing to its end and checks [P3] on the way: at most page_size
 * items per page, every page that carries a token is full, an empty page only
 * last (after a full page).
 */
async function walk(pageSize: number, fetch: (pageToken: string) => Promise<Page>): Promise<{ names: string[]; pages: Page[] }> {
  const pages: Page[] = [];
  let token = "";
  do {
    const page = await fetch(token);
    pages.push(page);
    if (pages.length > 200) throw new Error("the listing does not end");
    expect(page.names.length).toBeLessThanOrEqual(pageSize);
    if (page.next !== "") expect(page.names).toHaveLength(pageSize);
    if (page.names.length === 0 && pages.length > 1) expect(pages[pages.length - 2]?.names).toHaveLength(pageSize);
    token = page.next;
  } while (token !== "");
  return { names: pages.flatMap((p) => p.names), pages };
}

let t: TestLab;
let alice: LabClient;
let bob: LabClient;
let carol: LabClient;

// Leases of three clients, all tagged set=base:
//   a-active    alice, board=rpi5,site=bcn, holds an exporter (not ended)
//   a-unsat     alice, board=nope: matches no exporter, Unsatisfiable (ended)
//   b-released  bob, pinned to qemu-x86-01, released (ended)
//   c-pending   carol, board=jetson-orin: the only one is offline, Pending (not ended)
beforeAll(async () => {
  t = await startTestLab();
  alice = t.as("alice");
  bob = t.as("bob");
  carol = t.as("carol");
  await alice.createLease({ parent, leaseId: "a-active", lease: { selector: "board=rpi5,site=bcn", duration: hour, tags: { set: "base", team: "qa", sprint: "42" } } });
  await alice.createLease({ parent, leaseId: "a-unsat", lease: { selector: "board=nope", duration: hour, tags: { set: "base", team: "dev" } } });
  await bob.createLease({ parent, leaseId: "b-released", lease: { exporterName: "qemu-x86-01", duration: hour, tags: { set: "base", team: "qa" } } });
  await carol.createLease({ parent, leaseId: "c-pending", lease: { selector: "board=jetson-orin", duration: hour, tags: { set: "base" } } });
  await untilCondition(alice, `${parent}/leases/a-active`, "Ready", "True");
  await untilCondition(bob, `${parent}/leases/b-released`, "Ready", "True");
  await bob.deleteLease({ name: `${parent}/leases/b-released` });
  await untilCondition(alice, `${parent}/leases/a-unsat`, "Unsatisfiable", "True");
  await untilCondition(carol, `${parent}/leases/c-pending`, "Pending", "True");
  // The lease-ended label follows the status a moment later [RL1].
  await until("both ended leases to carry the lease-ended label", async () => {
    const { leases } = await alice.listLeases({ parent, onlyActive: false, tagFilter: "set=base", filter: `${ENDED}=true` });
    return leases.length === 2 ? true : undefined;
  });
});

afterAll(() => t.close());

const exporterNames = async (request: { filter?: string; pageSize?: number; pageToken?: string; showHiddenLabels?: boolean }): Promise<string[]> =>
  (await alice.listExporters({ parent, ...request })).exporters.map((e) => short(e.name));

const leaseNames = async (
  request: { filter?: string; tagFilter?: string; onlyActive?: boolean; pageSize?: number; pageToken?: string },
  client: LabClient = alice,
): Promise<string[]> => (await client.listLeases({ parent, ...request })).leases.map((l) => short(l.name));

describe("ListExporters [XL1]", () => {
  it("lists every exporter of the namespace, disabled ones included, in name order [XL1], [P2]", async () => {
    const { exporters, nextPageToken } = await alice.listExporters({ parent });
    expect(exporters.map((e) => short(e.name))).toEqual(allExporterNames);
    expect(exporters.every((e) => e.name === `${parent}/exporters/${short(e.name)}`)).toBe(true);
    expect(exporters.find((e) => short(e.name) === "imx8mp-01")?.enabled).toBe(false);
    expect(nextPageToken).toBe("");
  });

  it("parses the parent first: malformed parents are INVALID_ARGUMENT [N2] before authentication [XL1]", async () => {
    const anonymous = t.client({});
    expect(await refusal(anonymous.listExporters({ parent: "lab" }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "lab", expecting 2, got 1',
    });
    expect(await refusal(anonymous.listExporters({ parent: "namespaces/lab/exporters" }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "namespaces/lab/exporters", expecting 2, got 3',
    });
    expect(await refusal(anonymous.listExporters({ parent: "namespace/lab" }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid first segment in identifier "namespace/lab", expecting "namespaces", got "namespace"',
    });
    expect(await refusal(anonymous.listExporters({ parent: "", filter: "board in (" }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "", expecting 2, got 1',
    });
  });

  it("authenticates before it parses the filter [XL1]", async () => {
    expect(await refusal(t.client({}).listExporters({ parent, filter: "board in (" }))).toEqual({
      code: "Unauthenticated",
      message: "missing authorization header",
    });
  });

  it.each<[string, (l: Readonly<Record<string, string>>) => boolean]>([
    ["", () => true],
    ["board=rpi5", (l) => l.board === "rpi5"],
    ["board==rpi5", (l) => l.board === "rpi5"],
    ["board!=rcar-s4", (l) => l.board !== "rcar-s4"],
    ["site in (bcn,westford)", (l) => l.site === "bcn" || l.site === "westford"],
    ["arch notin (arm64)", (l) => l.arch !== "arm64"],
    ["ram", (l) => l.ram !== undefined],
    ["!ram", (l) => l.ram === undefined],
    ["ram>4", (l) => l.ram !== undefined && Number(l.ram) > 4],
    ["ram<8", (l) => l.ram !== undefined && Number(l.ram) < 8],
    ["board>1", () => false],
    ["board=rpi5,ram>4", (l) => l.board === "rpi5" && Number(l.ram) > 4],
    ["site!=bcn,site!=brno", (l) => l.site !== "bcn" && l.site !== "brno"],
    ["  site = bcn ,  board in ( rpi5 , rcar-s4 )  ", (l) => l.site === "bcn" && (l.board === "rpi5" || l.board === "rcar-s4")],
    ["board=", (l) => l.board === ""],
    ["nope!=x", () => true],
    ["nope notin (x)", () => true],
    ["   ", () => true],
  ])("filters with the Kubernetes grammar: %j [F1]", async (filter, predicate) => {
    expect(await exporterNames({ filter })).toEqual(exportersWhere(predicate));
  });

  it.each<[string, (l: Readonly<Record<string, string>>) => boolean]>([
    ["site in (bcn,)", (l) => l.site === "bcn" || l.site === ""],
    ["site in (,bcn)", (l) => l.site === "bcn" || l.site === ""],
    ["site notin (bcn,,brno)", (l) => l.site !== "bcn" && l.site !== "brno" && l.site !== ""],
    ["board in ()", (l) => l.board === ""],
    ["ram notin ()", (l) => l.ram !== ""],
  ])("takes an empty slot in a value list, and an empty list, as the empty value, as the Kubernetes parser does: %j [F1]", async (filter, predicate) => {
    expect(await exporterNames({ filter })).toEqual(exportersWhere(predicate));
  });

  it("matches the full label set: hidden, deprecated and jumpstarter.dev/name labels too [F2], [O7], [HL1]", async () => {
    expect(await exporterNames({ filter: "inventory/asset-tag=A-1002" })).toEqual(["rcar-s4-02"]);
    expect(await exporterNames({ filter: "location" })).toEqual(["rcar-s4-02"]);
    expect(await exporterNames({ filter: `${NAME_LABEL}=rcar-s4-01` })).toEqual(["rcar-s4-01"]);
    // Only an exporter that never registered lacks jumpstarter.dev/name.
    expect(await exporterNames({ filter: `!${NAME_LABEL}` })).toEqual(["nuc-01"]);
    // The filter saw the hidden label; the answer still hides it [HL1].
    const { exporters } = await alice.listExporters({ parent, filter: "inventory/asset-tag=A-1002" });
    expect(exporters[0]?.labels["inventory/asset-tag"]).toBeUndefined();
    expect(exporters[0]?.labels.location).toBeUndefined();
  });

  it.each([
    "board in (rcar-s4",
    "board=rpi5,",
    "site in bcn",
    "ram>four",
    "board=rpi5-",
    `board=${"a".repeat(64)}`,
    "=rpi5",
    "Jumpstarter_dev/name=x",
    "board=rpi5 site=bcn",
  ])("refuses the unparsable filter %j: UNKNOWN with the parser's text [F1], [XL1]", async (filter) => {
    expect(await refusal(alice.listExporters({ parent, filter }))).toEqual({ code: "Unknown", message: parserText(filter) });
  });
});

describe("ListLeases [LL1]-[LL5]", () => {
  it("returns the active leases of every client, in name order, to any client [LL4], [LL5], [F6], [Z5]", async () => {
    for (const client of [alice, bob, carol]) {
      const { leases } = await client.listLeases({ parent, tagFilter: "set=base" });
      expect(leases.map((l) => short(l.name))).toEqual(["a-active", "c-pending"]);
      expect(leases.map((l) => l.client)).toEqual([`${parent}/clients/alice`, `${parent}/clients/carol`]);
    }
  });

  it("only_active absent or true leaves out ended leases; false lists them too [LL4], [O6]", async () => {
    const base = { tagFilter: "set=base" };
    expect(await leaseNames(base)).toEqual(["a-active", "c-pending"]);
    expect(await leaseNames({ ...base, onlyActive: true })).toEqual(["a-active", "c-pending"]);
    expect(await leaseNames({ ...base, onlyActive: false })).toEqual(["a-active", "a-unsat", "b-released", "c-pending"]);
    // only_active adds "lease-ended does not exist" to the filter: asking for ended ones as well finds nothing.
    expect(await leaseNames({ ...base, filter: `${ENDED}=true` })).toEqual([]);
    expect(await leaseNames({ ...base, onlyActive: false, filter: `${ENDED}=true` })).toEqual(["a-unsat", "b-released"]);
    expect(await leaseNames({ ...base, onlyActive: false, filter: `!${ENDED}` })).toEqual(["a-active", "c-pending"]);
  });

  it("a lease's labels: its selector's equality terms, its tags under metadata.jumpstarter.dev/, lease-ended [F3]", async () => {
    const base = { tagFilter: "set=base", onlyActive: false };
    expect(await leaseNames({ ...base, filter: "board=rpi5" })).toEqual(["a-active"]);
    expect(await leaseNames({ ...base, filter: "board==rpi5,site=bcn" })).toEqual(["a-active"]);
    expect(await leaseNames({ ...base, filter: "board" })).toEqual(["a-active", "a-unsat", "c-pending"]);
    expect(await leaseNames({ ...base, filter: "metadata.jumpstarter.dev/team=qa" })).toEqual(["a-active", "b-released"]);
    expect(await leaseNames({ ...base, filter: "metadata.jumpstarter.dev/sprint>40" })).toEqual(["a-active"]);
    // Nothing else: no owner, no exporter, nothing for a pinned-only lease, tags only under the prefix.
    expect(await leaseNames({ ...base, filter: "team" })).toEqual([]);
    expect(await leaseNames({ ...base, filter: "board=qemu-x86" })).toEqual([]);
    for (const key of ["client", "owner", "exporter", "jumpstarter.dev/client", "jumpstarter.dev/exporter", NAME_LABEL]) {
      expect(await leaseNames({ ...base, filter: key })).toEqual([]);
    }
    expect(await leaseNames({ ...base, filter: "!board" })).toEqual(["b-released"]);
  });

  it("gives no labels for set, inequality, existence or absence terms, nor for metadata.jumpstarter.dev/ selector keys [F3]", async () => {
    await alice.createLease({
      parent,
      leaseId: "l-labels",
      lease: { selector: "board=rpi5,site!=brno,ram in (8),!reserved,arch,metadata.jumpstarter.dev/team=qa", duration: hour, tags: { set: "labels" } },
    });
    const mine = { tagFilter: "set=labels", onlyActive: false };
    expect(await leaseNames({ ...mine, filter: "board=rpi5" })).toEqual(["l-labels"]);
    for (const filter of ["site", "ram", "ram=8", "arch", "reserved", "metadata.jumpstarter.dev/team"]) {
      expect(await leaseNames({ ...mine, filter })).toEqual([]);
    }
    expect(await leaseNames({ ...mine, filter: "!site,!ram,!arch,!reserved,!metadata.jumpstarter.dev/team" })).toEqual(["l-labels"]);
    // A lease that reached an rpi5 board by a set term, or by name, carries no board label.
    await alice.createLease({ parent, leaseId: "l-set", lease: { selector: "board in (rcar-s4)", duration: hour, tags: { set: "labels" } } });
    await alice.createLease({ parent, leaseId: "l-pinned", lease: { exporterName: "rpi5-02", duration: hour, tags: { set: "labels" } } });
    const pinned = await untilCondition(alice, `${parent}/leases/l-pinned`, "Ready", "True");
    expect(pinned.exporter).toBe(`${parent}/exporters/rpi5-02`);
    const set = await untilCondition(alice, `${parent}/leases/l-set`, "Ready", "True");
    expect(set.exporter).toMatch(/\/exporters\/rcar-s4-0[12]$/);
    expect(await leaseNames({ ...mine, filter: "board" })).toEqual(["l-labels"]);
    expect(await leaseNames({ ...mine, filter: "board=rcar-s4" })).toEqual([]);
    expect(await leaseNames({ ...mine, filter: `${NAME_LABEL}=rpi5-02` })).toEqual([]);
    expect(await leaseNames({ ...mine, filter: "!board" })).toEqual(["l-pinned", "l-set"]);
  });

  it("a lease gains jumpstarter.dev/lease-ended=true once it ended, and leaves the only_active list [F3], [LL4], [RL1]", async () => {
    await alice.createLease({ parent, leaseId: "l-ends", lease: { selector: "board=legacy", duration: hour, tags: { set: "ends" } } });
    await untilCondition(alice, `${parent}/leases/l-ends`, "Ready", "True");
    expect(await leaseNames({ tagFilter: "set=ends" })).toEqual(["l-ends"]);
    expect(await leaseNames({ tagFilter: "set=ends", onlyActive: false, filter: `${ENDED}=true` })).toEqual([]);
    await alice.deleteLease({ name: `${parent}/leases/l-ends` });
    await until("l-ends to carry the lease-ended label", async () =>
      (await leaseNames({ tagFilter: "set=ends", onlyActive: false, filter: `${ENDED}=true,board=legacy` })).length === 1 ? true : undefined,
    );
    expect(await leaseNames({ tagFilter: "set=ends" })).toEqual([]);
  });

  it("parses the parent, then authenticates, then parses the filter [LL1]", async () => {
    expect(await refusal(t.client({}).listLeases({ parent: "namespaces/lab/leases", filter: "(" }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "namespaces/lab/leases", expecting 2, got 3',
    });
    expect(await refusal(t.client({}).listLeases({ parent, filter: "(" }))).toEqual({ code: "Unauthenticated", message: "missing authorization header" });
  });

  it.each(["board in (rpi5", "board=,", "ram>x", "a b", "!"])("refuses the unparsable filter %j: UNKNOWN with the parser's text [LL1], [F1]", async (filter) => {
    expect(await refusal(alice.listLeases({ parent, filter }))).toEqual({ code: "Unknown", message: parserText(filter) });
  });

  it("reports a bad filter before a bad tag_filter [LL1], [LL2]", async () => {
    expect(await refusal(alice.listLeases({ parent, filter: "board in (", tagFilter: "team in (" }))).toEqual({
      code: "Unknown",
      message: parserText("board in ("),
    });
  });
});

describe("tag_filter [LL2], [LL3], [F7]", () => {
  const T = "metadata.jumpstarter.dev/";
  it.each<[string, string, string[]]>([
    ["team=qa", `${T}team=qa`, ["a-active", "b-released"]],
    ["team==qa", `${T}team==qa`, ["a-active", "b-released"]],
    ["team!=qa", `${T}team!=qa`, ["a-unsat", "c-pending"]],
    ["team in (dev,qa)", `${T}team in (dev,qa)`, ["a-active", "a-unsat", "b-released"]],
    ["team notin (dev)", `${T}team notin (dev)`, ["a-active", "b-released", "c-pending"]],
    ["sprint", `${T}sprint`, ["a-active"]],
    ["!sprint", `!${T}sprint`, ["a-unsat", "b-released", "c-pending"]],
    ["sprint>41", `${T}sprint>41`, ["a-active"]],
    ["sprint<42", `${T}sprint<42`, []],
    ["team=qa,sprint=42", `${T}team=qa,${T}sprint=42`, ["a-active"]],
  ])("%j selects on the tags, as filter %j does [LL2], [F7]", async (tagFilter, filter, expected) => {
    const base = { onlyActive: false, filter: `${T}set=base` };
    expect(await leaseNames({ ...base, tagFilter })).toEqual(expected);
    expect(await leaseNames({ ...base, filter: `${base.filter},${filter}` })).toEqual(expected);
  });

  it("is combined with filter and only_active (all terms must hold) [LL2], [LL4]", async () => {
    expect(await leaseNames({ tagFilter: "set=base,team=qa", filter: "board=rpi5" })).toEqual(["a-active"]);
    expect(await leaseNames({ tagFilter: "set=base,team=qa" })).toEqual(["a-active"]);
    expect(await leaseNames({ tagFilter: "set=base,team=qa", onlyActive: false })).toEqual(["a-active", "b-released"]);
  });

  it.each(["team in (", "team=qa,", "sprint>x", "(", "team=two words"])(
    "refuses the unparsable tag_filter %j: INVALID_ARGUMENT `invalid tag_filter: <parser text>` [LL2]",
    async (tagFilter) => {
      expect(await refusal(alice.listLeases({ parent, tagFilter }))).toEqual({ code: "InvalidArgument", message: `invalid tag_filter: ${parserText(tagFilter)}` });
    },
  );

  it.each(["a/b=1", "example.com/team=qa", "!x/y"])(
    "refuses %j, whose prefixed key is not a label key: INVALID_ARGUMENT `invalid tag_filter requirement: ...` [LL3]",
    async (tagFilter) => {
      const r = await refusal(alice.listLeases({ parent, tagFilter }));
      expect(r.code).toBe("InvalidArgument");
      expect(r.message.startsWith("invalid tag_filter requirement: ")).toBe(true);
      const key = tagFilter.replace(/^!/, "").replace(/=.*$/, "");
      expect(r.message).toContain(`metadata.jumpstarter.dev/${key}`);
    },
  );
});

describe("pagination [P1]-[P4]", () => {
  const exporterPage = (pageSize: number, filter = "") => async (pageToken: string): Promise<Page> => {
    const page = await alice.listExporters({ parent, pageSize, pageToken, filter });
    return { names: page.exporters.map((e) => short(e.name)), next: page.nextPageToken };
  };
  const leasePage = (pageSize: number) => async (pageToken: string): Promise<Page> => {
    const page = await alice.listLeases({ parent, pageSize, pageToken, onlyActive: false, tagFilter: "set=base" });
    return { names: page.leases.map((l) => short(l.name)), next: page.nextPageToken };
  };

  it.each([0, -1, -100])("page_size %i returns everything in one page without a token [P1], [Q4]", async (pageSize) => {
    const exporters = await alice.listExporters({ parent, pageSize });
    expect(exporters.exporters.map((e) => short(e.name))).toEqual(allExporterNames);
    expect(exporters.nextPageToken).toBe("");
    const leases = await alice.listLeases({ parent, pageSize, onlyActive: false, tagFilter: "set=base" });
    expect(leases.leases.map((l) => short(l.name))).toEqual(["a-active", "a-unsat", "b-released", "c-pending"]);
    expect(leases.nextPageToken).toBe("");
  });

  it("a page_size above the count returns everything without a token [P1], [P3]", async () => {
    const page = await alice.listExporters({ parent, pageSize: 2_147_483_647 });
    expect(page.exporters.map((e) => short(e.name))).toEqual(allExporterNames);
    expect(page.nextPageToken).toBe("");
  });

  it.each([1, 2, 3, 5, allExporterNames.length - 1, allExporterNames.length, allExporterNames.length + 1])(
    "exporter pages of %i cover the list once, in name order, full but for the last [P2], [P3]",
    async (size) => {
      const { names, pages } = await walk(size, exporterPage(size));
      expect(names).toEqual(allExporterNames);
      // No more pages than needed, plus at most the empty page that may end a listing.
      expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(allExporterNames.length / size));
      expect(pages.length).toBeLessThanOrEqual(Math.ceil(allExporterNames.length / size) + 1);
    },
  );

  it.each([1, 2, 3, 4, 5])("lease pages of %i cover the list once, in name order [P2], [P3], [LL5]", async (size) => {
    const { names } = await walk(size, leasePage(size));
    expect(names).toEqual(["a-active", "a-unsat", "b-released", "c-pending"]);
  });

  it("a full last page may carry a token; the page after it is then empty, with an empty token [P3]", async () => {
    const filter = "board in (rcar-s4,rpi5)";
    const matching = exportersWhere((l) => l.board === "rcar-s4" || l.board === "rpi5");
    const exact = await alice.listExporters({ parent, filter, pageSize: matching.length });
    expect(exact.exporters.map((e) => short(e.name))).toEqual(matching);
    if (exact.nextPageToken !== "") {
      const after = await alice.listExporters({ parent, filter, pageSize: matching.length, pageToken: exact.nextPageToken });
      expect(after.exporters).toEqual([]);
      expect(after.nextPageToken).toBe("");
    }
    const { names } = await walk(2, exporterPage(2, filter));
    expect(names).toEqual(matching);
  });

  it("a token is given whenever more objects follow [P3]", async () => {
    const first = await alice.listExporters({ parent, pageSize: allExporterNames.length - 1 });
    expect(first.exporters).toHaveLength(allExporterNames.length - 1);
    expect(first.nextPageToken).not.toBe("");
    const rest = await alice.listExporters({ parent, pageSize: allExporterNames.length - 1, pageToken: first.nextPageToken });
    expect(rest.exporters.map((e) => short(e.name))).toEqual(allExporterNames.slice(-1));
    expect(rest.nextPageToken).toBe("");
  });

  it("does not bind the filter to the token: the next page applies the filter it is sent with [P4]", async () => {
    const bcn = exportersWhere((l) => l.site === "bcn");
    const brno = exportersWhere((l) => l.site === "brno");
    const first = await alice.listExporters({ parent, pageSize: 1, filter: "site=bcn" });
    expect(first.exporters.map((e) => short(e.name))).toEqual(bcn.slice(0, 1));
    const cursor = bcn[0] ?? "";
    const other = await alice.listExporters({ parent, pageSize: 100, filter: "site=brno", pageToken: first.nextPageToken });
    expect(other.exporters.map((e) => short(e.name))).toEqual(brno.filter((n) => n > cursor));
    // Leases: another tag_filter, filter and only_active with the same token.
    const leases = await alice.listLeases({ parent, pageSize: 1, onlyActive: false, tagFilter: "set=base" });
    expect(leases.leases.map((l) => short(l.name))).toEqual(["a-active"]);
    const qa = await alice.listLeases({ parent, pageSize: 100, onlyActive: false, filter: "metadata.jumpstarter.dev/team=qa", pageToken: leases.nextPageToken });
    expect(qa.leases.map((l) => short(l.name))).toEqual(["b-released"]);
    const active = await alice.listLeases({ parent, pageSize: 100, tagFilter: "set=base", pageToken: leases.nextPageToken });
    expect(active.leases.map((l) => short(l.name))).toEqual(["c-pending"]);
  });

  it("a string that is not a continue token fails UNKNOWN `invalid continue token: ...` [P4], [E2]", async () => {
    const real = (await alice.listExporters({ parent, pageSize: 2 })).nextPageToken;
    expect(real).not.toBe("");
    const altered = `${real.slice(0, -3)}${real.endsWith("AAA") ? "BBB" : "AAA"}`;
    for (const pageToken of ["not-a-token", "bm90LWEtdG9rZW4", "x.y", altered]) {
      for (const call of [alice.listExporters({ parent, pageToken }), alice.listLeases({ parent, pageToken })]) {
        const r = await refusal(call);
        expect(r.code).toBe("Unknown");
        expect(r.message.startsWith("invalid continue token: ")).toBe(true);
      }
    }
  });

  it("keeps the snapshot of the first page: objects created later do not show up on later pages [P2], [P4]", async () => {
    const make = (id: string) => alice.createLease({ parent, leaseId: id, lease: { selector: "board=nope", duration: hour, tags: { set: "snapshot" } } });
    await make("s-1");
    await make("s-3");
    const request = { parent, pageSize: 1, onlyActive: false, tagFilter: "set=snapshot" };
    const first = await alice.listLeases(request);
    expect(first.leases.map((l) => short(l.name))).toEqual(["s-1"]);
    expect(first.nextPageToken).not.toBe("");
    await make("s-2");
    const { names } = await walk(1, async (pageToken) => {
      const page = await alice.listLeases({ ...request, pageToken: pageToken === "" ? first.nextPageToken : pageToken });
      return { names: page.leases.map((l) => short(l.name)), next: page.nextPageToken };
    });
    expect(names).toEqual(["s-3"]);
  });
});

describe("expired continue tokens [P4]", () => {
  let clock = Date.now();
  let c: TestLab;

  beforeAll(async () => {
    clock = Date.now();
    c = await startTestLab({ now: () => clock, continueTokenTtlMs: 60_000 });
    const a = c.as("alice");
    await a.createLease({ parent, leaseId: "x-1", lease: { selector: "board=nope", duration: hour } });
    await a.createLease({ parent, leaseId: "x-2", lease: { selector: "board=nope", duration: hour } });
  });
  afterAll(() => c.close());

  it("a token past its lifetime fails UNKNOWN with the API server's `too old` text; within it, it works [P4], [E2]", async () => {
    const a = c.as("alice");
    const exporters = await a.listExporters({ parent, pageSize: 1 });
    const leases = await a.listLeases({ parent, pageSize: 1, onlyActive: false });
    expect(exporters.nextPageToken).not.toBe("");
    expect(leases.nextPageToken).not.toBe("");
    clock += 59_000;
    expect((await a.listExporters({ parent, pageSize: 1, pageToken: exporters.nextPageToken })).exporters.map((e) => short(e.name))).toEqual(
      allExporterNames.slice(1, 2),
    );
    expect((await a.listLeases({ parent, pageSize: 1, onlyActive: false, pageToken: leases.nextPageToken })).leases.map((l) => short(l.name))).toEqual(["x-2"]);
    clock += 2_000;
    for (const call of [
      a.listExporters({ parent, pageSize: 1, pageToken: exporters.nextPageToken }),
      a.listLeases({ parent, pageSize: 1, onlyActive: false, pageToken: leases.nextPageToken }),
    ]) {
      const r = await refusal(call);
      expect(r.code).toBe("Unknown");
      expect(r.message).toContain(TOO_OLD);
    }
    // Starting the listing again works.
    expect((await a.listExporters({ parent, pageSize: 1 })).exporters.map((e) => short(e.name))).toEqual(allExporterNames.slice(0, 1));
  });
});
