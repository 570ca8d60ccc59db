import { describe, expect, it } from "vitest";
import { createDeprecations, exporterDeprecations, leaseDeprecations } from "./deprecated-labels.js";

describe("deprecated labels in jmp's words [HL2]-[HL5]", () => {
  it("names each deprecated label of an exporter with the administrator's message, by key", () => {
    expect(exporterDeprecations("rpi5-01", { "lab.example/site": "use site", board: "" }).map((d) => d.text)).toEqual([
      "Label 'board' on exporter 'rpi5-01' is deprecated",
      "Label 'lab.example/site' on exporter 'rpi5-01' is deprecated: use site",
    ]);
  });

  it("names a lease's deprecated selector terms, and those a create reports", () => {
    expect(leaseDeprecations("0198-a", { board: "use jumpstarter.dev/board" })).toEqual([
      { key: "board", message: "use jumpstarter.dev/board", text: "Selector label 'board' on lease '0198-a' is deprecated: use jumpstarter.dev/board" },
    ]);
    expect(createDeprecations({ board: "  " }).map((d) => d.text)).toEqual(["Selector label 'board' is deprecated"]);
  });

  it("says nothing when nothing is deprecated ([V1]: older controllers never send the field)", () => {
    expect(exporterDeprecations("x", {})).toEqual([]);
  });
});
