// What reaches the controller for one call: the caller's authorization and
// deadline, and nothing else of the browser's. The lab simulator does not
// show request headers, so a bare HTTP/2 listener stands in and records them.
import { createServer, type Http2Server, type IncomingHttpHeaders } from "node:http2";
import type { AddressInfo } from "node:net";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { upstreamTimeout } from "./forward.js";

let recorder: Http2Server;
let received: IncomingHttpHeaders[] = [];
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
});

afterAll(async () => {
  await gateway.stop();
  await silentGateway.stop();
  await Promise.all([close(recorder), close(silent)]);
});

describe("the upstream call", () => {
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

  it("carries the caller's deadline, capped by the gateway's", async () => {
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

  it("returns the controller's code, message and custom metadata unchanged", async () => {
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    let err: ConnectError | undefined;
    try {
      await client.getLease({ name: "namespaces/lab/leases/x" });
    } catch (e) {
      err = ConnectError.from(e);
    }
    expect(err?.code).toBe(Code.PermissionDenied);
    expect(err?.rawMessage).toBe("namespace mismatch: 100% not yours");
    expect(err?.metadata.get("x-controller-hint")).toBe("ask the lab owner");
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

describe("upstreamTimeout", () => {
  it("uses what is left of the caller's deadline, within the cap", () => {
    expect(upstreamTimeout(undefined, 30_000)).toBe(30_000);
    expect(upstreamTimeout(1_500, 30_000)).toBe(1_500);
    expect(upstreamTimeout(90_000, 30_000)).toBe(30_000);
    expect(upstreamTimeout(0, 30_000)).toBe(1);
  });
});
