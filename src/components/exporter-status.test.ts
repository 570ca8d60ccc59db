import { describe, expect, it } from "vitest";
import { exporterState } from "@/components/exporter-status";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";

describe("exporterState", () => {
  it("names each reported status", () => {
    const kinds = [
      [ExporterStatus.AVAILABLE, "available", "Available"],
      [ExporterStatus.LEASE_READY, "leased", "Leased"],
      [ExporterStatus.OFFLINE, "offline", "Offline"],
      [ExporterStatus.BEFORE_LEASE_HOOK, "hook-running", "Hook running (before lease)"],
      [ExporterStatus.AFTER_LEASE_HOOK, "hook-running", "Hook running (after lease)"],
      [ExporterStatus.BEFORE_LEASE_HOOK_FAILED, "hook-failed", "Hook failed (before lease)"],
      [ExporterStatus.AFTER_LEASE_HOOK_FAILED, "hook-failed", "Hook failed (after lease)"],
    ] as const;
    for (const [status, kind, text] of kinds) {
      expect(exporterState({ status, online: true, enabled: true })).toEqual({ kind, text });
    }
  });

  it("shows Disabled whatever the status, when an administrator disabled it", () => {
    expect(exporterState({ status: ExporterStatus.AVAILABLE, online: true, enabled: false }).kind).toBe("disabled");
    expect(exporterState({ status: ExporterStatus.OFFLINE, online: false, enabled: false }).kind).toBe("disabled");
  });

  it("treats an absent enabled flag as enabled", () => {
    expect(exporterState({ status: ExporterStatus.AVAILABLE, online: true }).kind).toBe("available");
  });

  it("falls back to the connection when no status is reported", () => {
    expect(exporterState({ status: ExporterStatus.UNSPECIFIED, online: false }).kind).toBe("offline");
    expect(exporterState({ status: ExporterStatus.UNSPECIFIED, online: true }).kind).toBe("unknown");
  });
});
