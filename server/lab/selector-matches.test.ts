// SelectorMatches: a selector's exporters worked out once, returned as they
// are now, and worked out again when the store says labels changed.
import { describe, expect, it } from "vitest";
import { parseSelector, type Selector } from "../../src/domain/selector.js";
import type { ExporterRecord } from "./records.js";
import { SelectorMatches, type LabelledExporters } from "./selector-matches.js";
import { exporterRecord } from "./testing/exporter-record.js";

const exporter = exporterRecord;

/** A store stand-in that counts how often the whole lab is read. */
function lab(records: ExporterRecord[]): LabelledExporters & { records: ExporterRecord[]; version: number; scans: number } {
  const source = {
    records,
    version: 0,
    scans: 0,
    exporters() {
      source.scans += 1;
      return source.records;
    },
    exporter: (name: string) => source.records.find((e) => e.name === name),
    labelsVersion: () => source.version,
  };
  return source;
}

function selector(text: string): Selector {
  const parsed = parseSelector(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.selector;
}

describe("SelectorMatches", () => {
  const rpi = selector("board=rpi5");

  it("returns the matching exporters in the store's order, reading the lab once per selector", () => {
    const source = lab([exporter("a", { board: "rpi5" }), exporter("b", { board: "imx8" }), exporter("c", { board: "rpi5" })]);
    const matches = new SelectorMatches(source);
    expect(matches.exporters("board=rpi5", rpi).map((e) => e.name)).toEqual(["a", "c"]);
    expect(matches.exporters("board=rpi5", rpi).map((e) => e.name)).toEqual(["a", "c"]);
    expect(matches.matchesExporter("board=rpi5", rpi, "b")).toBe(false);
    expect(matches.matchesExporter("board=rpi5", rpi, "c")).toBe(true);
    expect(source.scans).toBe(1);
  });

  it("gives each exporter's current record, so a state change is seen without working the match out again", () => {
    const source = lab([exporter("a", { board: "rpi5" })]);
    const matches = new SelectorMatches(source);
    matches.exporters("board=rpi5", rpi);
    const held = { ...exporter("a", { board: "rpi5" }), leaseName: "l1" };
    source.records = [held];
    expect(matches.exporters("board=rpi5", rpi)).toEqual([held]);
    expect(source.scans).toBe(1);
  });

  it("works the match out again once labelsVersion moves: new labels, new exporters, the registration label", () => {
    const source = lab([exporter("a", { board: "rpi5" }), exporter("b", { board: "imx8" }, "never")]);
    const matches = new SelectorMatches(source);
    const named = selector("jumpstarter.dev/name=b");
    expect(matches.exporters("board=rpi5", rpi).map((e) => e.name)).toEqual(["a"]);
    expect(matches.exporters("jumpstarter.dev/name=b", named)).toEqual([]);
    source.records = [exporter("a", { board: "imx8" }), exporter("b", { board: "rpi5" }), exporter("c", { board: "rpi5" })];
    source.version += 1;
    expect(matches.exporters("board=rpi5", rpi).map((e) => e.name)).toEqual(["b", "c"]);
    expect(matches.exporters("jumpstarter.dev/name=b", named).map((e) => e.name)).toEqual(["b"]);
  });

  it("leaves out an exporter removed since the match was worked out", () => {
    const source = lab([exporter("a", { board: "rpi5" }), exporter("b", { board: "rpi5" })]);
    const matches = new SelectorMatches(source);
    matches.exporters("board=rpi5", rpi);
    source.records = [exporter("b", { board: "rpi5" })];
    expect(matches.exporters("board=rpi5", rpi).map((e) => e.name)).toEqual(["b"]);
  });
});
