// Clients that send too little, too slowly or too much (issue 12, item 9):
// Node's own 400/408/431 answers carry the gateway's security headers, a
// body that stops arriving is cut off after the configured quiet spell rather
// than held for Node's 300 s, and many calls in flight raise no
// MaxListenersExceededWarning. Raw sockets, since no HTTP client sends these.
import { connect } from "node:net";
import { performance } from "node:perf_hooks";
import { create, toBinary } from "@bufbuild/protobuf";
import { Code, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientService, LeaseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { securityHeaders } from "./security-headers.js";
import { answerOk, startFakeController, type FakeController } from "./testing/fake-controller.js";

const lease = toBinary(LeaseSchema, create(LeaseSchema, { name: "namespaces/lab/leases/l1" }));
const bodyIdleMs = 300;
const requestMs = 20_000;

let fake: FakeController;
/** Short body-idle spell, long request timeout: what cuts a stalled body off is the idle spell. */
let gateway: RunningGateway;
/** Short header and request timeouts, for Node's 408. */
let hasty: RunningGateway;

beforeAll(async () => {
  fake = await startFakeController((stream) => setTimeout(() => answerOk(stream, lease), 200));
  // Room for all 30 calls of the last test at the controller at once: more than 10 in flight is the point.
  gateway = await startGateway({ controller: fake.url, bodyIdleTimeoutMs: bodyIdleMs, requestTimeoutMs: requestMs, maxCallsInFlight: 32, log: () => undefined });
  hasty = await startGateway({ controller: fake.url, headersTimeoutMs: 200, requestTimeoutMs: 400, log: () => undefined });
});

afterAll(async () => {
  await gateway.stop();
  await hasty.stop();
  await fake.close();
});

/** Writes `parts` on a fresh connection (pausing `pauseMs` after each) and reads until the gateway closes it. */
function exchange(baseUrl: string, parts: readonly string[], pauseMs = 0): Promise<{ text: string; elapsedMs: number }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(Number(url.port), url.hostname);
    const received: Buffer[] = [];
    socket.on("data", (c: Buffer) => received.push(c));
    socket.once("error", reject);
    socket.once("close", () => resolve({ text: Buffer.concat(received).toString("latin1"), elapsedMs: performance.now() - started }));
    void (async () => {
      for (const part of parts) {
        if (socket.destroyed) return;
        socket.write(part);
        if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
      }
    })();
  });
}

function expectSecurityHeaders(text: string): void {
  const head = text.split("\r\n\r\n", 1)[0]?.toLowerCase() ?? "";
  for (const [name, value] of Object.entries(securityHeaders())) expect(head, name).toContain(`${name.toLowerCase()}: ${value.toLowerCase()}`);
}

describe("Node's own answers", () => {
  it("400 to a request it cannot parse carries the security headers", async () => {
    const { text } = await exchange(gateway.url, ["NOT HTTP AT ALL\r\n\r\n"]);
    expect(text).toMatch(/^HTTP\/1\.1 400 /);
    expectSecurityHeaders(text);
  });

  it("431 to headers too large carries the security headers", async () => {
    const { text } = await exchange(gateway.url, [`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`]);
    expect(text).toMatch(/^HTTP\/1\.1 431 /);
    expectSecurityHeaders(text);
  });

  it("408 to headers that never finish carries the security headers", async () => {
    const { text } = await exchange(hasty.url, ["GET / HTTP/1.1\r\nHost: x\r\n"]);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expectSecurityHeaders(text);
  });
});

describe("a request body that stops arriving", () => {
  const head = (length: number, extra = ""): string =>
    `POST /jumpstarter.client.v1.ClientService/GetLease HTTP/1.1\r\nHost: x\r\nContent-Type: application/grpc-web+proto\r\nX-Grpc-Web: 1\r\nContent-Length: ${length}\r\n${extra}\r\n`;

  // The gateway closes the connection itself (the test waits for that): the rest of the body may never come.
  it("is cut off after the body-idle spell, long before the request timeout, with DeadlineExceeded", async () => {
    const before = fake.calls;
    // A frame header promising 40 bytes, and 10 of them.
    const { text, elapsedMs } = await exchange(gateway.url, [head(45), "\u0000\u0000\u0000\u0000\u0028", "0123456789"]);
    expect(text).toMatch(/^HTTP\/1\.1 200 /);
    expect(text).toMatch(new RegExp(`grpc-status: ?${Code.DeadlineExceeded}`));
    expect(text).toContain(encodeURIComponent(`the request body stopped arriving: nothing for ${bodyIdleMs} ms`));
    expect(elapsedMs).toBeLessThan(requestMs);
    expect(fake.calls).toBe(before);
  });

  it("while a body arriving in pieces, each within the spell, is served", async () => {
    const frame = Buffer.alloc(5).toString("latin1");
    const { text } = await exchange(gateway.url, [head(5, "Connection: close\r\n"), frame.slice(0, 2), frame.slice(2)], bodyIdleMs / 3);
    expect(text).toMatch(/grpc-status: ?0/);
  });
});

describe("many calls in flight", () => {
  it("raise no MaxListenersExceededWarning with 30 at once", async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error): void => {
      warnings.push(w);
    };
    process.on("warning", onWarning);
    try {
      const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
      const answers = await Promise.all(Array.from({ length: 30 }, () => client.getLease({ name: "namespaces/lab/leases/l1" })));
      expect(answers).toHaveLength(30);
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.map((w) => `${w.name}: ${w.message}`)).toEqual([]);
  });
});
