import { create } from "@bufbuild/protobuf";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import {
  buildRows,
  countStates,
  filterByState,
  freeOfTotal,
  groupTitle,
  groupRows,
  holdingLeases,
  labelKeys,
  listItems,
  rowSearchText,
  searchRows,
  sortRows,
} from "@/features/exporters/exporter-rows";
import { ExporterSchema, LeaseSchema, type Exporter, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);

function exporter(name: string, labels: Record<string, string>, status = ExporterStatus.AVAILABLE, enabled = true): Exporter {
  return create(ExporterSchema, { name: `namespaces/lab/exporters/${name}`, labels, status, enabled, online: status !== ExporterStatus.OFFLINE });
}

function readyLease(name: string, exporterName: string, client: string, endMs: number): Lease {
  return create(LeaseSchema, {
    name: `namespaces/lab/leases/${name}`,
    exporter: `namespaces/lab/exporters/${exporterName}`,
    client: `namespaces/lab/clients/${client}`,
    effectiveBeginTime: timestampFromMs(NOW - 60_000),
    endTime: timestampFromMs(endMs),
    conditions: [create(ConditionSchema, { type: "Ready", status: "True", reason: "Ready" })],
  });
}

const exporters = [
  exporter("rcar-s4-10", { board: "rcar-s4", site: "bcn" }, ExporterStatus.LEASE_READY),
  exporter("rcar-s4-2", { board: "rcar-s4", site: "brno" }, ExporterStatus.LEASE_READY),
  exporter("rpi5-01", { board: "rpi5", site: "brno" }),
  exporter("rpi5-02", { board: "rpi5", site: "brno" }, ExporterStatus.OFFLINE),
  exporter("qemu-01", { arch: "x86_64" }, ExporterStatus.AVAILABLE, false),
  exporter("hooky", { board: "imx8", site: "bcn" }, ExporterStatus.AFTER_LEASE_HOOK_FAILED),
];

const leases = [
  readyLease("l1", "rcar-s4-10", "alice", NOW + 30 * 60_000),
  readyLease("l2", "rcar-s4-2", "bob", NOW + 5 * 60_000),
  // A pending lease holds nothing yet.
  create(LeaseSchema, {
    name: "namespaces/lab/leases/l3",
    exporterName: "rpi5-01",
    conditions: [create(ConditionSchema, { type: "Pending", status: "True", reason: "NotAvailable" })],
  }),
];

const rows = buildRows(exporters, holdingLeases(leases));
const names = (rs: readonly { name: string }[]): string[] => rs.map((r) => r.name);

describe("holdingLeases and buildRows", () => {
  it("attaches each Ready lease's holder and end to its exporter", () => {
    const byName = new Map(rows.map((r) => [r.name, r]));
    expect(byName.get("rcar-s4-10")?.holder).toBe("alice");
    expect(byName.get("rcar-s4-10")?.endMs).toBe(NOW + 30 * 60_000);
    expect(byName.get("rcar-s4-2")?.holder).toBe("bob");
    expect(byName.get("rpi5-01")?.holder).toBeUndefined();
    expect(byName.get("qemu-01")?.state.kind).toBe("disabled");
  });

  it("ignores ended leases", () => {
    const ended = create(LeaseSchema, {
      ...readyLease("old", "rpi5-01", "carol", NOW - 1_000),
      effectiveEndTime: timestampFromMs(NOW - 1_000),
      conditions: [create(ConditionSchema, { type: "Ready", status: "False", reason: "Expired" })],
    });
    expect(holdingLeases([ended]).size).toBe(0);
  });
});

describe("searchRows", () => {
  it("matches names, label values, key=value and holders, case-insensitively", () => {
    expect(names(searchRows(rows, "RPI5"))).toEqual(["rpi5-01", "rpi5-02"]);
    expect(names(searchRows(rows, "site=bcn"))).toEqual(["rcar-s4-10", "hooky"]);
    expect(names(searchRows(rows, "bob"))).toEqual(["rcar-s4-2"]);
    expect(names(searchRows(rows, "x86"))).toEqual(["qemu-01"]);
  });

  it("needs every word to match", () => {
    expect(names(searchRows(rows, "rpi5 02"))).toEqual(["rpi5-02"]);
    expect(searchRows(rows, "rpi5 nowhere")).toEqual([]);
  });

  it("returns everything for blank text", () => {
    expect(searchRows(rows, "  ")).toHaveLength(rows.length);
  });

  it("keeps the order of the rows it is given, so sorted rows stay sorted", () => {
    const sorted = sortRows(rows, "name");
    expect(names(searchRows(sorted, "rcar"))).toEqual(["rcar-s4-2", "rcar-s4-10"]);
  });

  it("looks through each row's text computed once, lower-cased, holder included", () => {
    const held = rows.find((r) => r.name === "rcar-s4-2");
    expect(held?.searchText.split("\n")).toEqual(["rcar-s4-2", "rcar-s4", "board=rcar-s4", "brno", "site=brno", "bob"]);
    expect(rowSearchText("QEMU-01", { Arch: "X86_64" }, undefined)).toBe("qemu-01\nx86_64\narch=x86_64\n");
  });
});

