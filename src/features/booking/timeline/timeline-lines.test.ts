import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { bookingsOf } from "@/domain/availability";
import { lease, NS } from "@/domain/lease-fixtures";
import { parseSelector, type Selector } from "@/domain/selector";
import { boardLines, filterBoards, groupKeys, timelineLines } from "@/features/booking/timeline/timeline-lines";
import { ExporterSchema } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";

const H = 3_600_000;
const now = Date.UTC(2026, 11, 2, 9);

function exporter(name: string, labels: Record<string, string>, status = ExporterStatus.AVAILABLE, enabled = true) {
  return create(ExporterSchema, { name: `namespaces/${NS}/exporters/${name}`, labels, status, online: status !== ExporterStatus.OFFLINE, enabled });
}

function selector(text: string): Selector {
  const p = parseSelector(text);
  if (!p.ok) throw new Error(text);
  return p.selector;
}

const exporters = [
  exporter("rcar-s4-10", { board: "rcar-s4", site: "bcn" }),
  exporter("rcar-s4-2", { board: "rcar-s4", site: "brno" }, ExporterStatus.OFFLINE),
  exporter("rpi5-01", { board: "rpi5", site: "brno" }, ExporterStatus.AVAILABLE, false),
  exporter("qemu-01", { site: "bcn" }, ExporterStatus.BEFORE_LEASE_HOOK_FAILED),
];
const bookings = bookingsOf(
  [
    lease({ name: "held", client: "bob", state: "ready", exporter: "rcar-s4-10", effectiveBeginMs: now - H, durationMs: 2 * H }),
    lease({ name: "later", client: "alice", selector: "board=rcar-s4", beginMs: now + 24 * H, durationMs: 2 * H }),
    lease({ name: "rpi-later", client: "carol", selector: "board=rpi5", beginMs: now + 3 * H, durationMs: H }),
  ],
  now,
);

describe("timeline rows", () => {
  it("lists boards in the order people count them, with their state and whether the controller can assign them", () => {
    const lines = boardLines(exporters, bookings);
    expect(lines.map((l) => [l.name, l.state.kind, l.usable])).toEqual([
      ["qemu-01", "hook-failed", false],
      ["rcar-s4-2", "offline", false],
      ["rcar-s4-10", "leased", true],
      ["rpi5-01", "disabled", false],
    ]);
    expect(lines.find((l) => l.name === "rcar-s4-10")?.bookings.map((b) => b.lease)).toEqual(["held"]);
  });

  it("filters by the label selector and by search words over names, labels and holders", () => {
    const lines = boardLines(exporters, bookings);
    expect(filterBoards(lines, selector("board=rcar-s4"), "").map((l) => l.name)).toEqual(["rcar-s4-2", "rcar-s4-10"]);
    expect(filterBoards(lines, undefined, "BOB").map((l) => l.name)).toEqual(["rcar-s4-10"]);
    expect(filterBoards(lines, undefined, "brno site=brno").map((l) => l.name)).toEqual(["rcar-s4-2", "rpi5-01"]);
    expect(filterBoards(lines, selector("board=rcar-s4"), "nothing-like-this")).toEqual([]);
  });

  it("puts selector bookings without a board in a lane of their own, counted against every board they could take", () => {
    const all = boardLines(exporters, bookings);
    const shown = filterBoards(all, selector("site=bcn"), "");
    const lines = timelineLines(all, shown, bookings, "");
    expect(lines.map((l) => l.key)).toEqual(["lane:board=rcar-s4", "board:qemu-01", "board:rcar-s4-10"]);
    const lane = lines[0];
    expect(lane?.kind === "lane" ? [lane.candidates, lane.bookings.map((b) => b.lease)] : undefined).toEqual([2, ["later"]]);
  });

  it("groups by a label, boards without it last", () => {
    const all = boardLines(exporters, bookings);
    const lines = timelineLines(all, all, [], "board");
    expect(lines.map((l) => (l.kind === "group" ? `${l.title} (${l.count})` : l.key))).toEqual([
      "board=rcar-s4 (2)",
      "board:rcar-s4-2",
      "board:rcar-s4-10",
      "board=rpi5 (1)",
      "board:rpi5-01",
      "No board label (1)",
      "board:qemu-01",
    ]);
    expect(groupKeys(all)).toEqual(["board", "site"]);
  });

  it("changes a row's signature only when what it draws changes", () => {
    const a = boardLines(exporters, bookings).find((l) => l.name === "rcar-s4-10");
    const b = boardLines(exporters, bookingsOf([lease({ name: "held", client: "bob", state: "ready", exporter: "rcar-s4-10", effectiveBeginMs: now - H, durationMs: 2 * H })], now)).find((l) => l.name === "rcar-s4-10");
    const c = boardLines(exporters, []).find((l) => l.name === "rcar-s4-10");
    expect(a?.signature).toBe(b?.signature);
    expect(a?.signature).not.toBe(c?.signature);
  });
});
