import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ExporterSchema } from "../gen/jumpstarter/client/v1/client_pb.js";
import { keepsLeaseTags } from "./controller-version.js";

describe("keepsLeaseTags [V5]", () => {
  it("reads 0.9 or later from `enabled` on any exporter, older from its absence", () => {
    expect(keepsLeaseTags([create(ExporterSchema, { name: "a" }), create(ExporterSchema, { name: "b", enabled: false })])).toBe(true);
    expect(keepsLeaseTags([create(ExporterSchema, { name: "a" })])).toBe(false);
    expect(keepsLeaseTags([])).toBeUndefined();
  });
});
