import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { HOUR_MS } from "@/domain/durations";
import { lease } from "@/domain/lease-fixtures";
import { leasePollInterval } from "@/features/leases/lease-polling";
import { LEASES_POLL_MS, WAITING_LEASE_POLL_MS } from "@/lib/config";

const NOW = 1_750_000_000_000;

describe("leasePollInterval", () => {
  it("follows a waiting lease closely", () => {
    expect(leasePollInterval(lease({ name: "a", state: "pending" }), null, NOW)).toBe(WAITING_LEASE_POLL_MS);
    expect(leasePollInterval(lease({ name: "a", beginMs: NOW + HOUR_MS, durationMs: HOUR_MS }), null, NOW)).toBe(WAITING_LEASE_POLL_MS);
  });

  it("refreshes a held lease at the list's pace", () => {
    expect(leasePollInterval(lease({ name: "a", state: "ready" }), null, NOW)).toBe(LEASES_POLL_MS);
  });

  it("stops once the lease has ended", () => {
    expect(leasePollInterval(lease({ name: "a", state: "expired", effectiveEndMs: NOW }), null, NOW)).toBe(false);
    expect(leasePollInterval(lease({ name: "a", state: "unsatisfiable" }), null, NOW)).toBe(false);
  });

  it("stops for an unknown lease but keeps trying while the controller is away", () => {
    expect(leasePollInterval(undefined, new ConnectError("lease not found", Code.NotFound), NOW)).toBe(false);
    // [LG1]: a version 2 controller says it with UNKNOWN.
    expect(leasePollInterval(undefined, new ConnectError('leases.jumpstarter.dev "a" not found', Code.Unknown), NOW)).toBe(false);
    expect(leasePollInterval(undefined, new ConnectError("down", Code.Unavailable), NOW)).toBe(LEASES_POLL_MS);
    expect(leasePollInterval(undefined, null, NOW)).toBe(LEASES_POLL_MS);
  });
});
