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
}

/** The fields of an Exporter that decide its state. */
export interface ExporterStateInput {
  readonly status: ExporterStatus;
  readonly enabled?: boolean | undefined;
  readonly online: boolean;
}

/**
 * The state to show. Disabled wins (an administrator's decision matters more
 * than the connection), then the reported status.
 */
export function exporterState({ status, enabled, online }: ExporterStateInput): ExporterState {
  if (enabled === false) return { kind: "disabled", text: "Disabled" };
  switch (status) {
    case ExporterStatus.AVAILABLE:
      return { kind: "available", text: "Available" };
    case ExporterStatus.LEASE_READY:
      return { kind: "leased", text: "Leased" };
    case ExporterStatus.OFFLINE:
      return { kind: "offline", text: "Offline" };
    case ExporterStatus.BEFORE_LEASE_HOOK:
      return { kind: "hook-running", text: "Hook running (before lease)" };
    case ExporterStatus.AFTER_LEASE_HOOK:
      return { kind: "hook-running", text: "Hook running (after lease)" };
    case ExporterStatus.BEFORE_LEASE_HOOK_FAILED:
      return { kind: "hook-failed", text: "Hook failed (before lease)" };
    case ExporterStatus.AFTER_LEASE_HOOK_FAILED:
      return { kind: "hook-failed", text: "Hook failed (after lease)" };
    case ExporterStatus.UNSPECIFIED:
      return online ? { kind: "unknown", text: "Online, status unknown" } : { kind: "offline", text: "Offline" };
  }
}
