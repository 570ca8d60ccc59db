import { describe, expect, it } from "vitest";
import { exporterState, NEVER_SEEN } from "@/components/exporter-status";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";

describe("exporterState [S1] [S4]", () => {
  it("names each reported status, with the exporter's message as detail", () => {
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
      expect(exporterState({ status, online: true, enabled: true, statusMessage: "m" })).toEqual({ kind, text, detail: "m" });
    }
  });

  it("keeps the controller's words for an exporter that lost its connection", () => {
    const s = exporterState({ status: ExporterStatus.OFFLINE, online: false, statusMessage: "Connection lost - last seen more than 1 minute ago" });
    expect(s).toEqual({ kind: "offline", text: "Offline", detail: "Connection lost - last seen more than 1 minute ago" });
  });

  it("shows Disabled whatever the status, when an administrator disabled it", () => {
    expect(exporterState({ status: ExporterStatus.AVAILABLE, online: true, enabled: false }).kind).toBe("disabled");
    expect(exporterState({ status: ExporterStatus.OFFLINE, online: false, enabled: false }).kind).toBe("disabled");
  });

  it("[V1] treats an absent enabled flag as enabled", () => {
    expect(exporterState({ status: ExporterStatus.AVAILABLE, online: true }).kind).toBe("available");
  });

  it("[G1].8 takes UNSPECIFIED and online as usable (old exporters report no status)", () => {
    expect(exporterState({ status: ExporterStatus.UNSPECIFIED, online: true })).toMatchObject({ kind: "available", text: "Available" });
  });

  it("[S1] says in words that a Never seen exporter never connected", () => {
    expect(exporterState({ status: ExporterStatus.UNSPECIFIED, online: false, statusMessage: NEVER_SEEN })).toEqual({
      kind: "offline",
      text: "Never connected",
      detail: "Registered with the controller, but it has never connected",
    });
  });

  it("[V1] reads UNSPECIFIED and offline without a message (0.7) as offline", () => {
    expect(exporterState({ status: ExporterStatus.UNSPECIFIED, online: false })).toEqual({ kind: "offline", text: "Offline" });
  });

  it("[S6] reads an available exporter held by an active lease as Leased, but keeps hooks and offline", () => {
    expect(exporterState({ status: ExporterStatus.AVAILABLE, online: true }, { held: true })).toEqual({ kind: "leased", text: "Leased" });
    expect(exporterState({ status: ExporterStatus.UNSPECIFIED, online: true }, { held: true }).kind).toBe("leased");
    expect(exporterState({ status: ExporterStatus.BEFORE_LEASE_HOOK, online: true }, { held: true }).kind).toBe("hook-running");
    expect(exporterState({ status: ExporterStatus.OFFLINE, online: false }, { held: true }).kind).toBe("offline");
  });

  it("names a status number it does not know", () => {
    expect(exporterState({ status: 99 as ExporterStatus, online: true })).toEqual({ kind: "unknown", text: "Unknown status" });
  });
});
