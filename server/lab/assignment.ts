// Which exporter a lease gets, or why it gets none: the controller's rules as
// a pure function. The lab has no access policies, so every client may use
// every exporter and "NoAccess" means that nothing matches at all.
import { isEmptySelector, matchesSelector, type Selector } from "../../src/domain/selector.js";
import { quoteText } from "../../src/domain/labels.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import type { ExporterRecord } from "./records.js";

export interface AssignmentRequest {
  readonly selector: Selector;
  /** Normalised selector text, for messages. */
  readonly selectorText: string;
  readonly exporterName: string | undefined;
  readonly allowDisabled: boolean;
}

export type Candidate = Pick<ExporterRecord, "name" | "labels" | "online" | "enabled" | "phase" | "leaseName" | "hookFailure">;

export type PendingReason = "Offline" | "NotAvailable" | "NotReady";
export type UnsatisfiableReason =
  | "ExporterNotFound"
  | "SelectorMismatch"
  | "ExporterDisabled"
  | "AllDisabled"
  | "NoAccess";

export type AssignmentOutcome =
  | { readonly kind: "assign"; readonly exporter: string }
  | { readonly kind: "pending"; readonly reason: PendingReason; readonly message: string }
  | { readonly kind: "unsatisfiable"; readonly reason: UnsatisfiableReason; readonly message: string }
  | { readonly kind: "invalid"; readonly reason: "InvalidSelector"; readonly message: string };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
/** "the only exporter … is" / "all 3 exporters … are" */
const allOf = (n: number, noun: string, rest: string, tail: string): string =>
  n === 1 ? `the only ${noun} ${rest} is ${tail}` : `all ${n} ${noun}s ${rest} are ${tail}`;

function isFree(e: Candidate): boolean {
  return e.online && e.enabled && e.leaseName === undefined && e.phase === ExporterStatus.AVAILABLE;
}

function isFinishingAfterHook(e: Candidate): boolean {
  return e.leaseName === undefined && e.phase === ExporterStatus.AFTER_LEASE_HOOK;
}

function hookFailure(e: Candidate): string | undefined {
  if (e.phase === ExporterStatus.BEFORE_LEASE_HOOK_FAILED) return `before-lease hook failed: ${e.hookFailure ?? "unknown error"}`;
  if (e.phase === ExporterStatus.AFTER_LEASE_HOOK_FAILED) return `after-lease hook failed: ${e.hookFailure ?? "unknown error"}`;
  return undefined;
}

function byName(request: AssignmentRequest, name: string, exporters: readonly Candidate[]): AssignmentOutcome {
  const exporter = exporters.find((e) => e.name === name);
  if (exporter === undefined) {
    const hint = name.includes("/") ? "; exporter_name is the exporter's bare name, as in rcar-s4-01" : "";
    return { kind: "unsatisfiable", reason: "ExporterNotFound", message: `exporter ${quoteText(name)} does not exist${hint}` };
  }
  if (!isEmptySelector(request.selector) && !matchesSelector(request.selector, exporter.labels)) {
    return {
      kind: "unsatisfiable",
      reason: "SelectorMismatch",
      message: `exporter "${name}" does not match selector "${request.selectorText}"`,
    };
  }
  if (!exporter.enabled && !request.allowDisabled) {
    return {
      kind: "unsatisfiable",
      reason: "ExporterDisabled",
      message: `exporter "${name}" is disabled by an administrator (allow_disabled lets a lease use it anyway)`,
    };
  }
  if (!exporter.online) return { kind: "pending", reason: "Offline", message: `exporter "${name}" is offline` };
  const failed = hookFailure(exporter);
  if (failed !== undefined) {
    return { kind: "pending", reason: "NotAvailable", message: `exporter "${name}" is not available: ${failed}` };
  }
  if (exporter.leaseName !== undefined) {
    return { kind: "pending", reason: "NotAvailable", message: `exporter "${name}" is leased by someone else` };
  }
  if (isFinishingAfterHook(exporter)) {
    return { kind: "pending", reason: "NotReady", message: `exporter "${name}" is still running its after-lease hook` };
  }
  return { kind: "assign", exporter: name };
}

function bySelector(request: AssignmentRequest, exporters: readonly Candidate[]): AssignmentOutcome {
  const quoted = `"${request.selectorText}"`;
  const matching = exporters.filter((e) => matchesSelector(request.selector, e.labels));
  if (matching.length === 0) {
    return { kind: "unsatisfiable", reason: "NoAccess", message: `no exporter matches selector ${quoted}` };
  }
  const enabled = matching.filter((e) => e.enabled);
  if (enabled.length === 0) {
    return {
      kind: "unsatisfiable",
      reason: "AllDisabled",
      message: allOf(matching.length, "exporter", `matching selector ${quoted}`, "disabled"),
    };
  }
  const online = enabled.filter((e) => e.online);
  if (online.length === 0) {
    return {
      kind: "pending",
      reason: "Offline",
      message: allOf(enabled.length, "enabled exporter", `matching selector ${quoted}`, "offline"),
    };
  }
  let chosen: Candidate | undefined;
  for (const e of online) {
    if (isFree(e) && (chosen === undefined || e.name < chosen.name)) chosen = e;
  }
  if (chosen !== undefined) return { kind: "assign", exporter: chosen.name };
  const finishing = online.filter(isFinishingAfterHook).length;
  if (finishing > 0) {
    return {
      kind: "pending",
      reason: "NotReady",
      message: `no exporter matching selector ${quoted} is free yet: ${plural(finishing, "exporter")} still running an after-lease hook`,
    };
  }
  const failed = online.filter((e) => hookFailure(e) !== undefined).length;
  const leased = online.length - failed;
  const why = [leased > 0 ? `${leased} leased` : "", failed > 0 ? `${failed} with a failed hook` : ""].filter((s) => s !== "");
  return {
    kind: "pending",
    reason: "NotAvailable",
    message: allOf(online.length, "online exporter", `matching selector ${quoted}`, `busy (${why.join(", ")})`),
  };
}

export function chooseExporter(request: AssignmentRequest, exporters: readonly Candidate[]): AssignmentOutcome {
  if (request.exporterName !== undefined) return byName(request, request.exporterName, exporters);
  if (isEmptySelector(request.selector)) {
    return {
      kind: "invalid",
      reason: "InvalidSelector",
      message: "the lease has an empty selector and no exporter_name, so no exporter can be chosen",
    };
  }
  return bySelector(request, exporters);
}