describe("filterByState", () => {
  it("keeps one state, or all", () => {
    expect(names(filterByState(rows, "leased"))).toEqual(["rcar-s4-10", "rcar-s4-2"]);
    expect(names(filterByState(rows, "hook-failed"))).toEqual(["hooky"]);
    expect(filterByState(rows, undefined)).toHaveLength(rows.length);
  });
});

describe("sortRows", () => {
  it("sorts names naturally (2 before 10)", () => {
    expect(names(sortRows(rows, "name"))).toEqual(["hooky", "qemu-01", "rcar-s4-2", "rcar-s4-10", "rpi5-01", "rpi5-02"]);
  });

  it("sorts by status in the summary's order", () => {
    expect(names(sortRows(rows, "status"))).toEqual(["rpi5-01", "rcar-s4-2", "rcar-s4-10", "hooky", "rpi5-02", "qemu-01"]);
  });

  it("sorts by board, exporters without one last", () => {
    expect(names(sortRows(rows, "board"))).toEqual(["hooky", "rcar-s4-2", "rcar-s4-10", "rpi5-01", "rpi5-02", "qemu-01"]);
  });

  it("sorts by time left, soonest first, free ones last", () => {
    expect(names(sortRows(rows, "time-left")).slice(0, 2)).toEqual(["rcar-s4-2", "rcar-s4-10"]);
  });

  it("does not change its input", () => {
    const before = names(rows);
    sortRows(rows, "status");
    expect(names(rows)).toEqual(before);
  });
});

describe("groupRows", () => {
  it("groups by a label's value, unlabelled last, keeping row order", () => {
    const groups = groupRows(sortRows(rows, "name"), "site");
    expect(groups.map((g) => [g.value, names(g.rows)])).toEqual([
      ["bcn", ["hooky", "rcar-s4-10"]],
      ["brno", ["rcar-s4-2", "rpi5-01", "rpi5-02"]],
      [undefined, ["qemu-01"]],
    ]);
  });
});

describe("listItems", () => {
  it("heads each group with how many of its boards are free, not only how many there are", () => {
    const sorted = sortRows(rows, "name");
    const items = listItems(sorted, groupRows(sorted, "board"), "board", new Set());
    const headers = items.flatMap((i) => (i.kind === "group" ? [`${groupTitle(i.groupKey, i.value)}: ${freeOfTotal(i.free, i.count)}`] : []));
    // rcar-s4: both held; rpi5: one free, one offline; imx8: its hook failed; qemu-01: disabled (and unlabelled).
    expect(headers).toEqual(["board=imx8: 0 of 1 free", "board=rcar-s4: 0 of 2 free", "board=rpi5: 1 of 2 free", "No board: 0 of 1 free"]);
  });

  it("leaves out a collapsed group's rows and keeps rows without groups as they are", () => {
    const sorted = sortRows(rows, "name");
    const items = listItems(sorted, groupRows(sorted, "board"), "board", new Set(["rpi5"]));
    expect(items.filter((i) => i.kind === "row").map((i) => (i.kind === "row" ? i.row.name : ""))).toEqual(["hooky", "rcar-s4-2", "rcar-s4-10", "qemu-01"]);
    expect(items.find((i) => i.kind === "group" && i.value === "rpi5")).toMatchObject({ collapsed: true, count: 2, free: 1 });
    expect(listItems(sorted, null, "", new Set()).map((i) => i.key)).toEqual(sorted.map((r) => `row:${r.name}`));
  });
});

describe("countStates", () => {
  it("counts each state", () => {
    expect(countStates(rows)).toEqual({
      available: 1,
      leased: 2,
      "hook-running": 0,
      "hook-failed": 1,
      offline: 1,
      disabled: 1,
      unknown: 0,
    });
  });
});

describe("labelKeys", () => {
  it("lists the keys in use, board and site first", () => {
    expect(labelKeys([...exporters, exporter("x", { zone: "a", alpha: "b" })])).toEqual(["board", "site", "arch", "alpha", "zone"]);
  });
});

describe("deprecated labels on rows [HL2] [HL5]", () => {
  it("carries each deprecated label of an exporter in jmp's words, none for the others", () => {
    const e = create(ExporterSchema, { ...exporter("rpi5-09", { board: "rpi5" }), deprecatedLabels: { "lab/site": "use site" } });
    const [row, plain] = buildRows([e, exporter("rpi5-10", {})], new Map());
    expect(row?.deprecated.map((d) => d.text)).toEqual(["Label 'lab/site' on exporter 'rpi5-09' is deprecated: use site"]);
    expect(plain?.deprecated).toEqual([]);
  });
});
