// Authentication, namespaces and names, token rotation, and the wire as a
// plain gRPC client (HTTP/2 prior knowledge, application/grpc) sees it.
import { readFileSync } from "node:fs";
import http2 from "node:http2";
import { fromBinary, toBinary, create } from "@bufbuild/protobuf";
import { timestampMs } from "@bufbuild/protobuf/wkt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ListExportersRequestSchema, ListExportersResponseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { Code, rpcError, startTestLab, type LabClient, type TestLab } from "./testing/lab-harness.js";

let t: TestLab;
let alice: LabClient;
const parent = "namespaces/lab";

beforeAll(async () => {
  t = await startTestLab();
  alice = t.client("alice-token");
});

afterAll(async () => {
  await t.close();
});

describe("authentication", () => {
  it.each([
    ["no token", undefined, "missing bearer token"],
    ["an unknown token", "not-a-token", "invalid or expired token"],
  ])("refuses %s as Unauthenticated, before looking at the request", async (_what, token, message) => {
    const error = await rpcError(t.client(token).listExporters({ parent: "garbage" }));
    expect(error.code).toBe(Code.Unauthenticated);
    expect(error.rawMessage).toContain(message);
  });

  // Every ClientService method, called with a request that would otherwise be fine.
  const everyMethod: [string, (c: LabClient) => Promise<unknown>][] = [
    ["GetExporter", (c) => c.getExporter({ name: "namespaces/lab/exporters/rpi5-01" })],
    ["ListExporters", (c) => c.listExporters({ parent })],
    ["GetLease", (c) => c.getLease({ name: "namespaces/lab/leases/x" })],
    ["ListLeases", (c) => c.listLeases({ parent })],
    ["CreateLease", (c) => c.createLease({ parent, lease: { selector: "board=rpi5", duration: { seconds: 60n } } })],
    ["UpdateLease", (c) => c.updateLease({ lease: { name: "namespaces/lab/leases/x", duration: { seconds: 60n } } })],
    ["DeleteLease", (c) => c.deleteLease({ name: "namespaces/lab/leases/x" })],
    ["RotateToken", (c) => c.rotateToken({ parent })],
  ];

  it.each(everyMethod)("%s refuses a missing, unknown or malformed token as Unauthenticated", async (_method, call) => {
    for (const client of [t.client(undefined), t.client("not-a-token"), t.client("")]) {
      expect((await rpcError(call(client))).code).toBe(Code.Unauthenticated);
    }
    // Nothing was created on the way.
    expect((await alice.listLeases({ parent, onlyActive: false })).leases).toEqual([]);
  });

  it.each([
    ["bearer alice-token", "0"],
    ["Bearer   alice-token", "0"],
    ["Basic alice-token", String(Code.Unauthenticated)],
    ["alice-token", String(Code.Unauthenticated)],
    ["Bearer alice-token extra", String(Code.Unauthenticated)],
  ])("answers the authorization header %j with grpc-status %s", async (authorization, status) => {
    const request = toBinary(ListExportersRequestSchema, create(ListExportersRequestSchema, { parent }));
    const { headers, trailers } = await rawGrpc("/jumpstarter.client.v1.ClientService/ListExporters", request, authorization);
    expect(trailers["grpc-status"] ?? headers["grpc-status"]).toBe(status);
  });

  it("rotates a token: new token works, old one stops, the config file follows", async () => {
    const carol = t.client("carol-token");
    const rotated = await carol.rotateToken({ parent });
    expect(rotated.token).not.toBe("carol-token");
    expect(rotated.expiry && timestampMs(rotated.expiry)).toBeGreaterThan(Date.now() + 300 * 86_400_000);
    const old = await rpcError(carol.listExporters({ parent }));
    expect(old.code).toBe(Code.Unauthenticated);
    expect((await t.client(rotated.token).listExporters({ parent })).exporters.length).toBeGreaterThan(0);

    const entry = t.lab.clients.find((c) => c.name === "carol");
    expect(entry?.token).toBe(rotated.token);
    const config = parseYaml(readFileSync(entry?.configPath ?? "", "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({
      apiVersion: "jumpstarter.dev/v1alpha1",
      kind: "ClientConfig",
      metadata: { namespace: "lab", name: "carol" },
      endpoint: `127.0.0.1:${t.lab.port}`,
      tls: { ca: "", insecure: true },
      token: rotated.token,
      drivers: { allow: [], unsafe: false },
    });
  });
});

