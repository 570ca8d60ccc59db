import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS, msToDuration, msToKubeTime, msToTimestamp } from "@/domain/durations";
import { ExporterSchema, LeaseSchema, type Exporter, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";
import { boardsWaitedFor, matchingExporters, soonestFreeBoard } from "@/features/leases/boards-waited-for";

const NOW = Date.UTC(2025, 11, 2, 12);
const ME = "namespaces/lab/clients/alice";

function exporter(name: string, status = ExporterStatus.AVAILABLE, statusMessage = ""): Exporter {
  return create(ExporterSchema, { name: `namespaces/lab/exporters/${name}`, status, statusMessage, online: status !== ExporterStatus.OFFLINE, enabled: true });
}

function holding(name: string, board: string, client: string, durationMs: number, ended = false): Lease {
  return create(LeaseSchema, {
    name: `namespaces/lab/leases/${name}`,
    selector: "board=solo",
    client: `namespaces/lab/clients/${client}`,
    exporter: `namespaces/lab/exporters/${board}`,
    duration: msToDuration(durationMs),
    effectiveBeginTime: msToTimestamp(NOW - 10 * MINUTE_MS),
    conditions: [create(ConditionSchema, { type: "Ready", status: ended ? "False" : "True", reason: ended ? "Released" : "Ready", lastTransitionTime: msToKubeTime(NOW) })],
  });
}

const waiting = create(LeaseSchema, {
  name: "namespaces/lab/leases/mine",
  selector: "board=solo",
  client: ME,
  duration: msToDuration(HOUR_MS),
  conditions: [create(ConditionSchema, { type: "Pending", status: "True", reason: "NotAvailable" })],
});

describe("boardsWaitedFor", () => {
  it("names each board's holder and when its lease is expected to end, soonest first", () => {
    const result = boardsWaitedFor(
      [exporter("solo-01", ExporterStatus.LEASE_READY), exporter("solo-02", ExporterStatus.LEASE_READY)],
      [holding("a", "solo-01", "bob", HOUR_MS), holding("b", "solo-02", "carol", 20 * MINUTE_MS)],
      waiting,
      ME,
    );
    expect(result.boards).toEqual([
      { name: "solo-02", kind: "leased", stateText: "Leased", holder: "carol", heldByMe: false, holdingLease: "b", freeAtMs: NOW + 10 * MINUTE_MS },
      { name: "solo-01", kind: "leased", stateText: "Leased", holder: "bob", heldByMe: false, holdingLease: "a", freeAtMs: NOW + 50 * MINUTE_MS },
    ]);
    expect(result.soonestFreeMs).toBe(NOW + 10 * MINUTE_MS);
  });

  it("says when the holder is me", () => {
    const result = boardsWaitedFor([exporter("solo-01")], [holding("a", "solo-01", "alice", HOUR_MS)], waiting, ME);
    expect(result.boards[0]).toMatchObject({ holder: "alice", heldByMe: true, kind: "leased" });
  });

  it("ignores ended leases and the waiting lease itself as holders", () => {
    const self = create(LeaseSchema, { ...holding("mine", "solo-01", "alice", HOUR_MS) });
    const result = boardsWaitedFor([exporter("solo-01")], [holding("old", "solo-01", "bob", HOUR_MS, true), self], waiting, ME);
    expect(result.boards[0]).toEqual({ name: "solo-01", kind: "available", stateText: "Available" });
    expect(result.soonestFreeMs).toBeUndefined();
  });

  it("puts boards that cannot serve soon last, with their status message", () => {
    const result = boardsWaitedFor(
      [exporter("c-off", ExporterStatus.OFFLINE, "Connection lost - last seen more than 1 minute ago"), exporter("b-fail", ExporterStatus.BEFORE_LEASE_HOOK_FAILED, "beforeLease hook failed: x"), exporter("a-held")],
      [holding("h", "a-held", "bob", HOUR_MS)],
      waiting,
      ME,
    );
    expect(result.boards.map((b) => [b.name, b.kind])).toEqual([
      ["a-held", "leased"],
      ["b-fail", "hook-failed"],
      ["c-off", "offline"],
    ]);
    expect(result.boards[2]?.statusMessage).toBe("Connection lost - last seen more than 1 minute ago");
  });
});

describe("matchingExporters and soonestFreeBoard (the lease list's one line)", () => {
  const lab = [
    create(ExporterSchema, { name: "namespaces/lab/exporters/solo-01", labels: { board: "solo" } }),
    create(ExporterSchema, { name: "namespaces/lab/exporters/solo-02", labels: { board: "solo" } }),
    create(ExporterSchema, { name: "namespaces/lab/exporters/rpi5-01", labels: { board: "rpi5" } }),
  ];

  it("matches the selector, or the pinned board", () => {
    expect(matchingExporters(waiting, lab).map((e) => e.name)).toEqual(["namespaces/lab/exporters/solo-01", "namespaces/lab/exporters/solo-02"]);
    const pinned = create(LeaseSchema, { ...waiting, selector: "<none>", exporterName: "rpi5-01" });
    expect(matchingExporters(pinned, lab).map((e) => e.name)).toEqual(["namespaces/lab/exporters/rpi5-01"]);
    expect(matchingExporters(create(LeaseSchema, { ...waiting, selector: "board in (" }), lab)).toEqual([]);
  });

  it("picks the held board expected to be free first", () => {
    const result = boardsWaitedFor(lab.slice(0, 2), [holding("a", "solo-01", "bob", HOUR_MS), holding("b", "solo-02", "carol", 20 * MINUTE_MS)], waiting, ME);
    expect(soonestFreeBoard(result)).toMatchObject({ name: "solo-02", holder: "carol" });
    expect(soonestFreeBoard(boardsWaitedFor(lab.slice(0, 1), [], waiting, ME))).toBeUndefined();
  });
});
