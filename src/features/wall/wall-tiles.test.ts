import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { msToKubeTime, msToTimestamp } from "@/domain/durations";
import { attentionTiles, buildTiles, freeWords, groupTiles } from "@/features/wall/wall-tiles";
import { ExporterSchema, LeaseSchema, type Exporter, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const MIN = 60_000;

function exporter(name: string, labels: Record<string, string>, status = ExporterStatus.AVAILABLE, enabled = true): Exporter {
  return create(ExporterSchema, { name: `namespaces/lab/exporters/${name}`, labels, status, enabled, online: status !== ExporterStatus.OFFLINE });
}

function holding(board: string, client: string, endMs: number): Lease {
  return create(LeaseSchema, {
    name: `namespaces/lab/leases/l-${board}`,
    exporter: `namespaces/lab/exporters/${board}`,
    client: `namespaces/lab/clients/${client}`,
    effectiveBeginTime: msToTimestamp(NOW - 30 * MIN),
    endTime: msToTimestamp(endMs),
    conditions: [create(ConditionSchema, { type: "Ready", status: "True", reason: "Ready", lastTransitionTime: msToKubeTime(NOW - 30 * MIN) })],
  });
}

const lab = [
  exporter("rpi5-10", { board: "rpi5" }),
  exporter("rpi5-2", { board: "rpi5" }, ExporterStatus.LEASE_READY),
  exporter("rpi5-3", { board: "rpi5" }, ExporterStatus.LEASE_READY),
  exporter("rcar-s4-01", { board: "rcar-s4" }, ExporterStatus.OFFLINE),
  exporter("rcar-s4-02", { board: "rcar-s4" }, ExporterStatus.BEFORE_LEASE_HOOK_FAILED),
  exporter("rcar-s4-03", { board: "rcar-s4" }, ExporterStatus.AVAILABLE, false),
  exporter("qemu-01", {}, ExporterStatus.BEFORE_LEASE_HOOK),
];
const leases = [holding("rpi5-2", "alice", NOW + 9 * MIN), holding("rpi5-3", "bob", NOW + 2 * 60 * MIN)];

describe("wall tiles [S1] [S6]", () => {
  const tiles = buildTiles(lab, leases, NOW);
  const byName = new Map(tiles.map((t) => [t.name, t]));

  it("has one tile per exporter, in the order people count boards", () => {
    expect(tiles.map((t) => t.name)).toEqual(["qemu-01", "rcar-s4-01", "rcar-s4-02", "rcar-s4-03", "rpi5-2", "rpi5-3", "rpi5-10"]);
  });

  it("says each state in the exporter list's words", () => {
    expect(tiles.map((t) => [t.name, t.state.kind, t.state.text])).toEqual([
      ["qemu-01", "hook-running", "Hook running (before lease)"],
      ["rcar-s4-01", "offline", "Offline"],
      ["rcar-s4-02", "hook-failed", "Hook failed (before lease)"],
      ["rcar-s4-03", "disabled", "Disabled"],
      ["rpi5-2", "leased", "Leased"],
      ["rpi5-3", "leased", "Leased"],
      ["rpi5-10", "available", "Available"],
    ]);
  });

  it("names the holder and the time left of a held board, and nothing for a free one", () => {
    expect(byName.get("rpi5-3")).toMatchObject({ holder: "bob", timeLeft: "2 h left", endMs: NOW + 120 * MIN });
    expect(byName.get("rpi5-2")).toMatchObject({ holder: "alice", timeLeft: "9 min left" });
    expect(byName.get("rpi5-10")?.holder).toBeUndefined();
    expect(byName.get("rpi5-10")?.timeLeft).toBeUndefined();
  });

  it("calls out offline boards, failed hooks and leases ending within 10 minutes, failed hooks first", () => {
    expect(attentionTiles(tiles).map((t) => [t.name, t.attention])).toEqual([
      ["rcar-s4-02", "hook-failed"],
      ["rcar-s4-01", "offline"],
      ["rpi5-2", "ending-soon"],
    ]);
    // 10 minutes and more is not "ending soon".
    const later = buildTiles(lab, [holding("rpi5-2", "alice", NOW + 10 * MIN)], NOW);
    expect(later.find((t) => t.name === "rpi5-2")?.attention).toBeUndefined();
  });
});

describe("wall groups", () => {
  const tiles = buildTiles(lab, leases, NOW);

  it("groups by the label in the URL with the free boards of each, the unlabelled last", () => {
    expect(groupTiles(tiles, "board").map((g) => [g.title, g.tiles.length, g.free])).toEqual([
      ["rcar-s4", 3, 0],
      ["rpi5", 3, 1],
      ["No board", 1, 0],
    ]);
  });

  it("is one group of every board without a label", () => {
    const [all, ...rest] = groupTiles(tiles, undefined);
    expect(rest).toEqual([]);
    expect([all?.title, all?.tiles.length, all?.free]).toEqual(["All boards", 7, 1]);
  });

  it("words the count", () => {
    expect(freeWords(1, 3)).toBe("1 of 3 free");
  });
});
