// What reaches the controller for one call [T7]: the caller's authorization,
// call metadata and deadline, each once and unchanged, and nothing else of the
// browser's; and what comes back. The lab simulator does not show request
// headers, so a bare HTTP/2 listener (no gRPC library, no interceptors) stands
// in and records them.
import { request as httpRequest } from "node:http";
import { createServer, type Http2Server, type IncomingHttpHeaders } from "node:http2";
import type { AddressInfo } from "node:net";
import { create, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientService, ListExportersResponseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { upstreamTimeout } from "./forward.js";
import { upstreamReadMaxBytes } from "./upstream.js";

let recorder: Http2Server;
let received: IncomingHttpHeaders[] = [];
/** Node's raw header lines of each recorded call: name, value, name, value... */
let receivedRaw: string[][] = [];
let bigGateway: RunningGateway;
let big: Http2Server;
let gateway: RunningGateway;
let silentGateway: RunningGateway;
let silent: Http2Server;

function listen(server: Http2Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function close(server: Http2Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

beforeAll(async () => {
  // Answers every call as a controller refusing the token would, with one custom trailer.
  recorder = createServer((req, res) => {
    received.push(req.headers);
    receivedRaw.push(req.rawHeaders);
    req.resume();
    res.writeHead(200, {
      "content-type": "application/grpc",
      "grpc-status": String(Code.PermissionDenied),
      "grpc-message": encodeURIComponent("namespace mismatch: 100% not yours"),
      "x-controller-hint": "ask the lab owner",
    });
    res.end();
  });
  gateway = await startGateway({ controller: await listen(recorder), upstreamTimeoutMs: 20_000, log: () => undefined });

  // Accepts calls and never answers them.
  silent = createServer((req) => {
    req.resume();
  });
  silentGateway = await startGateway({ controller: await listen(silent), upstreamTimeoutMs: 300, log: () => undefined });

  // Answers ListExporters with one message of more than 5 MiB: what an unpaged list of a large lab can be.
  big = createServer((req, res) => {
    req.resume();
    const message = toBinary(ListExportersResponseSchema, create(ListExportersResponseSchema, { exporters: bigList() }));
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, 5);
    res.writeHead(200, { "content-type": "application/grpc" });
    res.addTrailers({ "grpc-status": "0" });
    res.end(frame);
  });
  bigGateway = await startGateway({ controller: await listen(big), log: () => undefined });
});

const fiveMiB = 5 * 1024 * 1024;
function bigList(): { name: string; labels: Record<string, string> }[] {
  const labels = { board: "rcar-s4", site: "bcn", note: "x".repeat(1000) };
  return Array.from({ length: Math.ceil(fiveMiB / 1000) + 100 }, (_, i) => ({ name: `namespaces/lab/exporters/board-${i}`, labels }));
}

afterAll(async () => {
  await gateway.stop();
  await silentGateway.stop();
  await bigGateway.stop();
  await Promise.all([close(recorder), close(silent), close(big)]);
});

const metadata = { "jumpstarter-namespace": "lab", "jumpstarter-kind": "Client", "jumpstarter-name": "alice" };

/** How often each name occurs in raw header lines. */
function countNames(raw: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < raw.length; i += 2) counts.set((raw[i] ?? "").toLowerCase(), (counts.get((raw[i] ?? "").toLowerCase()) ?? 0) + 1);
  return counts;
}

/** The trailer frame of a gRPC-Web body (flag 0x80): "name: value" lines. */
function grpcWebTrailers(body: Buffer): Map<string, string> {
  const trailers = new Map<string, string>();
  for (let at = 0; at + 5 <= body.length; ) {
    const length = body.readUInt32BE(at + 1);
    if (((body[at] ?? 0) & 0x80) !== 0) {
      for (const line of body.subarray(at + 5, at + 5 + length).toString("utf8").split("\r\n")) {
        const colon = line.indexOf(":");
        if (colon > 0) trailers.set(line.slice(0, colon).trim().toLowerCase(), decodeURIComponent(line.slice(colon + 1).trim()));
      }
    }
    at += 5 + length;
  }
  return trailers;
}

/** A gRPC-Web call with raw header lines (repeats allowed), as no browser would send it. */
function rawGrpcWebCall(baseUrl: string, headerLines: string[]): Promise<{ status: number; grpcStatus: string | undefined; grpcMessage: string | undefined }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: "/jumpstarter.client.v1.ClientService/GetLease",
        // Given as raw lines, Node adds no headers of its own (not even Host).
        headers: ["host", url.host, "content-type", "application/grpc-web+proto", "x-grpc-web", "1", ...headerLines],
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.once("end", () => {
          const trailers = grpcWebTrailers(Buffer.concat(chunks));
          resolve({ status: res.statusCode ?? 0, grpcStatus: trailers.get("grpc-status"), grpcMessage: trailers.get("grpc-message") });
        });
      },
    );
    req.once("error", reject);
    // An empty GetLeaseRequest in one gRPC-Web frame.
    req.end(Buffer.alloc(5));
  });
}

