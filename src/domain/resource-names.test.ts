import { describe, expect, it } from "vitest";
import {
  type ResourceKind,
  clientName,
  exporterName,
  leaseName,
  parentName,
  parseParent,
  parseResourceName,
  shortName,
  validateObjectName,
} from "./resource-names.js";

describe("parseParent", () => {
  it.each(["lab", "team-a.lab", "a", "0lab9"])("accepts namespaces/%s", (ns) => {
    expect(parseParent(`namespaces/${ns}`)).toEqual({ ok: true, namespace: ns });
  });

  it.each<[string, string]>([
    ["", `"" is not a parent: expected namespaces/{namespace}`],
    ["lab", `"lab" is not a parent: expected namespaces/{namespace}`],
    ["namespace/lab", `"namespace/lab" is not a parent: expected namespaces/{namespace}`],
    ["namespaces/lab/", `"namespaces/lab/" is not a parent: expected namespaces/{namespace}`],
    ["/namespaces/lab", `is not a parent: expected namespaces/{namespace}`],
    ["namespaces/", `"namespaces/" is not a parent: namespace is empty`],
    ["namespaces/Lab", `"namespaces/Lab" is not a parent: namespace "Lab" is invalid: use at most 253 lowercase letters`],
    ["namespaces/lab_1", `namespace "lab_1" is invalid`],
    [`namespaces/${"a".repeat(254)}`, "is too long (254 characters)"],
  ])("rejects %j", (s, fragment) => {
    const result = parseParent(s);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(fragment);
  });
});

describe("parseResourceName", () => {
  it.each<[string, ResourceKind, string, string]>([
    ["namespaces/lab/exporters/rcar-s4-01", "exporters", "lab", "rcar-s4-01"],
    ["namespaces/lab/leases/0197a3b2-7c1d-7e00-8000-000000000000", "leases", "lab", "0197a3b2-7c1d-7e00-8000-000000000000"],
    ["namespaces/team.a/clients/ci-bot", "clients", "team.a", "ci-bot"],
    ["namespaces/lab/exporters/board.v2", "exporters", "lab", "board.v2"],
  ])("accepts %j as %s", (s, kind, namespace, name) => {
    expect(parseResourceName(s, kind)).toEqual({ ok: true, namespace, name });
  });

  it.each<[string, ResourceKind, string]>([
    ["namespaces/lab/exporter/x", "exporters", `"namespaces/lab/exporter/x" is not an exporter name: expected namespaces/{namespace}/exporters/{name}`],
    ["namespaces/lab/leases/x", "exporters", `is not an exporter name: expected namespaces/{namespace}/exporters/{name}`],
    ["namespaces/lab/exporters/x", "leases", `"namespaces/lab/exporters/x" is not a lease name: expected namespaces/{namespace}/leases/{name}`],
    ["rcar-s4-01", "exporters", `"rcar-s4-01" is not an exporter name`],
    ["namespaces/lab/clients", "clients", `is not a client name: expected namespaces/{namespace}/clients/{name}`],
    ["namespaces/lab/clients/a/b", "clients", "is not a client name: expected"],
    ["namespaces/lab/leases/", "leases", `"namespaces/lab/leases/" is not a lease name: name is empty`],
    ["namespaces//leases/x", "leases", "is not a lease name: namespace is empty"],
    ["namespaces/lab/leases/My-Lease", "leases", `name "My-Lease" is invalid: use at most 253 lowercase letters`],
    ["namespaces/LAB/leases/x", "leases", `namespace "LAB" is invalid`],
    ["namespaces/lab/exporters/-x", "exporters", `name "-x" is invalid`],
  ])("rejects %j as %s", (s, kind, fragment) => {
    const result = parseResourceName(s, kind);
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toContain(fragment);
  });
});

describe("builders", () => {
  it("build names that parse back", () => {
    expect(parentName("lab")).toBe("namespaces/lab");
    expect(exporterName("lab", "rcar-s4-01")).toBe("namespaces/lab/exporters/rcar-s4-01");
    expect(leaseName("lab", "l1")).toBe("namespaces/lab/leases/l1");
    expect(clientName("lab", "alice")).toBe("namespaces/lab/clients/alice");
    expect(parseParent(parentName("lab"))).toEqual({ ok: true, namespace: "lab" });
    expect(parseResourceName(exporterName("lab", "e1"), "exporters")).toEqual({ ok: true, namespace: "lab", name: "e1" });
    expect(parseResourceName(leaseName("lab", "l1"), "leases")).toEqual({ ok: true, namespace: "lab", name: "l1" });
    expect(parseResourceName(clientName("lab", "c1"), "clients")).toEqual({ ok: true, namespace: "lab", name: "c1" });
  });

  it.each([
    ["namespaces/lab/exporters/rcar-s4-01", "rcar-s4-01"],
    ["rcar-s4-01", "rcar-s4-01"],
    ["", ""],
  ])("shortName(%j) = %j", (s, expected) => {
    expect(shortName(s)).toBe(expected);
  });
});

describe("validateObjectName", () => {
  it.each(["rcar-s4-01", "a", "0197a3b2-7c1d-7e00-8000-000000000000", "a.b-c", "a".repeat(253)])("accepts %j", (name) => {
    expect(validateObjectName(name)).toBeUndefined();
  });
  it.each<[string, string | undefined, string]>([
    ["", undefined, "name is empty: use at most 253 lowercase letters"],
    ["", "lease_id", "lease_id is empty"],
    ["My_Lease", "lease_id", `lease_id "My_Lease" is invalid: use at most 253 lowercase letters, digits, '-' and '.'`],
    ["rcar s4", "exporter_name", `exporter_name "rcar s4" is invalid`],
    ["-a", undefined, `name "-a" is invalid`],
    ["a-", undefined, `name "a-" is invalid`],
    ["a..b", undefined, `name "a..b" is invalid`],
    ["a/b", undefined, `name "a/b" is invalid`],
    ["a".repeat(254), undefined, "is too long (254 characters)"],
  ])("rejects %j (%s)", (name, what, fragment) => {
    expect(what === undefined ? validateObjectName(name) : validateObjectName(name, what)).toContain(fragment);
  });
});
