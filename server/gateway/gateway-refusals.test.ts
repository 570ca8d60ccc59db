// What the gateway refuses or answers itself on the API side: a controller
// that cannot be reached, other services, oversized bodies, cross-origin
// callers; and what it logs about it. No controller runs here.
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { ControllerService } from "../../src/gen/jumpstarter/v1/jumpstarter_pb.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { closedPort, parsedLines, rawRequest } from "./test-helpers.js";

const listExporters = "/jumpstarter.client.v1.ClientService/ListExporters";
const allowedOrigin = "http://localhost:5173";
const token = "Bearer secret-token-that-must-not-be-logged";

let controllerUrl: string;
let gateway: RunningGateway;
let open: RunningGateway;
const lines: string[] = [];

beforeAll(async () => {
  controllerUrl = `http://127.0.0.1:${await closedPort()}`;
  gateway = await startGateway({ controller: controllerUrl, maxBodyBytes: 64 * 1024, log: (l) => lines.push(l) });
  open = await startGateway({ controller: controllerUrl, allowedOrigins: [allowedOrigin], log: () => undefined });
});

afterAll(async () => {
  await gateway.stop();
  await open.stop();
});

async function codeOf(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (e) {
    return ConnectError.from(e);
  }
  throw new Error("the call succeeded");
}

describe("a controller that cannot be reached", () => {
  it("answers Unavailable naming the controller", async () => {
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const err = await codeOf(client.listExporters({ parent: "namespaces/lab" }, { headers: { authorization: token } }));
    expect(err.code).toBe(Code.Unavailable);
    expect(err.rawMessage).toContain(`the controller at ${controllerUrl} cannot be reached`);
  });

  it("logs the call as one JSON line without the token", async () => {
    lines.length = 0;
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    await codeOf(client.getLease({ name: "namespaces/lab/leases/x" }, { headers: { authorization: token } }));
    // The line is written when the response closes, which may be just after the client has it.
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    const entries = parsedLines(lines);
    const [entry] = entries;
    expect(entry).toMatchObject({ method: "/jumpstarter.client.v1.ClientService/GetLease", code: "unavailable", peer: "127.0.0.1" });
    expect(typeof entry?.durationMs).toBe("number");
    expect(Date.parse(String(entry?.time))).not.toBeNaN();
    expect(lines.join("\n")).not.toContain("secret-token");
  });
});

describe("paths other than the ClientService", () => {
  it("answers 404 to another gRPC service", async () => {
    const res = await fetch(`${gateway.url}/jumpstarter.v1.ControllerService/Register`, {
      method: "POST",
      headers: { "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
      body: new Uint8Array(5),
    });
    expect(res.status).toBe(404);
    const client = createClient(ControllerService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const err = await codeOf(client.register({}));
    // gRPC-Web maps HTTP 404 to Unimplemented.
    expect(err.code).toBe(Code.Unimplemented);
  });

  it("answers 404 to an unknown ClientService method and to plain paths", async () => {
    const unknown = await fetch(`${gateway.url}/jumpstarter.client.v1.ClientService/DropTables`, { method: "POST" });
    expect(unknown.status).toBe(404);
    expect((await fetch(`${gateway.url}/anything/else`)).status).toBe(404);
  });

  it("does not serve plain gRPC", async () => {
    const res = await rawRequest(gateway.url, listExporters, {
      method: "POST",
      headers: { "content-type": "application/grpc", te: "trailers" },
      body: Buffer.alloc(5),
    });
    expect(res.status).toBe(415);
  });
});

describe("request size", () => {
  it("refuses a body over the limit with ResourceExhausted", async () => {
    lines.length = 0;
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const err = await codeOf(client.listExporters({ parent: "namespaces/lab", filter: "a".repeat(100 * 1024) }));
    expect(err.code).toBe(Code.ResourceExhausted);
    expect(err.rawMessage).toContain("65536 bytes");
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(parsedLines(lines)).toMatchObject([{ method: listExporters, code: "resource_exhausted" }]);
  });

  it("refuses an oversized body sent without a Content-Length too", async () => {
    lines.length = 0;
    const envelope = Buffer.alloc(5 + 100 * 1024);
    envelope.writeUInt32BE(100 * 1024, 1);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < envelope.length; i += 8192) controller.enqueue(envelope.subarray(i, i + 8192));
        controller.close();
      },
    });
    const res = await fetch(`${gateway.url}${listExporters}`, {
      method: "POST",
      headers: { "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.headers.get("content-length")).toBeNull();
    const text = Buffer.from(await res.arrayBuffer()).toString("latin1");
    expect(text).toMatch(/grpc-status: ?8/);
    await vi.waitFor(() => expect(lines).toHaveLength(1));
    expect(parsedLines(lines)).toMatchObject([{ method: listExporters, code: "resource_exhausted" }]);
  });
});

describe("CORS", () => {
  const preflight = (url: string, origin: string): Promise<Response> =>
    fetch(`${url}${listExporters}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type,x-grpc-web" },
    });

  it("is closed by default", async () => {
    const res = await preflight(gateway.url, allowedOrigin);
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    const call = await fetch(`${gateway.url}${listExporters}`, {
      method: "POST",
      headers: { origin: allowedOrigin, "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
      body: new Uint8Array(5),
    });
    await call.arrayBuffer();
    expect(call.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers preflights for a configured origin with what gRPC-Web and the forwarded metadata need [T7]", async () => {
    const res = await preflight(open.url, allowedOrigin);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = (res.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    const names = allowed.split(/,\s*/);
    for (const h of ["authorization", "jumpstarter-namespace", "jumpstarter-kind", "jumpstarter-name", "content-type", "x-grpc-web", "grpc-timeout"]) {
      expect(names).toContain(h);
    }
  });

  it("refuses preflights from other origins", async () => {
    const res = await preflight(open.url, "https://evil.example");
    expect(res.status).toBe(403);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("marks actual responses for the configured origin and exposes the gRPC status", async () => {
    const call = await fetch(`${open.url}${listExporters}`, {
      method: "POST",
      headers: { origin: allowedOrigin, "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
      body: new Uint8Array(5),
    });
    await call.arrayBuffer();
    expect(call.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
    expect(call.headers.get("access-control-expose-headers")).toContain("Grpc-Status");
    const other = await fetch(`${open.url}${listExporters}`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
      body: new Uint8Array(5),
    });
    await other.arrayBuffer();
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });
});
