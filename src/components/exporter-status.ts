// What a person should read for an exporter's state. Pure, so the exporter
// list's status filter, counts and sorting share the label's words.
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";

/** The states a lab user tells apart (the product's vocabulary). */
export type ExporterStateKind =
  | "available"
  | "leased"
  | "hook-running"
  | "hook-failed"
  | "offline"
  | "disabled"
  | "unknown";

/** Every kind, in the order lists and counts show them. */
export const EXPORTER_STATE_KINDS: readonly ExporterStateKind[] = [
  "available",
  "leased",
  "hook-running",
  "hook-failed",
  "offline",
  "disabled",
  "unknown",
];

/** Plural-free names of the kinds, for filters and summary counts. */
export const EXPORTER_STATE_NAMES: Readonly<Record<ExporterStateKind, string>> = {
  available: "Available",
  leased: "Leased",
  "hook-running": "Hook running",
  "hook-failed": "Hook failed",
  offline: "Offline",
  disabled: "Disabled",
  unknown: "Unknown",
};

export interface ExporterState {
  readonly kind: ExporterStateKind;
  /** The words on the label ("Hook running (before lease)"). */
  readonly text: string;
  /** What the state means, or the controller's status message, for a tooltip or a detail page. */
  readonly detail?: string;
}

/** The fields of an Exporter that decide its state. */
export interface ExporterStateInput {
  readonly status: ExporterStatus;
  /** Absent from 0.8 and older controllers: enabled ([V1]). */
  readonly enabled?: boolean | undefined;
  readonly online: boolean;
  readonly statusMessage?: string;
}

export interface ExporterStateOptions {
  /** An active lease holds the exporter ([S6]): it reads Leased whatever it reports. */
  readonly held?: boolean;
}

/** [S1] The controller's status message of an exporter created but never connected. */
export const NEVER_SEEN = "Never seen";

function withMessage(state: { kind: ExporterStateKind; text: string }, message: string | undefined, fallback?: string): ExporterState {
  const detail = message !== undefined && message !== "" ? message : fallback;
  return detail === undefined ? state : { ...state, detail };
}

/**
 * The state to show ([S1], [S4], [G1].8). Disabled wins (an administrator's
 * decision matters more than the connection); then held by a lease; then
 * the reported status. An exporter that reports no status (UNSPECIFIED) is
 * usable while online (old exporters never report one; the controller
 * assigns it, [L2] step 8), never connected when the controller says
 * "Never seen", and offline otherwise.
 */
export function exporterState({ status, enabled, online, statusMessage }: ExporterStateInput, options: ExporterStateOptions = {}): ExporterState {
  if (enabled === false) return withMessage({ kind: "disabled", text: "Disabled" }, undefined, "An administrator disabled it: selector leases skip it");
  const reported = reportedState(status, online, statusMessage);
  if (options.held === true && (reported.kind === "available" || reported.kind === "unknown")) return { kind: "leased", text: "Leased" };
  return reported;
}

function reportedState(status: ExporterStatus, online: boolean, message: string | undefined): ExporterState {
  switch (status) {
    case ExporterStatus.AVAILABLE:
      return withMessage({ kind: "available", text: "Available" }, message);
    case ExporterStatus.LEASE_READY:
      return withMessage({ kind: "leased", text: "Leased" }, message);
    case ExporterStatus.OFFLINE:
      // e.g. "Connection lost - last seen more than 1 minute ago", "Exporter shutdown".
      return withMessage({ kind: "offline", text: "Offline" }, message);
    case ExporterStatus.BEFORE_LEASE_HOOK:
      return withMessage({ kind: "hook-running", text: "Hook running (before lease)" }, message);
    case ExporterStatus.AFTER_LEASE_HOOK:
      return withMessage({ kind: "hook-running", text: "Hook running (after lease)" }, message);
    case ExporterStatus.BEFORE_LEASE_HOOK_FAILED:
      return withMessage({ kind: "hook-failed", text: "Hook failed (before lease)" }, message);
    case ExporterStatus.AFTER_LEASE_HOOK_FAILED:
      return withMessage({ kind: "hook-failed", text: "Hook failed (after lease)" }, message);
    case ExporterStatus.UNSPECIFIED:
      if (online) return { kind: "available", text: "Available", detail: "Online; it reports no status of its own (an older exporter)" };
      if (message === NEVER_SEEN) return { kind: "offline", text: "Never connected", detail: "Registered with the controller, but it has never connected" };
      return withMessage({ kind: "offline", text: "Offline" }, message);
  }
  // A status number this portal does not know (a newer controller).
  return withMessage({ kind: "unknown", text: "Unknown status" }, message);
}
