// proto/ against the wire contract of ../shared/spec/jumpstarter-api.md:
// wire-contract.json holds the spec's tables (field=number label type), and
// every generated message, enum and method must match them exactly.
import { readFileSync } from "node:fs";
import { createRegistry, ScalarType, type DescField } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { ClientService, file_jumpstarter_client_v1_client } from "../src/gen/jumpstarter/client/v1/client_pb.js";
import { file_jumpstarter_v1_common } from "../src/gen/jumpstarter/v1/common_pb.js";
import { ControllerService, ExporterService, file_jumpstarter_v1_jumpstarter } from "../src/gen/jumpstarter/v1/jumpstarter_pb.js";
import { file_jumpstarter_v1_kubernetes } from "../src/gen/jumpstarter/v1/kubernetes_pb.js";
import { RouterService, file_jumpstarter_v1_router } from "../src/gen/jumpstarter/v1/router_pb.js";

interface Contract {
  messages: Record<string, Record<string, string>>;
  enums: Record<string, Record<string, number>>;
}
const contract = JSON.parse(readFileSync(new URL("./wire-contract.json", import.meta.url), "utf8")) as Contract;
const registry = createRegistry(
  file_jumpstarter_client_v1_client,
  file_jumpstarter_v1_common,
  file_jumpstarter_v1_jumpstarter,
  file_jumpstarter_v1_kubernetes,
  file_jumpstarter_v1_router,
);

// Type names as the spec writes them: well-known and jumpstarter.v1 types may go unqualified.
const short = (typeName: string): string => typeName.replace(/^google\.protobuf\./, "");
const scalar = (t: ScalarType): string => ScalarType[t].toLowerCase();

function describeField(f: DescField): string {
  switch (f.fieldKind) {
    case "map": {
      const value = f.mapKind === "scalar" ? scalar(f.scalar) : f.mapKind === "enum" ? f.enum.typeName : f.message.typeName;
      return `map<${scalar(f.mapKey)},${value}>`;
    }
    case "list": {
      const item = f.listKind === "scalar" ? scalar(f.scalar) : f.listKind === "enum" ? f.enum.typeName : f.message.typeName;
      return `repeated ${short(item)}`;
    }
    case "scalar":
      return `${f.proto.proto3Optional === true ? "optional " : ""}${scalar(f.scalar)}`;
    case "enum":
      return `${f.proto.proto3Optional === true ? "optional " : ""}${f.enum.typeName}`;
    case "message":
      return `${f.proto.proto3Optional === true ? "optional " : ""}${short(f.message.typeName)}`;
  }
}

// The spec sometimes qualifies a type (jumpstarter.v1.Condition) and sometimes not (Condition).
function sameType(spec: string, generated: string): boolean {
  const plain = (s: string) => s.replace(/\s+/g, "").replace(/jumpstarter\.(client\.)?v1\.|google\.protobuf\./g, "");
  return plain(spec) === plain(generated);
}

describe("proto/ matches the wire contract", () => {
  it.each(Object.entries(contract.messages))("message %s", (typeName, fields) => {
    const message = registry.getMessage(typeName);
    expect(message, `${typeName} is missing`).toBeDefined();
    const actual = Object.fromEntries((message?.fields ?? []).map((f) => [f.name, `${f.number} ${describeField(f)}`]));
    expect(Object.keys(actual).sort()).toEqual(Object.keys(fields).sort());
    for (const [name, spec] of Object.entries(fields)) {
      const [number, ...type] = spec.split(" ");
      const [gotNumber, ...gotType] = (actual[name] ?? "").split(" ");
      expect(gotNumber, `${typeName}.${name} field number`).toBe(number);
      expect(sameType(type.join(" "), gotType.join(" ")), `${typeName}.${name}: spec "${spec}", generated "${actual[name]}"`).toBe(true);
    }
  });

  it.each(Object.entries(contract.enums))("enum %s", (typeName, values) => {
    const desc = registry.getEnum(typeName);
    expect(desc, `${typeName} is missing`).toBeDefined();
    expect(Object.fromEntries((desc?.values ?? []).map((v) => [v.name, v.number]))).toEqual(values);
  });

  it("has the services with the spec's method paths and kinds", () => {
    const methods = (service: typeof ClientService | typeof ControllerService | typeof ExporterService | typeof RouterService) =>
      service.methods.map((m) => `/${service.typeName}/${m.name} ${m.methodKind}`);
    expect(methods(ClientService)).toEqual(
      ["GetExporter", "ListExporters", "GetLease", "ListLeases", "CreateLease", "UpdateLease", "DeleteLease", "RotateToken"].map(
        (m) => `/jumpstarter.client.v1.ClientService/${m} unary`,
      ),
    );
    expect(methods(ControllerService)).toContain("/jumpstarter.v1.ControllerService/Listen server_streaming");
    expect(methods(ControllerService)).toContain("/jumpstarter.v1.ControllerService/Status server_streaming");
    expect(methods(ControllerService)).toHaveLength(11);
    expect(methods(ExporterService)).toHaveLength(7);
    expect(methods(RouterService)).toEqual(["/jumpstarter.v1.RouterService/Stream bidi_streaming"]);
  });
});
