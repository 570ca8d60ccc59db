// [L2] steps 2-10 and access policies [AP1]-[AP4], as a pure function, with
// the condition texts of [L3].
import { describe, expect, it } from "vitest";
import { parseSelector, type Selector } from "../../src/domain/selector.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { chooseExporter, type AssignmentRequest, type Candidate } from "./assignment.js";
import type { AccessPolicyRecord, AccessRule } from "./records.js";

const H = 3_600_000;

function sel(text: string): Selector {
  const r = parseSelector(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.selector;
}

function exporter(name: string, labels: Record<string, string>, extra: Partial<Candidate> = {}): Candidate {
  return {
    name,
    labels,
    connection: "connected",
    enabled: true,
    reportedStatus: ExporterStatus.AVAILABLE,
    reportedMessage: "Exporter registered and available",
    leaseName: undefined,
    ...extra,
  };
}

function request(selector: string, extra: Partial<AssignmentRequest> = {}): AssignmentRequest {
  return { selector: sel(selector), selectorText: selector, exporterName: undefined, allowDisabled: false, durationMs: H, clientLabels: {}, ...extra };
}

const rule = (r: Partial<AccessRule>): AccessRule => ({ description: "", priority: 0, maximumDurationMs: undefined, spotAccess: false, from: [{ matchLabels: {}, matchExpressions: [] }], ...r });
const policy = (name: string, matchLabels: Record<string, string>, rules: AccessRule[]): AccessPolicyRecord => ({
  name,
  exporterSelector: { matchLabels, matchExpressions: [] },
  rules,
});
const noSpot = (): boolean => false;

describe("[L2] assignment without access policies [AP1]", () => {
  const lab = [
    exporter("a-2", { board: "a" }),
    exporter("a-1", { board: "a" }),
    exporter("b-1", { board: "b" }, { enabled: false }),
    exporter("c-1", { board: "c" }, { connection: "lost" }),
    exporter("d-1", { board: "d" }, { leaseName: "other" }),
    exporter("e-1", { board: "e" }, { reportedStatus: ExporterStatus.AFTER_LEASE_HOOK }),
    exporter("f-1", { board: "f" }, { reportedStatus: ExporterStatus.UNSPECIFIED, reportedMessage: "" }),
    exporter("g-1", { board: "g" }, { connection: "never" }),
    exporter("h-1", { board: "h" }, { reportedStatus: ExporterStatus.OFFLINE }),
  ];

  it.each<[string, AssignmentRequest, unknown]>([
    ["the first free matching exporter by name (step 6)", request("board=a"), { kind: "assign", exporter: "a-1", priority: 0, spot: false }],
    ["an old exporter with UNSPECIFIED status (step 8)", request("board=f"), { kind: "assign", exporter: "f-1", priority: 0, spot: false }],
    ["no match: NoAccess with 0 (step 4)", request("board=zzz"), { kind: "unsatisfiable", reason: "NoAccess", message: "While there are 0 exporters matching the selector, none of them are approved by any policy for your client" }],
    ["all disabled (step 3)", request("board=b"), { kind: "unsatisfiable", reason: "AllDisabled", message: "All 1 exporters matching the selector are disabled" }],
    ["offline (step 5)", request("board=c"), { kind: "pending", reason: "Offline", message: "While there are 1 available exporters (i.e. ), none of them are online" }],
    ["never seen counts as offline (step 5)", request("board=g"), { kind: "pending", reason: "Offline", message: "While there are 1 available exporters (i.e. ), none of them are online" }],
    ["reporting OFFLINE counts as offline [S4]", request("board=h"), { kind: "pending", reason: "Offline", message: "While there are 1 available exporters (i.e. ), none of them are online" }],
    ["leased (step 7)", request("board=d"), { kind: "pending", reason: "NotAvailable", message: "There are 1 approved exporters, (i.e. ) but all of them are already leased" }],
    ["running a hook (step 8)", request("board=e"), { kind: "pending", reason: "NotReady", message: "There are 1 online exporters, but none are ready (still cleaning up previous lease)" }],
    ["pinned, unknown (step 3)", request("", { exporterName: "zz" }), { kind: "unsatisfiable", reason: "ExporterNotFound", message: "Requested exporter zz was not found" }],
    ["pinned, selector mismatch", request("board=b", { exporterName: "a-1" }), { kind: "unsatisfiable", reason: "SelectorMismatch", message: "Requested exporter a-1 does not match selector board=b" }],
    ["pinned, the selector sees jumpstarter.dev/name [O7]", request("jumpstarter.dev/name=a-1", { exporterName: "a-1" }), { kind: "assign", exporter: "a-1", priority: 0, spot: false }],
    [
      "pinned, disabled",
      request("", { exporterName: "b-1" }),
      { kind: "unsatisfiable", reason: "ExporterDisabled", message: "Requested exporter b-1 is disabled. To lease a disabled exporter, set spec.allowDisabled: true on the Lease, or use --allow-disabled with jmp create lease" },
    ],
    ["pinned, disabled, allow_disabled [S5]", request("", { exporterName: "b-1", allowDisabled: true }), { kind: "assign", exporter: "b-1", priority: 0, spot: false }],
    ["pinned, leased", request("", { exporterName: "d-1" }), { kind: "pending", reason: "NotAvailable", message: "There are 1 approved exporters, (i.e. ) but all of them are already leased" }],
    ["empty selector, nothing pinned (step 2)", request(""), { kind: "invalid", reason: "InvalidSelector", message: "The selector for the lease is empty, a selector is required" }],
  ])("%s", (_name, req, outcome) => {
    expect(chooseExporter(req, lab, [], noSpot)).toEqual(outcome);
  });

  it("counts only enabled candidates, and ignores disabled ones among enabled matches [L2] step 3", () => {
    const mixed = [exporter("x-1", { k: "x" }, { enabled: false }), exporter("x-2", { k: "x" }, { leaseName: "l" })];
    const outcome = chooseExporter(request("k=x"), mixed, [], noSpot);
    expect(outcome).toMatchObject({ kind: "pending", reason: "NotAvailable" });
    expect(outcome.kind === "pending" ? outcome.message : "").toContain("There are 1 approved");
  });
});

describe("[AP2]-[AP4] access policies", () => {
  const lab = [exporter("ci-1", { board: "a", access: "ci-only" }), exporter("open-1", { board: "b" })];
  const ciOnly = policy("ci-only", { access: "ci-only" }, [
    rule({ description: "reserved for the CI team", priority: 10, maximumDurationMs: H, from: [{ matchLabels: { team: "ci" }, matchExpressions: [] }] }),
  ]);
  const everyone = policy("everyone", {}, [rule({ description: "everyone else" , from: [{ matchLabels: {}, matchExpressions: [] }] })]);

  it("approves a client the rule's client selector matches", () => {
    expect(chooseExporter(request("board=a", { clientLabels: { team: "ci" } }), lab, [ciOnly], noSpot)).toEqual({ kind: "assign", exporter: "ci-1", priority: 10, spot: false });
  });

  it("refuses others with NoAccess naming the policies that did not match [L3]", () => {
    expect(chooseExporter(request("board=a"), lab, [ciOnly], noSpot)).toEqual({
      kind: "unsatisfiable",
      reason: "NoAccess",
      message: "While there are 1 exporters matching the selector, none of them are approved by any policy for your client. Matching policies: reserved for the CI team",
    });
  });

  it("with policies, an exporter no policy selects is approved for nobody [AP2]", () => {
    expect(chooseExporter(request("board=b"), lab, [ciOnly], noSpot)).toMatchObject({ kind: "unsatisfiable", reason: "NoAccess" });
    expect(chooseExporter(request("board=b"), lab, [ciOnly, everyone], noSpot)).toMatchObject({ kind: "assign", exporter: "open-1" });
  });

  it("skips a rule whose maximumDuration is below the lease's, without saying so [AP3]", () => {
    expect(chooseExporter(request("board=a", { clientLabels: { team: "ci" }, durationMs: 2 * H }), lab, [ciOnly], noSpot)).toEqual({
      kind: "unsatisfiable",
      reason: "NoAccess",
      message: "While there are 1 exporters matching the selector, none of them are approved by any policy for your client",
    });
  });

  it("a rule without `from` matches no client", () => {
    const closed = policy("closed", {}, [rule({ from: [] })]);
    expect(chooseExporter(request("board=b"), lab, [closed], noSpot)).toMatchObject({ kind: "unsatisfiable", reason: "NoAccess" });
  });

  it("counts (exporter, rule) pairs: one exporter approved by two rules counts twice [L3]", () => {
    const two = policy("two", {}, [rule({ priority: 1 }), rule({ priority: 2 })]);
    const offline = [exporter("o-1", { board: "o" }, { connection: "lost" })];
    expect(chooseExporter(request("board=o"), offline, [two], noSpot)).toMatchObject({ message: "While there are 2 available exporters (i.e. ), none of them are online" });
  });

  it("orders free first, then non-spot, then higher priority, then name (step 6)", () => {
    const rules = [policy("p", { board: "a" }, [rule({ priority: 5 })]), policy("q", { tier: "gold" }, [rule({ priority: 9 })])];
    const boards = [exporter("a-1", { board: "a" }), exporter("a-2", { board: "a", tier: "gold" })];
    expect(chooseExporter(request("board=a"), boards, rules, noSpot)).toEqual({ kind: "assign", exporter: "a-2", priority: 9, spot: false });
  });

  it("spot only: SpotAccess, with the exporter's name (step 6) [AP4]", () => {
    const spot = policy("spot", {}, [rule({ spotAccess: true })]);
    expect(chooseExporter(request("board=b"), lab, [spot], noSpot)).toEqual({
      kind: "unsatisfiable",
      reason: "SpotAccess",
      message: "The only possible exporters are under spot access (i.e. open-1), but spot access is still not implemented",
    });
  });

  it("an exporter held under spot access stays a candidate for a non-spot request, then waits: eviction is not implemented (steps 7, 9)", () => {
    const held = [exporter("s-1", { board: "s" }, { leaseName: "spot-lease" })];
    const open = policy("open", {}, [rule({})]);
    expect(chooseExporter(request("board=s"), held, [open], (l) => l === "spot-lease")).toEqual({
      kind: "pending",
      reason: "NotAvailable",
      message: "Exporter s-1 is already leased by another client under spot access, but spot access eviction still not implemented",
    });
    const plain = chooseExporter(request("board=s"), held, [open], noSpot);
    expect(plain.kind === "pending" ? `${plain.reason}: ${plain.message}` : plain.kind).toContain("NotAvailable: There are 1 approved exporters");
  });
});
