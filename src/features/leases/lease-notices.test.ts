import { describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS } from "@/domain/durations";
import { lease } from "@/domain/lease-fixtures";
import { create } from "@bufbuild/protobuf";
import { ExporterSchema } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { awaitingReadyNotice, boardReadiness, collectNotices, INITIAL_NOTICE_STATE, type BoardReadiness, type NoticeState } from "@/features/leases/lease-notices";

const NOW = 1_750_000_000_000;
const ME = "namespaces/lab/clients/alice";

const pending = lease({ name: "p", state: "pending", durationMs: HOUR_MS });
const readyLong = lease({ name: "p", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW, exporter: "rcar-s4-01" });
const readyShort = lease({ name: "s", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW - 55 * MINUTE_MS });

function run(state: NoticeState, leases: Parameters<typeof collectNotices>[1], now = NOW, board?: BoardReadiness) {
  return collectNotices(state, leases, ME, now, board === undefined ? undefined : () => board);
}

describe("collectNotices", () => {
  it("does not announce leases already Ready when the portal opens", () => {
    const first = run(INITIAL_NOTICE_STATE, [readyLong]);
    expect(first.notices).toEqual([]);
    expect(run(first.state, [readyLong]).notices).toEqual([]);
  });

  it("announces a lease assigned since the portal opened even on the first list (the watcher starts late), once", () => {
    const first = collectNotices(INITIAL_NOTICE_STATE, [readyLong], ME, NOW, undefined, NOW - 2_000);
    expect(first.notices.map((n) => n.kind)).toEqual(["ready"]);
    expect(collectNotices(first.state, [readyLong], ME, NOW, undefined, NOW - 2_000).notices).toEqual([]);
    // Assigned before the portal opened: not news.
    expect(collectNotices(INITIAL_NOTICE_STATE, [readyLong], ME, NOW, undefined, NOW + 1_000).notices).toEqual([]);
  });

  it("takes the controller's whole-second times as the second they name: assigned in the second the portal opened is news", () => {
    // The portal opened at NOW + 0.6 s; the controller wrote the assignment (at NOW + 0.8 s) as NOW.
    expect(collectNotices(INITIAL_NOTICE_STATE, [readyLong], ME, NOW, undefined, NOW + 600).notices.map((n) => n.kind)).toEqual(["ready"]);
  });

  it("waits for the board's hook before announcing a lease assigned since the portal opened", () => {
    const first = collectNotices(INITIAL_NOTICE_STATE, [readyLong], ME, NOW, () => "starting", NOW - 2_000);
    expect(first.notices).toEqual([]);
    expect(awaitingReadyNotice(INITIAL_NOTICE_STATE, [readyLong], ME, NOW, NOW - 2_000)).toEqual([readyLong]);
    expect(collectNotices(first.state, [readyLong], ME, NOW, () => "ready", NOW - 2_000).notices.map((n) => n.kind)).toEqual(["ready"]);
  });

  it("announces a lease that becomes Ready, once", () => {
    const first = run(INITIAL_NOTICE_STATE, [pending]);
    expect(first.notices).toEqual([]);
    const second = run(first.state, [readyLong]);
    expect(second.notices.map((n) => n.kind)).toEqual(["ready"]);
    expect(run(second.state, [readyLong]).notices).toEqual([]);
  });

  it("announces a new lease seen Ready at once after the first list", () => {
    const first = run(INITIAL_NOTICE_STATE, []);
    expect(run(first.state, [readyLong]).notices.map((n) => n.kind)).toEqual(["ready"]);
  });

  it("warns once when less than 10 minutes are left, even on the first list", () => {
    const first = run(INITIAL_NOTICE_STATE, [readyShort]);
    expect(first.notices).toMatchObject([{ kind: "ending", endMs: NOW + 5 * MINUTE_MS }]);
    expect(run(first.state, [readyShort], NOW + 5_000).notices).toEqual([]);
  });

  it("does not warn with 10 minutes or more left, nor once time is up", () => {
    expect(run(INITIAL_NOTICE_STATE, [readyShort], NOW - 5 * MINUTE_MS).notices).toEqual([]);
    expect(run(INITIAL_NOTICE_STATE, [readyShort], NOW + 6 * MINUTE_MS).notices).toEqual([]);
  });

  it("warns again after an extension runs low again", () => {
    const first = run(INITIAL_NOTICE_STATE, [readyShort]);
    const extended = lease({ name: "s", state: "ready", durationMs: 90 * MINUTE_MS, effectiveBeginMs: NOW - 55 * MINUTE_MS });
    expect(run(first.state, [extended]).notices).toEqual([]);
    expect(run(first.state, [extended], NOW + 30 * MINUTE_MS).notices.map((n) => n.kind)).toEqual(["ending"]);
  });

  it("ignores other clients' leases", () => {
    const bobs = lease({ name: "b", client: "bob", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW - 55 * MINUTE_MS });
    const first = run(INITIAL_NOTICE_STATE, []);
    expect(run(first.state, [bobs]).notices).toEqual([]);
  });

  it("forgets leases that left the list", () => {
    const first = run(run(INITIAL_NOTICE_STATE, [pending]).state, [readyLong]);
    expect(first.state.announced.size).toBe(1);
    expect(run(first.state, []).state.announced.size).toBe(0);
  });

  it("[L6] waits while the board runs its beforeLease hook, and announces once it is done", () => {
    const first = run(INITIAL_NOTICE_STATE, [pending]);
    const starting = run(first.state, [readyLong], NOW, "starting");
    expect(starting.notices).toEqual([]);
    expect(awaitingReadyNotice(starting.state, [readyLong], ME, NOW)).toEqual([readyLong]);
    expect(run(starting.state, [readyLong], NOW, "failed").notices).toEqual([]);
    const unknown = run(starting.state, [readyLong], NOW, "unknown");
    expect(unknown.notices).toEqual([]);
    const done = run(unknown.state, [readyLong], NOW, "ready");
    expect(done.notices.map((n) => n.kind)).toEqual(["ready"]);
    expect(awaitingReadyNotice(done.state, [readyLong], ME, NOW)).toEqual([]);
  });

  it("asks for no board before the first list, nor for leases that are not Ready", () => {
    expect(awaitingReadyNotice(INITIAL_NOTICE_STATE, [readyLong], ME, NOW)).toEqual([]);
    expect(awaitingReadyNotice(run(INITIAL_NOTICE_STATE, []).state, [pending], ME, NOW)).toEqual([]);
  });
});

describe("boardReadiness", () => {
  const board = (status: ExporterStatus, name = "namespaces/lab/exporters/rcar-s4-01") => create(ExporterSchema, { name, status });
  it("reads the lease's own exporter", () => {
    expect(boardReadiness(readyLong, board(ExporterStatus.BEFORE_LEASE_HOOK))).toBe("starting");
    expect(boardReadiness(readyLong, board(ExporterStatus.BEFORE_LEASE_HOOK_FAILED))).toBe("failed");
    expect(boardReadiness(readyLong, board(ExporterStatus.LEASE_READY))).toBe("ready");
    expect(boardReadiness(readyLong, board(ExporterStatus.UNSPECIFIED))).toBe("ready");
    expect(boardReadiness(readyLong, undefined)).toBe("unknown");
    expect(boardReadiness(readyLong, board(ExporterStatus.LEASE_READY, "namespaces/lab/exporters/other"))).toBe("unknown");
  });
});