describe("names and namespaces", () => {
  it.each([
    ["GetExporter, malformed", () => alice.getExporter({ name: "rcar-s4-01" }), Code.InvalidArgument, "expected namespaces/{namespace}/exporters/{name}"],
    ["GetExporter, a lease name", () => alice.getExporter({ name: "namespaces/lab/leases/x" }), Code.InvalidArgument, "invalid name"],
    ["GetExporter, other namespace", () => alice.getExporter({ name: "namespaces/other/exporters/rcar-s4-01" }), Code.PermissionDenied, "namespace mismatch"],
    ["GetExporter, unknown", () => alice.getExporter({ name: "namespaces/lab/exporters/nope" }), Code.NotFound, 'exporter "nope" not found'],
    ["GetLease, unknown", () => alice.getLease({ name: "namespaces/lab/leases/nope" }), Code.NotFound, 'lease "nope" not found'],
    ["DeleteLease, other namespace", () => alice.deleteLease({ name: "namespaces/other/leases/x" }), Code.PermissionDenied, "namespace mismatch"],
    ["ListExporters, malformed parent", () => alice.listExporters({ parent: "lab" }), Code.InvalidArgument, "invalid parent"],
    ["ListLeases, other namespace", () => alice.listLeases({ parent: "namespaces/other" }), Code.PermissionDenied, "namespace mismatch"],
    ["CreateLease, other namespace", () => alice.createLease({ parent: "namespaces/other", lease: { selector: "a=b", duration: { seconds: 60n } } }), Code.PermissionDenied, "namespace mismatch"],
    ["CreateLease, no lease", () => alice.createLease({ parent }), Code.InvalidArgument, "lease is required"],
    ["RotateToken, other namespace", () => alice.rotateToken({ parent: "namespaces/other" }), Code.PermissionDenied, "namespace mismatch"],
    ["RotateToken, malformed parent", () => alice.rotateToken({ parent: "namespaces/lab/clients/alice" }), Code.InvalidArgument, "expected namespaces/{namespace}"],
    ["GetLease, empty name", () => alice.getLease({ name: "" }), Code.InvalidArgument, '"" is not a lease name: expected namespaces/{namespace}/leases/{name}'],
    ["GetLease, extra path segment", () => alice.getLease({ name: "namespaces/lab/leases/x/y" }), Code.InvalidArgument, "expected namespaces/{namespace}/leases/{name}"],
    ["GetLease, empty last segment", () => alice.getLease({ name: "namespaces/lab/leases/" }), Code.InvalidArgument, "name is empty"],
    ["GetLease, an exporter name", () => alice.getLease({ name: "namespaces/lab/exporters/rpi5-01" }), Code.InvalidArgument, "is not a lease name"],
    ["GetLease, upper-case name", () => alice.getLease({ name: "namespaces/lab/leases/Lease-1" }), Code.InvalidArgument, "lowercase"],
    ["GetLease, other namespace", () => alice.getLease({ name: "namespaces/other/leases/x" }), Code.PermissionDenied, "namespace mismatch"],
    ["GetExporter, leading slash", () => alice.getExporter({ name: "/namespaces/lab/exporters/rpi5-01" }), Code.InvalidArgument, "expected namespaces/{namespace}/exporters/{name}"],
    ["DeleteLease, empty name", () => alice.deleteLease({ name: "" }), Code.InvalidArgument, "is not a lease name"],
    ["DeleteLease, unknown", () => alice.deleteLease({ name: "namespaces/lab/leases/nope" }), Code.NotFound, 'lease "nope" not found'],
    ["UpdateLease, no lease", () => alice.updateLease({}), Code.InvalidArgument, "lease is required"],
    ["ListLeases, malformed parent", () => alice.listLeases({ parent: "namespaces/lab/" }), Code.InvalidArgument, "invalid parent"],
    ["ListLeases, empty parent", () => alice.listLeases({ parent: "" }), Code.InvalidArgument, "invalid parent"],
    ["ListExporters, other namespace", () => alice.listExporters({ parent: "namespaces/other" }), Code.PermissionDenied, "namespace mismatch"],
    ["CreateLease, malformed parent", () => alice.createLease({ parent: "lab", lease: { selector: "a=b", duration: { seconds: 60n } } }), Code.InvalidArgument, "invalid parent"],
  ])("%s", async (_what, call, code, message) => {
    const error = await rpcError(call());
    expect(error.code).toBe(code);
    expect(error.rawMessage).toContain(message);
  });
});

/** One unary call the way grpc-go or grpc-python make it. */
async function rawGrpc(
  path: string,
  body: Uint8Array,
  authorization = "Bearer alice-token",
): Promise<{ headers: http2.IncomingHttpHeaders; trailers: http2.IncomingHttpHeaders; data: Buffer }> {
  const session = http2.connect(t.lab.url);
  try {
    return await new Promise((resolve, reject) => {
      const frame = Buffer.alloc(5 + body.length);
      frame.writeUInt8(0, 0);
      frame.writeUInt32BE(body.length, 1);
      frame.set(body, 5);
      const stream = session.request({
        ":method": "POST",
        ":path": path,
        "content-type": "application/grpc",
        te: "trailers",
        authorization,
      });
      let headers: http2.IncomingHttpHeaders = {};
      let trailers: http2.IncomingHttpHeaders = {};
      const chunks: Buffer[] = [];
      stream.on("response", (h) => (headers = h));
      stream.on("trailers", (h: http2.IncomingHttpHeaders) => (trailers = h));
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => resolve({ headers, trailers, data: Buffer.concat(chunks) }));
      stream.on("error", reject);
      stream.end(frame);
    });
  } finally {
    session.close();
  }
}

describe("the wire", () => {
  it("serves a plain gRPC client over cleartext HTTP/2", async () => {
    const request = toBinary(ListExportersRequestSchema, create(ListExportersRequestSchema, { parent, filter: "board=rpi5" }));
    const { headers, trailers, data } = await rawGrpc("/jumpstarter.client.v1.ClientService/ListExporters", request);
    expect(headers[":status"]).toBe(200);
    expect(headers["content-type"]).toMatch(/^application\/grpc/);
    expect(trailers["grpc-status"]).toBe("0");
    const length = data.readUInt32BE(1);
    const response = fromBinary(ListExportersResponseSchema, data.subarray(5, 5 + length));
    expect(response.exporters.map((e) => e.name)).toEqual(["namespaces/lab/exporters/rpi5-01", "namespaces/lab/exporters/rpi5-02"]);
  });

  it("answers an unknown method with UNIMPLEMENTED", async () => {
    const { headers, trailers } = await rawGrpc("/jumpstarter.client.v1.ClientService/NoSuchMethod", new Uint8Array());
    expect(headers["grpc-status"] ?? trailers["grpc-status"]).toBe(String(Code.Unimplemented));
  });
});
