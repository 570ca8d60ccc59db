import { ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { parseObjectIdentifier, parseParentIdentifier } from "./identifiers.js";

function text(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConnectError) return `${e.code}: ${e.rawMessage}`;
    throw e;
  }
  return "accepted";
}

describe("resource names as the controller parses them [N2]", () => {
  it.each([
    ["namespaces/lab", "lab"],
    ["namespaces/", ""],
  ])("parent %j -> namespace %j", (id, ns) => {
    expect(parseParentIdentifier(id)).toBe(ns);
  });

  it.each([
    ["lab", `3: invalid number of segments in identifier "lab", expecting 2, got 1`],
    ["namespaces/lab/x", `3: invalid number of segments in identifier "namespaces/lab/x", expecting 2, got 3`],
    ["ns/lab", `3: invalid first segment in identifier "ns/lab", expecting "namespaces", got "ns"`],
  ])("parent %j is refused: %s", (id, message) => {
    expect(text(() => parseParentIdentifier(id))).toBe(message);
  });

  it.each([
    ["namespaces/lab/leases/x", { namespace: "lab", name: "x" }],
    ["namespaces//leases/", { namespace: "", name: "" }],
  ])("object %j -> %j", (id, parsed) => {
    expect(parseObjectIdentifier(id, "leases")).toEqual(parsed);
  });

  it.each([
    ["x", `3: invalid number of segments in identifier "x", expecting 4, got 1`],
    ["namespace/lab/leases/x", `3: invalid first segment in identifier "namespace/lab/leases/x", expecting "namespaces", got "namespace"`],
    ["namespaces/lab/exporters/x", `3: invalid third segment in identifier "namespaces/lab/exporters/x", expecting "leases", got "exporters"`],
  ])("lease name %j is refused: %s", (id, message) => {
    expect(text(() => parseObjectIdentifier(id, "leases"))).toBe(message);
  });
});
