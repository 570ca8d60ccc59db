import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { parseSelector, type Selector } from "@/domain/selector";
import { ExporterSchema } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { chosenExporterNote, countMatches, heldExporters, isFree, labelCatalog, withRequirement } from "@/features/booking/exporter-matches";
import { lease, NS } from "@/domain/lease-fixtures";

const NOW = 1_750_000_000_000;

function exporter(name: string, labels: Record<string, string>, status = ExporterStatus.AVAILABLE, enabled = true) {
  return create(ExporterSchema, { name: `namespaces/${NS}/exporters/${name}`, labels, status, online: status !== ExporterStatus.OFFLINE, enabled });
}

function sel(text: string): Selector {
  const p = parseSelector(text);
  if (!p.ok) throw new Error(p.error.message);
  return p.selector;
}

const lab = [
  exporter("rcar-s4-01", { board: "rcar-s4", site: "bcn" }),
  exporter("rcar-s4-02", { board: "rcar-s4", site: "bcn" }),
  exporter("rcar-s4-03", { board: "rcar-s4", site: "brno" }, ExporterStatus.OFFLINE),
  exporter("rcar-s4-04", { board: "rcar-s4", site: "brno" }, ExporterStatus.AVAILABLE, false),
  exporter("rcar-s4-05", { board: "rcar-s4", site: "brno" }, ExporterStatus.AFTER_LEASE_HOOK),
  exporter("rpi5-01", { board: "rpi5", site: "bcn", ram: "8" }),
  exporter("rpi5-02", { board: "rpi5", site: "brno", ram: "16" }),
];

describe("countMatches", () => {
  const held = heldExporters([lease({ name: "x", state: "ready", exporter: "rcar-s4-02", effectiveBeginMs: NOW })]);

  it("counts matching exporters and the free ones among them", () => {
    // 01 free; 02 held by a lease; 03 offline; 04 disabled; 05 running its after-lease hook.
    expect(countMatches(lab, held, sel("board=rcar-s4"))).toEqual({ matching: 5, free: 1 });
    expect(countMatches(lab, held, sel("board=rcar-s4,site=bcn"))).toEqual({ matching: 2, free: 1 });
    expect(countMatches(lab, held, sel("board in (rpi5),ram notin (16)"))).toEqual({ matching: 1, free: 1 });
    expect(countMatches(lab, held, sel("board=imx8"))).toEqual({ matching: 0, free: 0 });
  });

  it("matches everything with the empty selector", () => {
    expect(countMatches(lab, held, sel(""))).toEqual({ matching: 7, free: 3 });
  });

  it("counts a board as free once the lease that held it ended", () => {
    const ended = heldExporters([lease({ name: "y", state: "released", exporter: "rcar-s4-02", effectiveBeginMs: NOW - 1000, effectiveEndMs: NOW })]);
    expect(ended.size).toBe(0);
    expect(isFree(lab[1]!, ended)).toBe(true);
  });
});

describe("labelCatalog", () => {
  it("lists keys and their values, sorted (numbers in numeric order)", () => {
    const c = labelCatalog(lab);
    expect([...c.keys()]).toEqual(["board", "ram", "site"]);
    expect(c.get("board")).toEqual(["rcar-s4", "rpi5"]);
    expect(c.get("ram")).toEqual(["8", "16"]);
  });
});

describe("withRequirement", () => {
  it("starts a selector", () => {
    expect(withRequirement("", "board", "rcar-s4")).toBe("board=rcar-s4");
  });

  it("adds a term on a new key and replaces a term on the same key", () => {
    expect(withRequirement("board=rcar-s4", "site", "bcn")).toBe("board=rcar-s4,site=bcn");
    expect(withRequirement("board in (a,b), site=bcn", "board", "rpi5")).toBe("site=bcn,board=rpi5");
  });

  it("appends to text that does not parse, keeping what was typed", () => {
    expect(withRequirement("board=", "site", "bcn")).toBe("board=,site=bcn");
    expect(withRequirement("board in (a", "site", "bcn")).toBe("board in (a,site=bcn");
  });
});

describe("chosenExporterNote", () => {
  const held = heldExporters([lease({ name: "x", state: "ready", exporter: "rcar-s4-02", effectiveBeginMs: NOW })]);
  it("says what the chosen board's state means for the lease", () => {
    expect(chosenExporterNote(lab, "", held)).toBeUndefined();
    expect(chosenExporterNote(lab, "rcar-s4-01", held)).toEqual({ variant: "success", text: "rcar-s4-01 is free now." });
    expect(chosenExporterNote(lab, "rcar-s4-02", held)?.text).toMatch(/leased now: the lease will wait/);
    expect(chosenExporterNote(lab, "rcar-s4-03", held)?.text).toMatch(/offline/);
    expect(chosenExporterNote(lab, "rcar-s4-04", held)?.text).toMatch(/disabled .* Unsatisfiable/);
    expect(chosenExporterNote(lab, "nope", held)?.text).toMatch(/No exporter named nope/);
  });
});

describe("chosenExporterNote for a lease starting later", () => {
  it("does not warn about the board's state now, except when it is disabled", () => {
    const held = heldExporters([]);
    expect(chosenExporterNote(lab, "rcar-s4-03", held, true)).toMatchObject({ variant: "default", text: expect.stringMatching(/^rcar-s4-03 is offline now\. At the start time/) as unknown });
    expect(chosenExporterNote(lab, "rcar-s4-04", held, true)?.variant).toBe("warning");
  });
});