describe("the upstream call", () => {
  it("carries authorization and the jumpstarter-* metadata exactly once each and unchanged [T7][H1]", async () => {
    received = [];
    receivedRaw = [];
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const sent = { authorization: "Bearer eyJ.caller-token.sig", ...metadata, "jumpstarter-name": "Alice, with Comma" };
    await client.getLease({ name: "namespaces/lab/leases/x" }, { headers: sent }).catch(() => undefined);
    expect(receivedRaw).toHaveLength(1);
    const counts = countNames(receivedRaw[0] ?? []);
    for (const [name, value] of Object.entries(sent)) {
      expect(counts.get(name), name).toBe(1);
      expect(received[0]?.[name], name).toBe(value);
    }
  });

  it("sends none of them when the caller sent none", async () => {
    received = [];
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    await client.getLease({ name: "namespaces/lab/leases/x" }).catch(() => undefined);
    expect(Object.keys(received[0] ?? {}).filter((k) => k === "authorization" || k.startsWith("jumpstarter-"))).toEqual([]);
  });

  it.each([
    ["authorization", ["authorization", "Bearer a", "authorization", "Bearer b"], "multiple authorization headers"],
    ["jumpstarter-namespace", ["jumpstarter-namespace", "lab", "Jumpstarter-Namespace", "lab"], "multiple metadata: jumpstarter-namespace"],
    ["jumpstarter-name", ["jumpstarter-name", "alice", "jumpstarter-name", "bob"], "multiple metadata: jumpstarter-name"],
  ])("refuses a repeated %s rather than forward one of them [A7][H2]", async (_name, lines, message) => {
    received = [];
    const answer = await rawGrpcWebCall(gateway.url, lines);
    expect(answer).toEqual({ status: 200, grpcStatus: String(Code.InvalidArgument), grpcMessage: message });
    expect(received).toHaveLength(0);
  });

  it("carries the caller's authorization and nothing else of the browser's", async () => {
    received = [];
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    await client
      .getLease(
        { name: "namespaces/lab/leases/x" },
        { headers: { authorization: "Bearer caller-token", cookie: "session=s3cret", "x-forwarded-for": "10.0.0.1", "x-custom": "1" } },
      )
      .catch(() => undefined);
    expect(received).toHaveLength(1);
    const headers = received[0] ?? {};
    expect(headers[":path"]).toBe("/jumpstarter.client.v1.ClientService/GetLease");
    expect(headers["content-type"]).toBe("application/grpc+proto");
    expect(headers.authorization).toBe("Bearer caller-token");
    expect(headers.cookie).toBeUndefined();
    expect(headers["x-forwarded-for"]).toBeUndefined();
    expect(headers["x-custom"]).toBeUndefined();
    expect(headers["x-grpc-web"]).toBeUndefined();
  });

  it("carries the caller's deadline (grpc-timeout), capped by the gateway's [T7]", async () => {
    received = [];
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    await client.getLease({ name: "namespaces/lab/leases/x" }, { timeoutMs: 5_000 }).catch(() => undefined);
    await client.getLease({ name: "namespaces/lab/leases/x" }, { timeoutMs: 600_000 }).catch(() => undefined);
    await client.getLease({ name: "namespaces/lab/leases/x" }).catch(() => undefined);
    const deadlines = received.map((h) => String(h["grpc-timeout"]));
    const ms = deadlines.map((d) => {
      const match = /^(\d+)(m|S|M)$/.exec(d);
      const unit = match?.[2] === "m" ? 1 : match?.[2] === "S" ? 1000 : 60_000;
      return Number(match?.[1]) * unit;
    });
    expect(ms[0]).toBeGreaterThan(0);
    expect(ms[0]).toBeLessThanOrEqual(5_000);
    expect(ms[1]).toBeLessThanOrEqual(20_000);
    expect(ms[2]).toBeLessThanOrEqual(20_000);
    expect(ms[2]).toBeGreaterThan(5_000);
  });

  it("returns the controller's code and message unchanged, and none of its metadata the portal does not read [T7]", async () => {
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    let err: ConnectError | undefined;
    try {
      await client.getLease({ name: "namespaces/lab/leases/x" });
    } catch (e) {
      err = ConnectError.from(e);
    }
    expect(err?.code).toBe(Code.PermissionDenied);
    expect(err?.rawMessage).toBe("namespace mismatch: 100% not yours");
    // Metadata would become browser-facing headers (issue 12, item 1); the portal reads none.
    expect(err?.metadata.get("x-controller-hint")).toBeNull();
  });

  it("gives up after the gateway's upstream timeout with DeadlineExceeded", async () => {
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: silentGateway.url }));
    let err: ConnectError | undefined;
    try {
      await client.getLease({ name: "namespaces/lab/leases/x" });
    } catch (e) {
      err = ConnectError.from(e);
    }
    expect(err?.code).toBe(Code.DeadlineExceeded);
  });

  it("reports not ready when the controller does not answer", async () => {
    const res = await fetch(`${silentGateway.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/did not answer within 300 ms/);
  });
});

describe("large answers [T7]", () => {
  it("takes answers well above the 4 MiB default of many gRPC clients", async () => {
    expect(upstreamReadMaxBytes).toBeGreaterThanOrEqual(16 * 1024 * 1024);
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: bigGateway.url }));
    const { exporters } = await client.listExporters({ parent: "namespaces/lab" });
    expect(exporters).toHaveLength(bigList().length);
    expect(toBinary(ListExportersResponseSchema, create(ListExportersResponseSchema, { exporters })).length).toBeGreaterThan(fiveMiB);
  });
});

describe("upstreamTimeout", () => {
  it("uses what is left of the caller's deadline, within the cap", () => {
    expect(upstreamTimeout(undefined, 30_000)).toBe(30_000);
    expect(upstreamTimeout(1_500, 30_000)).toBe(1_500);
    expect(upstreamTimeout(90_000, 30_000)).toBe(30_000);
    expect(upstreamTimeout(0, 30_000)).toBe(1);
  });
});
