// The status an exporter reports, and words for it that a person can act on.
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import type { ExporterRecord } from "./records.js";

type StatusInput = Pick<ExporterRecord, "online" | "enabled" | "phase" | "leaseName" | "hookFailure">;

export function describeExporter(
  exporter: StatusInput,
  holder: string | undefined,
): { status: ExporterStatus; statusMessage: string } {
  const heldBy = holder === undefined ? "" : ` (leased by ${holder})`;
  if (!exporter.online) {
    return { status: ExporterStatus.OFFLINE, statusMessage: `Offline: not connected to the controller${heldBy}` };
  }
  const status = exporter.phase;
  switch (status) {
    case ExporterStatus.AVAILABLE:
      return {
        status,
        statusMessage: exporter.enabled ? "Available" : "Available, but disabled by an administrator",
      };
    case ExporterStatus.BEFORE_LEASE_HOOK:
      return { status, statusMessage: `Running before-lease hook${heldBy}` };
    case ExporterStatus.LEASE_READY:
      return { status, statusMessage: holder === undefined ? "Leased" : `Leased by ${holder}` };
    case ExporterStatus.AFTER_LEASE_HOOK:
      return { status, statusMessage: "Running after-lease hook" };
    case ExporterStatus.BEFORE_LEASE_HOOK_FAILED:
      return { status, statusMessage: `before-lease hook failed: ${exporter.hookFailure ?? "unknown error"}` };
    case ExporterStatus.AFTER_LEASE_HOOK_FAILED:
      return { status, statusMessage: `after-lease hook failed: ${exporter.hookFailure ?? "unknown error"}` };
  }
}
