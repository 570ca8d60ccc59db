import { describe, expect, it } from "vitest";
import { formatSelector, parseSelector } from "../../src/domain/selector.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { chooseExporter, type AssignmentOutcome, type Candidate } from "./assignment.js";

function exporter(name: string, labels: Record<string, string>, state: Partial<Candidate> = {}): Candidate {
  return {
    name,
    labels,
    online: true,
    enabled: true,
    phase: ExporterStatus.AVAILABLE,
    leaseName: undefined,
    hookFailure: undefined,
    ...state,
  };
}

const s4 = { board: "rcar-s4", site: "bcn" };
const leased = { leaseName: "other", phase: ExporterStatus.LEASE_READY } as const;
const afterHook = { phase: ExporterStatus.AFTER_LEASE_HOOK } as const;
const hookFailed = { phase: ExporterStatus.BEFORE_LEASE_HOOK_FAILED, hookFailure: "flash timeout" } as const;

function decide(selector: string, exporters: Candidate[], exporterName?: string, allowDisabled = false): AssignmentOutcome {
  const parsed = parseSelector(selector);
  if (!parsed.ok) throw new Error(`bad selector in test: ${selector}`);
  return chooseExporter({ selector: parsed.selector, selectorText: formatSelector(parsed.selector), exporterName, allowDisabled }, exporters);
}

type Expected = Pick<AssignmentOutcome, "kind"> & { reason?: string; exporter?: string };

const bySelector: [string, string, Candidate[], Expected][] = [
  ["the only free match", "board=rcar-s4", [exporter("a", s4)], { kind: "assign", exporter: "a" }],
  ["the first free match by name", "board=rcar-s4", [exporter("c", s4), exporter("b", s4), exporter("a", s4, leased)], { kind: "assign", exporter: "b" }],
  ["free before leased, whatever the names", "board=rcar-s4", [exporter("a", s4, leased), exporter("z", s4)], { kind: "assign", exporter: "z" }],
  ["no match at all", "board=nope", [exporter("a", s4)], { kind: "unsatisfiable", reason: "NoAccess" }],
  ["no exporters", "board=rcar-s4", [], { kind: "unsatisfiable", reason: "NoAccess" }],
  ["all matches disabled", "board=rcar-s4", [exporter("a", s4, { enabled: false }), exporter("b", s4, { enabled: false })], { kind: "unsatisfiable", reason: "AllDisabled" }],
  ["enabled matches all offline", "board=rcar-s4", [exporter("a", s4, { online: false }), exporter("b", s4, { enabled: false })], { kind: "pending", reason: "Offline" }],
  ["disabled is never taken, even if free", "board=rcar-s4", [exporter("a", s4, { enabled: false }), exporter("b", s4, leased)], { kind: "pending", reason: "NotAvailable" }],
  ["all leased", "board=rcar-s4", [exporter("a", s4, leased), exporter("b", s4, leased)], { kind: "pending", reason: "NotAvailable" }],
  ["hook-failed counts as not available", "board=rcar-s4", [exporter("a", s4, hookFailed)], { kind: "pending", reason: "NotAvailable" }],
  ["one still in its after-lease hook", "board=rcar-s4", [exporter("a", s4, leased), exporter("b", s4, afterHook)], { kind: "pending", reason: "NotReady" }],
  ["offline ones are skipped when an online one is free", "board=rcar-s4", [exporter("a", s4, { online: false }), exporter("b", s4)], { kind: "assign", exporter: "b" }],
  ["set selectors match", "site in (brno,bcn),board!=rpi5", [exporter("a", { board: "rpi5", site: "bcn" }), exporter("b", s4)], { kind: "assign", exporter: "b" }],
  ["an empty selector without exporter_name", "", [exporter("a", s4)], { kind: "invalid", reason: "InvalidSelector" }],
  ["a blank selector without exporter_name", "   ", [exporter("a", s4)], { kind: "invalid", reason: "InvalidSelector" }],
];

const byName: [string, string, string, Candidate[], Expected, boolean?][] = [
  ["free, no selector", "", "a", [exporter("a", s4)], { kind: "assign", exporter: "a" }],
  ["free, matching selector", "site=bcn", "a", [exporter("a", s4)], { kind: "assign", exporter: "a" }],
  ["unknown name", "", "zzz", [exporter("a", s4)], { kind: "unsatisfiable", reason: "ExporterNotFound" }],
  ["selector mismatch", "site=brno", "a", [exporter("a", s4)], { kind: "unsatisfiable", reason: "SelectorMismatch" }],
  ["disabled", "", "a", [exporter("a", s4, { enabled: false })], { kind: "unsatisfiable", reason: "ExporterDisabled" }],
  ["disabled but allowed", "", "a", [exporter("a", s4, { enabled: false })], { kind: "assign", exporter: "a" }, true],
  ["mismatch wins over disabled", "site=brno", "a", [exporter("a", s4, { enabled: false })], { kind: "unsatisfiable", reason: "SelectorMismatch" }],
  ["offline", "", "a", [exporter("a", s4, { online: false })], { kind: "pending", reason: "Offline" }],
  ["offline and leased: offline first", "", "a", [exporter("a", s4, { online: false, ...leased })], { kind: "pending", reason: "Offline" }],
  ["leased", "", "a", [exporter("a", s4, leased)], { kind: "pending", reason: "NotAvailable" }],
  ["hook failed", "", "a", [exporter("a", s4, hookFailed)], { kind: "pending", reason: "NotAvailable" }],
  ["after-lease hook running", "", "a", [exporter("a", s4, afterHook)], { kind: "pending", reason: "NotReady" }],
];

describe("chooseExporter by selector", () => {
  it.each(bySelector)("%s", (_title, selector, exporters, expected) => {
    expect(decide(selector, exporters)).toMatchObject(expected);
  });
});

describe("chooseExporter by exporter_name", () => {
  it.each(byName)("%s", (_title, selector, name, exporters, expected, allowDisabled) => {
    expect(decide(selector, exporters, name, allowDisabled === true)).toMatchObject(expected);
  });
});

describe("allow_disabled", () => {
  it("never lets a selector lease take a disabled exporter", () => {
    const disabled = [exporter("a", s4, { enabled: false })];
    expect(decide("board=rcar-s4", disabled, undefined, true)).toMatchObject({ kind: "unsatisfiable", reason: "AllDisabled" });
    expect(decide("board=rcar-s4", [...disabled, exporter("b", s4, leased)], undefined, true)).toMatchObject({ kind: "pending", reason: "NotAvailable" });
  });
});

describe("chooseExporter messages", () => {
  it("quote the selector when nothing matches", () => {
    expect(decide("board=nope", [exporter("a", s4)])).toMatchObject({ message: 'no exporter matches selector "board=nope"' });
  });

  it("name the board and the failure for a hook-failed exporter", () => {
    const outcome = decide("", [exporter("a", s4, hookFailed)], "a");
    expect(outcome).toMatchObject({ message: 'exporter "a" is not available: before-lease hook failed: flash timeout' });
  });

  it("tell a resource name from a bare name", () => {
    const outcome = decide("", [exporter("a", s4)], "namespaces/lab/exporters/a");
    expect(outcome).toMatchObject({ reason: "ExporterNotFound" });
    expect(outcome.kind === "unsatisfiable" && outcome.message).toContain("bare name");
  });
});
