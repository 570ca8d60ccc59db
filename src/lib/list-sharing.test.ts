import { create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ExporterSchema } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { reuseEqualItems } from "@/lib/list-sharing";

const e = (name: string, board: string) => create(ExporterSchema, { name, labels: { board } });
const key = (x: { name: string }) => x.name;

describe("reuseEqualItems", () => {
  it("returns the previous list when nothing changed", () => {
    const prev = [e("a", "x"), e("b", "y")];
    expect(reuseEqualItems(ExporterSchema, prev, [e("a", "x"), e("b", "y")], key)).toBe(prev);
  });

  it("keeps unchanged items and takes changed ones", () => {
    const prev = [e("a", "x"), e("b", "y")];
    const next = [e("a", "x"), e("b", "z")];
    const out = reuseEqualItems(ExporterSchema, prev, next, key);
    expect(out).not.toBe(prev);
    expect(out[0]).toBe(prev[0]);
    expect(out[1]).toBe(next[1]);
  });

  it("notices added, removed and reordered items", () => {
    const prev = [e("a", "x"), e("b", "y")];
    expect(reuseEqualItems(ExporterSchema, prev, [e("a", "x")], key)).toHaveLength(1);
    const reordered = reuseEqualItems(ExporterSchema, prev, [e("b", "y"), e("a", "x")], key);
    expect(reordered).not.toBe(prev);
    expect(reordered[0]).toBe(prev[1]);
  });
});
