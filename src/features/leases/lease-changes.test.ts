import { describe, expect, it } from "vitest";
import { durationToMs, HOUR_MS, MINUTE_MS, timestampToMs } from "@/domain/durations";
import { leaseEndMs, leaseStatus } from "@/domain/lease-status";
import type { UpdateLeaseRequest } from "@/gen/jumpstarter/client/v1/client_pb.js";
import {
  applyUpdate,
  canMoveBegin,
  extendRequest,
  leaseSubject,
  moveBeginRequest,
  releasedLease,
  setEndRequest,
  setLengthRequest,
  transferProblem,
  transferRequest,
} from "@/features/leases/lease-changes";
import { lease, NS } from "@/domain/lease-fixtures";

const NOW = 1_750_000_000_000;

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`unexpected refusal: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

function refusal(r: { ok: boolean; message?: string }): string {
  if (r.ok) throw new Error("expected a refusal");
  return r.message ?? "";
}

/** The time fields a request carries, in ms, and its mask. */
function fields(request: UpdateLeaseRequest) {
  const l = request.lease;
  return {
    beginMs: timestampToMs(l?.beginTime),
    endMs: timestampToMs(l?.endTime),
    durationMs: durationToMs(l?.duration),
    paths: request.updateMask?.paths ?? [],
    selector: l?.selector,
  };
}

// A lease booked "start now, until 12:00" (shape BED [TM2]), holding a board.
const booked = () => lease({ name: "bed", state: "ready", exporter: "rcar-s4-01", beginMs: NOW - HOUR_MS, endMs: NOW + HOUR_MS, durationMs: 2 * HOUR_MS, effectiveBeginMs: NOW - HOUR_MS });

describe("extendRequest [U13]", () => {
  it("D (no begin_time): duration only", () => {
    const l = lease({ name: "a", state: "ready", exporter: "x", durationMs: HOUR_MS, effectiveBeginMs: NOW - 10 * MINUTE_MS });
    const r = ok(extendRequest(l, 30 * MINUTE_MS, NOW));
    expect(fields(r.request)).toEqual({ beginMs: undefined, endMs: undefined, durationMs: 90 * MINUTE_MS, paths: ["duration"], selector: "" });
    expect(r.request.lease?.name).toBe(l.name);
    expect(r.newEndMs).toBe(NOW + 80 * MINUTE_MS);
  });

  it("BED (booked with an end time): begin_time as stored, end_time and duration = end - begin, never end_time alone", () => {
    const r = ok(extendRequest(booked(), HOUR_MS, NOW));
    expect(fields(r.request)).toEqual({
      beginMs: NOW - HOUR_MS,
      endMs: NOW + 2 * HOUR_MS,
      durationMs: 3 * HOUR_MS,
      paths: ["begin_time", "end_time", "duration"],
      selector: "",
    });
    expect(r.newEndMs).toBe(NOW + 2 * HOUR_MS);
  });

  it("BD (a start time and a duration): duration only", () => {
    const l = lease({ name: "bd", durationMs: HOUR_MS, beginMs: NOW + HOUR_MS });
    const r = ok(extendRequest(l, HOUR_MS, NOW));
    expect(fields(r.request)).toMatchObject({ beginMs: undefined, endMs: undefined, durationMs: 2 * HOUR_MS, paths: ["duration"] });
    expect(r.newEndMs).toBe(NOW + 3 * HOUR_MS);
  });

  it("a lease still waiting for a board: its length grows, its end is not known yet", () => {
    const r = ok(extendRequest(lease({ name: "c", state: "pending", durationMs: HOUR_MS }), HOUR_MS, NOW));
    expect(durationToMs(r.request.lease?.duration)).toBe(2 * HOUR_MS);
    expect(r.newEndMs).toBeUndefined();
  });

  it("shortens with a negative amount, but not to nothing or into the past", () => {
    const l = lease({ name: "d", state: "ready", exporter: "x", durationMs: HOUR_MS, effectiveBeginMs: NOW - 10 * MINUTE_MS });
    expect(durationToMs(ok(extendRequest(l, -30 * MINUTE_MS, NOW)).request.lease?.duration)).toBe(30 * MINUTE_MS);
    expect(refusal(extendRequest(l, -HOUR_MS, NOW))).toMatch(/cannot be shortened by 1h/);
    expect(refusal(extendRequest(l, -55 * MINUTE_MS, NOW))).toMatch(/in the past/);
    expect(refusal(extendRequest(booked(), -90 * MINUTE_MS, NOW))).toMatch(/in the past/);
  });

  it("refuses ended leases", () => {
    const l = lease({ name: "e", state: "released", durationMs: HOUR_MS, effectiveEndMs: NOW });
    expect(refusal(extendRequest(l, HOUR_MS, NOW))).toMatch(/already ended \(released\)/);
  });
});

describe("setEndRequest [U13]", () => {
  it("BED: begin_time as stored + the new end + duration", () => {
    const r = ok(setEndRequest(booked(), NOW + 3 * HOUR_MS, NOW));
    expect(fields(r.request)).toMatchObject({ beginMs: NOW - HOUR_MS, endMs: NOW + 3 * HOUR_MS, durationMs: 4 * HOUR_MS });
  });

  it("D holding a board: a duration from the assignment", () => {
    const l = lease({ name: "b", state: "ready", exporter: "x", durationMs: HOUR_MS, effectiveBeginMs: NOW - 10 * MINUTE_MS });
    const r = ok(setEndRequest(l, NOW + 20 * MINUTE_MS, NOW));
    expect(fields(r.request)).toMatchObject({ beginMs: undefined, endMs: undefined, durationMs: 30 * MINUTE_MS, paths: ["duration"] });
  });

  it("BD scheduled: begin_time, end_time and duration from the scheduled begin", () => {
    const l = lease({ name: "c", durationMs: HOUR_MS, beginMs: NOW + HOUR_MS });
    expect(fields(ok(setEndRequest(l, NOW + 3 * HOUR_MS, NOW)).request)).toMatchObject({ beginMs: NOW + HOUR_MS, endMs: NOW + 3 * HOUR_MS, durationMs: 2 * HOUR_MS });
    expect(refusal(setEndRequest(l, NOW + 30 * MINUTE_MS, NOW))).toMatch(/before the start/);
  });

  it("whole seconds: the end is truncated to the second", () => {
    const r = ok(setEndRequest(booked(), NOW + 2 * HOUR_MS + 750, NOW));
    expect(fields(r.request)).toMatchObject({ endMs: NOW + 2 * HOUR_MS, durationMs: 3 * HOUR_MS });
  });

  it("refuses a past end and a lease with no start yet", () => {
    const waiting = lease({ name: "d", state: "pending", durationMs: HOUR_MS });
    expect(refusal(setEndRequest(waiting, NOW + HOUR_MS, NOW))).toMatch(/still waiting for a board/);
    expect(refusal(setEndRequest(booked(), NOW - 1_000, NOW))).toMatch(/in the past/);
  });
});

describe("setLengthRequest [U13] (keeping the begin)", () => {
  it("D or BD: duration only; BED: begin, begin + length, length", () => {
    expect(fields(ok(setLengthRequest(lease({ name: "a", state: "pending", durationMs: HOUR_MS }), 3 * HOUR_MS, NOW)).request).paths).toEqual(["duration"]);
    expect(fields(ok(setLengthRequest(booked(), 3 * HOUR_MS, NOW)).request)).toMatchObject({ beginMs: NOW - HOUR_MS, endMs: NOW + 2 * HOUR_MS, durationMs: 3 * HOUR_MS });
  });
});

describe("moveBeginRequest [U13] [U6]", () => {
  const scheduled = () => lease({ name: "s", durationMs: 2 * HOUR_MS, beginMs: NOW + HOUR_MS });
  const window = () => lease({ name: "w", durationMs: 2 * HOUR_MS, beginMs: NOW + HOUR_MS, endMs: NOW + 3 * HOUR_MS });

  it("BD: begin_time and the current duration", () => {
    expect(fields(ok(moveBeginRequest(scheduled(), NOW + 5 * HOUR_MS, "length", NOW)).request)).toMatchObject({ beginMs: NOW + 5 * HOUR_MS, durationMs: 2 * HOUR_MS, endMs: undefined });
  });

  it("BED: keeping the length moves the end too; keeping the end shortens it", () => {
    const r = ok(moveBeginRequest(window(), NOW + 2 * HOUR_MS, "length", NOW));
    expect(fields(r.request)).toMatchObject({ beginMs: NOW + 2 * HOUR_MS, endMs: NOW + 4 * HOUR_MS, durationMs: 2 * HOUR_MS });
    expect(r.newEndMs).toBe(NOW + 4 * HOUR_MS);
    const e = ok(moveBeginRequest(window(), NOW + 2 * HOUR_MS, "end", NOW));
    expect(fields(e.request)).toMatchObject({ beginMs: NOW + 2 * HOUR_MS, endMs: undefined, durationMs: HOUR_MS });
    expect(e.newEndMs).toBe(NOW + 3 * HOUR_MS);
  });

  it("is offered only while the lease never had an exporter", () => {
    expect(canMoveBegin(scheduled(), NOW)).toBe(true);
    expect(canMoveBegin(booked(), NOW)).toBe(false);
    expect(canMoveBegin(lease({ name: "r", state: "released", beginMs: NOW + HOUR_MS, durationMs: HOUR_MS }), NOW)).toBe(false);
    expect(refusal(moveBeginRequest(booked(), NOW + HOUR_MS, "length", NOW))).toMatch(/already got a board/);
  });

  it("refuses a start in the past", () => {
    expect(refusal(moveBeginRequest(scheduled(), NOW - 2 * MINUTE_MS, "length", NOW))).toMatch(/has passed/);
  });
});

describe("transferRequest [TR1] [TR3]", () => {
  const held = lease({ name: "a", state: "ready", client: "alice", exporter: "rcar-s4-01", effectiveBeginMs: NOW - MINUTE_MS, durationMs: HOUR_MS });

  it("names the new client by its resource name, and carries the stored duration so 0.7 does not zero it [V4]", () => {
    const r = ok(transferRequest(held, NS, " bob ", NOW));
    expect(r.request.lease?.client).toBe("namespaces/lab/clients/bob");
    expect(r.request.lease?.duration).toEqual(held.duration);
    expect(r.request.updateMask?.paths).toEqual(["client", "duration"]);
    // What the controller stores afterwards: the same times, a new owner.
    const after = applyUpdate(held, r.request);
    expect({ duration: after.duration, begin: after.beginTime, end: after.endTime, client: after.client }).toEqual({
      duration: held.duration,
      begin: held.beginTime,
      end: held.endTime,
      client: "namespaces/lab/clients/bob",
    });
  });

  it("is possible only for a lease that holds an exporter and has not ended", () => {
    expect(transferProblem(held, NOW)).toBeUndefined();
    expect(transferProblem(lease({ name: "p", state: "pending", durationMs: HOUR_MS }), NOW)).toMatch(/holds no board yet/);
    expect(transferProblem(lease({ name: "s", beginMs: NOW + HOUR_MS, durationMs: HOUR_MS }), NOW)).toMatch(/holds no board yet/);
    expect(transferProblem(lease({ name: "e", state: "expired", exporter: "x", effectiveBeginMs: NOW - HOUR_MS, effectiveEndMs: NOW }), NOW)).toMatch(/already ended/);
  });

  it("refuses an empty or malformed name and the current holder", () => {
    expect(refusal(transferRequest(held, NS, "", NOW))).toMatch(/^Enter the name/);
    expect(refusal(transferRequest(held, NS, "Bob Smith", NOW))).toMatch(/^Client name "Bob Smith" is invalid/);
    expect(refusal(transferRequest(held, NS, "alice", NOW))).toBe("alice already holds this lease");
  });
});

describe("applyUpdate predicts what the controller stores [U7] [U9]", () => {
  it("applies a new duration", () => {
    const l = lease({ name: "a", state: "ready", exporter: "x", durationMs: HOUR_MS, effectiveBeginMs: NOW });
    const next = applyUpdate(l, ok(extendRequest(l, 30 * MINUTE_MS, NOW)).request);
    expect(leaseEndMs(next)).toBe(NOW + 90 * MINUTE_MS);
    expect(leaseEndMs(l)).toBe(NOW + HOUR_MS); // the cached original is not touched
  });

  it("applies begin, end and duration of a lease booked with an end", () => {
    const next = applyUpdate(booked(), ok(extendRequest(booked(), HOUR_MS, NOW)).request);
    expect(timestampToMs(next.endTime)).toBe(NOW + 2 * HOUR_MS);
    expect(timestampToMs(next.beginTime)).toBe(NOW - HOUR_MS);
    expect(durationToMs(next.duration)).toBe(3 * HOUR_MS);
  });

  it("gives a shape-D lease the begin the controller derives from end + duration", () => {
    const l = lease({ name: "d", state: "pending", durationMs: HOUR_MS });
    const request = ok(extendRequest(l, HOUR_MS, NOW)).request;
    request.lease!.endTime = ok(setEndRequest(booked(), NOW + 3 * HOUR_MS, NOW)).request.lease?.endTime;
    const next = applyUpdate(l, request);
    expect(timestampToMs(next.beginTime)).toBe(NOW + HOUR_MS);
    expect(timestampToMs(next.endTime)).toBe(NOW + 3 * HOUR_MS);
  });

  it("ignores update_mask, as the controller does [U11], and changes nothing it would refuse", () => {
    const request = ok(extendRequest(booked(), HOUR_MS, NOW)).request;
    request.updateMask = { $typeName: "google.protobuf.FieldMask", paths: ["end_time"] };
    expect(durationToMs(applyUpdate(booked(), request).duration)).toBe(3 * HOUR_MS);
    // end_time alone: refused "duration is required" ([U5]); the optimistic view keeps the lease as it was.
    const endOnly = ok(extendRequest(booked(), HOUR_MS, NOW)).request;
    endOnly.lease!.beginTime = undefined;
    endOnly.lease!.duration = undefined;
    expect(timestampToMs(applyUpdate(booked(), endOnly).endTime)).toBe(NOW + HOUR_MS);
  });

  it("moves a scheduled lease's begin", () => {
    const l = lease({ name: "s", durationMs: 2 * HOUR_MS, beginMs: NOW + HOUR_MS });
    const next = applyUpdate(l, ok(moveBeginRequest(l, NOW + 4 * HOUR_MS, "length", NOW)).request);
    expect(timestampToMs(next.beginTime)).toBe(NOW + 4 * HOUR_MS);
    expect(leaseEndMs(next)).toBe(NOW + 6 * HOUR_MS);
  });

  it("applies a transfer", () => {
    const l = lease({ name: "c", state: "ready", exporter: "x", effectiveBeginMs: NOW, durationMs: HOUR_MS });
    expect(applyUpdate(l, ok(transferRequest(l, NS, "bob", NOW)).request).client).toBe("namespaces/lab/clients/bob");
  });
});

describe("releasedLease [RL1] [RL2] [L4]", () => {
  it("reads as Released and ended, Ready turned False in place", () => {
    const l = lease({ name: "a", state: "ready", exporter: "rcar-s4-01", effectiveBeginMs: NOW - HOUR_MS });
    const released = releasedLease(l, NOW);
    const s = leaseStatus(released, NOW);
    expect(s.state).toBe("released");
    expect(s.ended).toBe(true);
    expect(released.conditions).toHaveLength(l.conditions.length);
    expect(timestampToMs(released.effectiveEndTime)).toBe(NOW);
    expect(leaseStatus(l, NOW).state).toBe("ready");
  });

  it("keeps Pending and gives no effective_end_time to a lease that never had a board", () => {
    const l = lease({ name: "p", state: "pending", durationMs: HOUR_MS });
    const released = releasedLease(l, NOW);
    expect(released.conditions.map((c) => `${c.type} ${c.status}`)).toEqual(["Pending True", "Ready False"]);
    expect(released.effectiveEndTime).toBeUndefined();
    expect(leaseStatus(released, NOW).state).toBe("released");
  });
});

describe("leaseSubject", () => {
  it("prefers the board, then the requested board, then the selector, then the lease name", () => {
    expect(leaseSubject(lease({ name: "a", exporter: "rcar-s4-01" }))).toBe("rcar-s4-01");
    const byName = lease({ name: "b" });
    byName.exporterName = "rpi5-02";
    expect(leaseSubject(byName)).toBe("rpi5-02");
    expect(leaseSubject(lease({ name: "c" }))).toBe("Lease for board=rcar-s4");
    expect(leaseSubject(lease({ name: "d", selector: "<none>" }))).toBe("d");
  });
});
