import { describe, expect, it } from "vitest";
import { durationToMs, HOUR_MS, MINUTE_MS, timestampToMs } from "@/domain/durations";
import { leaseEndMs, leaseStatus } from "@/domain/lease-status";
import { reconcileLeaseTimes } from "@/domain/lease-times";
import { applyUpdate, extendRequest, leaseSubject, releasedLease, setEndRequest, transferRequest } from "@/features/leases/lease-changes";
import { lease, NS } from "@/features/leases/lease-fixtures";

const NOW = 1_750_000_000_000;

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`unexpected refusal: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

function refusal(r: { ok: boolean; message?: string }): string {
  if (r.ok) throw new Error("expected a refusal");
  return r.message ?? "";
}

describe("extendRequest", () => {
  it("changes the duration of a lease without end_time (mask duration)", () => {
    const l = lease({ name: "a", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW - 10 * MINUTE_MS });
    const r = ok(extendRequest(l, 30 * MINUTE_MS, NOW));
    expect(r.request.updateMask?.paths).toEqual(["duration"]);
    expect(r.request.lease?.name).toBe(l.name);
    expect(durationToMs(r.request.lease?.duration)).toBe(90 * MINUTE_MS);
    expect(r.request.lease?.endTime).toBeUndefined();
    expect(r.newEndMs).toBe(NOW + 80 * MINUTE_MS);
  });

  it("changes end_time of a lease that has one (mask end_time), never the duration", () => {
    const begin = NOW - HOUR_MS;
    const l = lease({ name: "b", state: "ready", beginMs: begin, endMs: NOW + HOUR_MS, durationMs: 2 * HOUR_MS });
    const r = ok(extendRequest(l, HOUR_MS, NOW));
    expect(r.request.updateMask?.paths).toEqual(["end_time"]);
    expect(timestampToMs(r.request.lease?.endTime)).toBe(NOW + 2 * HOUR_MS);
    expect(r.request.lease?.duration).toBeUndefined();
    // What the controller will reconcile (stored begin + new end) is consistent.
    expect(reconcileLeaseTimes({ beginMs: begin, endMs: NOW + 2 * HOUR_MS }).ok).toBe(true);
  });

  it("extends a lease still waiting for a board (its end is not known yet)", () => {
    const l = lease({ name: "c", state: "pending", durationMs: HOUR_MS });
    const r = ok(extendRequest(l, HOUR_MS, NOW));
    expect(durationToMs(r.request.lease?.duration)).toBe(2 * HOUR_MS);
    expect(r.newEndMs).toBeUndefined();
  });

  it("shortens with a negative amount, but not to nothing or into the past", () => {
    const l = lease({ name: "d", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW - 10 * MINUTE_MS });
    expect(durationToMs(ok(extendRequest(l, -30 * MINUTE_MS, NOW)).request.lease?.duration)).toBe(30 * MINUTE_MS);
    expect(refusal(extendRequest(l, -HOUR_MS, NOW))).toMatch(/cannot be shortened by 1h/);
    expect(refusal(extendRequest(l, -55 * MINUTE_MS, NOW))).toMatch(/in the past/);
  });

  it("refuses ended leases", () => {
    const l = lease({ name: "e", state: "released", durationMs: HOUR_MS, effectiveEndMs: NOW });
    expect(refusal(extendRequest(l, HOUR_MS, NOW))).toMatch(/already ended \(released\)/);
  });
});

describe("setEndRequest", () => {
  it("sets end_time when the lease has one", () => {
    const l = lease({ name: "a", state: "ready", beginMs: NOW - HOUR_MS, endMs: NOW + HOUR_MS });
    const r = ok(setEndRequest(l, NOW + 3 * HOUR_MS, NOW));
    expect(r.request.updateMask?.paths).toEqual(["end_time"]);
    expect(timestampToMs(r.request.lease?.endTime)).toBe(NOW + 3 * HOUR_MS);
  });

  it("turns a new end into a duration from the start otherwise", () => {
    const l = lease({ name: "b", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW - 10 * MINUTE_MS });
    const r = ok(setEndRequest(l, NOW + 20 * MINUTE_MS, NOW));
    expect(r.request.updateMask?.paths).toEqual(["duration"]);
    expect(durationToMs(r.request.lease?.duration)).toBe(30 * MINUTE_MS);
  });

  it("uses the scheduled begin_time as the start", () => {
    const l = lease({ name: "c", durationMs: HOUR_MS, beginMs: NOW + HOUR_MS });
    expect(durationToMs(ok(setEndRequest(l, NOW + 3 * HOUR_MS, NOW)).request.lease?.duration)).toBe(2 * HOUR_MS);
    expect(refusal(setEndRequest(l, NOW + 30 * MINUTE_MS, NOW))).toMatch(/before the start/);
  });

  it("refuses a past end and a lease with no start yet", () => {
    const waiting = lease({ name: "d", state: "pending", durationMs: HOUR_MS });
    expect(refusal(setEndRequest(waiting, NOW + HOUR_MS, NOW))).toMatch(/still waiting for a board/);
    expect(refusal(setEndRequest(waiting, NOW - 1, NOW))).toMatch(/in the past/);
  });
});

describe("transferRequest", () => {
  const l = lease({ name: "a", state: "ready", client: "alice" });

  it("names the new client by its resource name (mask client)", () => {
    const r = ok(transferRequest(l, NS, " bob ", NOW));
    expect(r.request.lease?.client).toBe("namespaces/lab/clients/bob");
    expect(r.request.updateMask?.paths).toEqual(["client"]);
  });

  it("refuses an empty or malformed name and the current holder", () => {
    expect(refusal(transferRequest(l, NS, "", NOW))).toMatch(/^Enter the name/);
    expect(refusal(transferRequest(l, NS, "Bob Smith", NOW))).toMatch(/^Client name "Bob Smith" is invalid/);
    expect(refusal(transferRequest(l, NS, "alice", NOW))).toBe("alice already holds this lease");
  });
});

describe("applyUpdate", () => {
  it("applies a new duration", () => {
    const l = lease({ name: "a", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW });
    const next = applyUpdate(l, ok(extendRequest(l, 30 * MINUTE_MS, NOW)).request);
    expect(leaseEndMs(next)).toBe(NOW + 90 * MINUTE_MS);
    expect(leaseEndMs(l)).toBe(NOW + HOUR_MS); // the cached original is not touched
  });

  it("applies a new end and derives the duration as the controller does", () => {
    const l = lease({ name: "b", state: "ready", beginMs: NOW, endMs: NOW + HOUR_MS, durationMs: HOUR_MS });
    const next = applyUpdate(l, ok(extendRequest(l, HOUR_MS, NOW)).request);
    expect(timestampToMs(next.endTime)).toBe(NOW + 2 * HOUR_MS);
    expect(durationToMs(next.duration)).toBe(2 * HOUR_MS);
  });

  it("applies a transfer", () => {
    const l = lease({ name: "c", state: "ready" });
    expect(applyUpdate(l, ok(transferRequest(l, NS, "bob", NOW)).request).client).toBe("namespaces/lab/clients/bob");
  });
});

describe("releasedLease", () => {
  it("reads as Released and ended", () => {
    const l = lease({ name: "a", state: "ready", exporter: "rcar-s4-01" });
    const s = leaseStatus(releasedLease(l, NOW), NOW);
    expect(s.state).toBe("released");
    expect(s.ended).toBe(true);
    expect(leaseStatus(l, NOW).state).toBe("ready");
  });
});

describe("leaseSubject", () => {
  it("prefers the board, then the requested board, then the lease name", () => {
    expect(leaseSubject(lease({ name: "a", exporter: "rcar-s4-01" }))).toBe("rcar-s4-01");
    const byName = lease({ name: "b" });
    byName.exporterName = "rpi5-02";
    expect(leaseSubject(byName)).toBe("rpi5-02");
    expect(leaseSubject(lease({ name: "c" }))).toBe("c");
  });
});
