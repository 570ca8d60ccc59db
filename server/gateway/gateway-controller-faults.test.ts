// What the browser gets when the controller misbehaves: hostile response
// metadata, a refused stream, a connection lost mid-answer. The lab simulator
// never does these, so a fake controller (testing/fake-controller.ts) stands in.
import { create, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import type { ServerHttp2Stream } from "node:http2";
import { afterEach, describe, expect, it } from "vitest";
import { ClientService, ExporterSchema, LeaseSchema, ListExportersResponseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { securityHeaders } from "./security-headers.js";
import { answerOk, dropMidAnswer, startFakeController, type FakeAnswer, type FakeController } from "./testing/fake-controller.js";

const inFlight = 8;
const allowedOrigin = "http://localhost:5173";
const lease = toBinary(LeaseSchema, create(LeaseSchema, { name: "namespaces/lab/leases/l1" }));
const exporters = toBinary(
  ListExportersResponseSchema,
  create(ListExportersResponseSchema, {
    exporters: Array.from({ length: 200 }, (_, i) => create(ExporterSchema, { name: `namespaces/lab/exporters/board-${i}`, labels: { board: "rpi4" } })),
  }),
);

let fake: FakeController | undefined;
let gateway: RunningGateway | undefined;

afterEach(async () => {
  await gateway?.stop();
  await fake?.close();
  gateway = undefined;
  fake = undefined;
});

async function gatewayBefore(answer: FakeAnswer, allowedOrigins: string[] = []): Promise<{ gateway: RunningGateway; fake: FakeController }> {
  fake = await startFakeController(answer);
  gateway = await startGateway({ controller: fake.url, allowedOrigins, log: () => undefined });
  return { gateway, fake };
}

async function failureOf(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (e) {
    return ConnectError.from(e);
  }
  throw new Error("the call succeeded");
}

/** An empty GetLeaseRequest as one gRPC-Web frame, sent with fetch so the raw response headers show. */
function getLeaseRaw(baseUrl: string, origin?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/grpc-web+proto", "x-grpc-web": "1" };
  if (origin !== undefined) headers.origin = origin;
  return fetch(`${baseUrl}/jumpstarter.client.v1.ClientService/GetLease`, { method: "POST", headers, body: new Uint8Array(5) });
}

const hostile = {
  "access-control-allow-origin": "https://evil.example",
  "access-control-allow-credentials": "true",
  "x-frame-options": "ALLOWALL",
  "x-content-type-options": "sniff",
  "referrer-policy": "unsafe-url",
  "content-security-policy": "default-src *",
  "strict-transport-security": "max-age=0",
  "x-controller-note": "not read by the portal",
};

describe("controller metadata on a successful answer", () => {
  it("never reaches the browser's response headers; the gateway's own values stand", async () => {
    const { gateway } = await gatewayBefore((stream) => answerOk(stream, lease, hostile));
    const res = await getLeaseRaw(gateway.url);
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    const own = securityHeaders();
    expect(res.headers.get("x-frame-options")).toBe(own["X-Frame-Options"]);
    expect(res.headers.get("x-content-type-options")).toBe(own["X-Content-Type-Options"]);
    expect(res.headers.get("referrer-policy")).toBe(own["Referrer-Policy"]);
    expect(res.headers.get("content-security-policy")).toBe(own["Content-Security-Policy"]);
    // CORS is closed on this gateway: no allowance at all.
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(res.headers.get("strict-transport-security")).toBeNull();
    expect(res.headers.get("x-controller-note")).toBeNull();
  });

  it("leaves a configured CORS allowance as the gateway made it, without credentials", async () => {
    const { gateway } = await gatewayBefore((stream) => answerOk(stream, lease, hostile), [allowedOrigin]);
    const res = await getLeaseRaw(gateway.url, allowedOrigin);
    await res.arrayBuffer();
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe(allowedOrigin);
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
  });

  it("still delivers the answer itself", async () => {
    const { gateway } = await gatewayBefore((stream) => answerOk(stream, lease, hostile));
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    expect((await client.getLease({ name: "namespaces/lab/leases/l1" })).name).toBe("namespaces/lab/leases/l1");
  });
});

describe("a controller that refuses the stream (graceful shutdown)", () => {
  it("is Unavailable, which the portal retries, not Internal", async () => {
    const { gateway, fake } = await gatewayBefore((stream) => stream.close(7 /* REFUSED_STREAM */));
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const err = await failureOf(client.getLease({ name: "namespaces/lab/leases/l1" }));
    expect(fake.calls).toBeGreaterThan(0);
    expect(Code[err.code]).toBe(Code[Code.Unavailable]);
  });
});

describe("a connection lost mid-answer", () => {
  it("is Unavailable for one call", async () => {
    const { gateway } = await gatewayBefore((stream, _headers, drop) => dropMidAnswer(stream, exporters, drop));
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const err = await failureOf(client.listExporters({ parent: "namespaces/lab" }));
    expect(Code[err.code]).toBe(Code[Code.Unavailable]);
  });

  it.each([
    ["its socket destroyed", (_stream: ServerHttp2Stream, dropConnection: () => void) => dropConnection()],
    // Streams then end at different points: inside a message, before the status, reset.
    ["its HTTP/2 session destroyed", (stream: ServerHttp2Stream) => stream.session?.destroy()],
  ])("is Unavailable for every one of several calls in flight, the connection %s", async (_how, cut) => {
    let opened = 0;
    const { gateway } = await gatewayBefore((stream, _headers, dropConnection) => {
      // Half an answer on every stream; the connection goes once all of them are in flight.
      dropMidAnswer(stream, exporters, () => undefined);
      opened += 1;
      if (opened === inFlight) setTimeout(() => cut(stream, dropConnection), 20);
    });
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const errors = await Promise.all(Array.from({ length: inFlight }, () => failureOf(client.listExporters({ parent: "namespaces/lab" }))));
    expect(errors.map((e) => Code[e.code])).toEqual(errors.map(() => Code[Code.Unavailable]));
    expect(errors[0]?.rawMessage).toContain("was lost before its answer was complete");
  });
});

describe("a controller that answers with a status", () => {
  it("keeps its code, even one a lost connection would also give", async () => {
    const { gateway } = await gatewayBefore((stream) =>
      stream.respond(
        { ":status": 200, "content-type": "application/grpc", "grpc-status": String(Code.Canceled), "grpc-message": "http/2 stream closed with error code CANCEL" },
        { endStream: true },
      ),
    );
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const err = await failureOf(client.getLease({ name: "namespaces/lab/leases/l1" }));
    expect(Code[err.code]).toBe(Code[Code.Canceled]);
  });
});
