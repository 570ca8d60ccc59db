// Binary gRPC-Web calls pass their message bytes through the gateway (issue
// 13, the gateway goal): what the browser sends reaches the controller byte
// for byte, and what the controller answers reaches the browser byte for
// byte. The messages below carry what a decode/re-encode cannot keep as it
// came (a field the generated code does not know placed first, a field sent
// twice): a gateway that decodes moves or drops them. A fake controller
// (fault injection: the simulator never sends such bytes) records what it
// receives; the real simulator checks that a malformed message is its to answer.
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { connect, type IncomingHttpHeaders } from "node:http2";
import { Code } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startLab } from "../lab/lab.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { answerOk, grpcFrame, startFakeController, type FakeController } from "./testing/fake-controller.js";
import { upstreamReadMaxBytes } from "./upstream.js";

/** Protobuf bytes: field 1 (string) and an unknown varint field 4242 written first, then field 1 again (last one wins). */
function awkwardMessage(name: string): Buffer {
  const text = (s: string): Buffer => Buffer.concat([Buffer.from([0x0a, Buffer.byteLength(s)]), Buffer.from(s)]);
  // Tag of field 4242, wire type 0: (4242 << 3) | 0 as a varint, then the value 7.
  const unknown = Buffer.from([0x90, 0x95, 0x02, 0x07]);
  return Buffer.concat([unknown, text("first-" + name), text(name)]);
}

interface GrpcWebAnswer {
  status: number;
  messages: Buffer[];
  trailers: Map<string, string>;
}

/** Splits a gRPC-Web body into its message frames and its trailer frame. */
function parseGrpcWeb(status: number, body: Buffer): GrpcWebAnswer {
  const answer: GrpcWebAnswer = { status, messages: [], trailers: new Map() };
  let at = 0;
  while (at + 5 <= body.length) {
    const flags = body[at] ?? 0;
    const length = body.readUInt32BE(at + 1);
    const payload = body.subarray(at + 5, at + 5 + length);
    if ((flags & 0x80) === 0) answer.messages.push(payload);
    else {
      for (const line of payload.toString("utf8").split("\r\n")) {
        const colon = line.indexOf(":");
        if (colon > 0) answer.trailers.set(line.slice(0, colon).trim().toLowerCase(), decodeURIComponent(line.slice(colon + 1).trim()));
      }
    }
    at += 5 + length;
  }
  return answer;
}

/** A binary gRPC-Web call with `body` written as is, as connect-web sends it. */
function grpcWebCall(baseUrl: string, method: string, body: Buffer, headers: Record<string, string> = {}): Promise<GrpcWebAnswer> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: `/jumpstarter.client.v1.ClientService/${method}`,
        headers: { "content-type": "application/grpc-web+proto", "x-grpc-web": "1", ...headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.once("end", () => resolve(parseGrpcWeb(res.statusCode ?? 0, Buffer.concat(chunks))));
      },
    );
    req.once("error", reject);
    req.end(body);
  });
}

describe("message bytes through the gateway, against a fake controller", () => {
  let fake: FakeController;
  let gateway: RunningGateway;
  const answer = awkwardMessage("namespaces/lab/exporters/rpi4-01");
  let received: Buffer[] = [];
  let receivedHeaders: Record<string, unknown>[] = [];
  /** What the gateway's HTTP/2 connection lets the controller send unacknowledged, per call seen. */
  const windows: { stream: number | undefined; connection: number | undefined }[] = [];
  /** The RST_STREAM code each unanswered call (DeleteLease) ended with. */
  const unanswered: (number | undefined)[] = [];
  let unansweredOpened = (): void => undefined;

  beforeAll(async () => {
    fake = await startFakeController((stream, headers) => {
      windows.push({ stream: stream.session?.remoteSettings.initialWindowSize, connection: stream.session?.state.remoteWindowSize });
      if (headers[":path"] === "/jumpstarter.client.v1.ClientService/DeleteLease") {
        stream.once("close", () => unanswered.push(stream.rstCode));
        unansweredOpened();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.once("end", () => {
        received.push(Buffer.concat(chunks));
        receivedHeaders.push({ ...headers });
        if (headers[":path"] === "/jumpstarter.client.v1.ClientService/GetLease") {
          // Compressed though nobody asked: still to be taken.
          stream.respond({ ":status": 200, "content-type": "application/grpc", "grpc-encoding": "gzip" }, { waitForTrailers: true });
          stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
          const frame = grpcFrame(gzipSync(answer));
          frame[0] = 0x01;
          stream.end(frame);
          return;
        }
        if (headers[":path"] === "/jumpstarter.client.v1.ClientService/ListExporters") {
          // A frame header promising one byte more than the gateway takes, and a little of it.
          stream.respond({ ":status": 200, "content-type": "application/grpc" });
          const header = Buffer.alloc(5);
          header.writeUInt32BE(upstreamReadMaxBytes + 1, 1);
          stream.write(Buffer.concat([header, Buffer.alloc(1024)]));
          return;
        }
        answerOk(stream, answer);
      });
    });
    gateway = await startGateway({ controller: fake.url, log: () => undefined, maxBodyBytes: 4096 });
  });

  afterAll(async () => {
    await gateway.stop();
    await fake.close();
  });

  it("gives the browser the controller's answer byte for byte, a field it does not know first and a repeated field kept", async () => {
    const got = await grpcWebCall(gateway.url, "GetExporter", grpcFrame(Buffer.alloc(0)));
    expect(got.trailers.get("grpc-status")).toBe("0");
    expect(got.messages).toHaveLength(1);
    expect(got.messages[0]?.toString("hex")).toBe(answer.toString("hex"));
  });

  it("gives the controller the browser's request byte for byte", async () => {
    received = [];
    const sent = awkwardMessage("namespaces/lab/exporters/rpi4-02");
    const got = await grpcWebCall(gateway.url, "GetExporter", grpcFrame(sent));
    expect(got.trailers.get("grpc-status")).toBe("0");
    expect(received.map((b) => b.toString("hex"))).toEqual([grpcFrame(sent).toString("hex")]);
  });

  it("asks the controller for no compression, and still takes a compressed answer, decompressed", async () => {
    receivedHeaders = [];
    const got = await grpcWebCall(gateway.url, "GetLease", grpcFrame(Buffer.alloc(0)));
    expect(receivedHeaders.map((h) => h["grpc-accept-encoding"])).toEqual([undefined]);
    expect(got.trailers.get("grpc-status")).toBe("0");
    expect(got.messages.map((m) => m.toString("hex"))).toEqual([answer.toString("hex")]);
  });

  it("still caps the request body on passed bytes: ResourceExhausted, and nothing reaches the controller", async () => {
    const before = fake.calls;
    const got = await grpcWebCall(gateway.url, "GetExporter", grpcFrame(Buffer.alloc(5000, 0x41)));
    expect(got.trailers.get("grpc-status")).toBe(String(Code.ResourceExhausted));
    expect(got.trailers.get("grpc-message")).toBe("request body larger than the gateway's limit of 4096 bytes");
    expect(fake.calls).toBe(before);
  });

  it("still caps the answer: a message over the gateway's limit is ResourceExhausted, not taken into memory", async () => {
    const got = await grpcWebCall(gateway.url, "ListExporters", grpcFrame(Buffer.alloc(0)));
    expect(got.messages).toHaveLength(0);
    expect(got.trailers.get("grpc-status")).toBe(String(Code.ResourceExhausted));
    expect(got.trailers.get("grpc-message")).toMatch(/larger than configured readMaxBytes 67108864/);
  });

  it("refuses a compressed request frame (no request compression is accepted) before the controller sees it", async () => {
    const before = fake.calls;
    const frame = grpcFrame(Buffer.from([0x0a, 0x01, 0x78]));
    frame[0] = 0x01;
    const got = await grpcWebCall(gateway.url, "GetExporter", frame);
    expect(got.trailers.get("grpc-status")).toBe(String(Code.Internal));
    expect(got.trailers.get("grpc-message")).toBe("received compressed envelope, but do not know how to decompress");
    expect(fake.calls).toBe(before);
  });

  it("refuses a request that ends inside its frame, as Connect does, before the controller sees it", async () => {
    const before = fake.calls;
    const got = await grpcWebCall(gateway.url, "GetExporter", grpcFrame(Buffer.alloc(10)).subarray(0, 8));
    expect(got.trailers.get("grpc-status")).toBe(String(Code.InvalidArgument));
    expect(got.trailers.get("grpc-message")).toBe("protocol error: incomplete envelope");
    expect(fake.calls).toBe(before);
  });

  it("lets the controller send a large answer without waiting on flow control: 8 MiB per stream, 16 MiB per connection", async () => {
    // The connection's window is widened once its first stream opens: the second call sees it.
    await grpcWebCall(gateway.url, "GetExporter", grpcFrame(Buffer.alloc(0)));
    windows.length = 0;
    await grpcWebCall(gateway.url, "GetExporter", grpcFrame(Buffer.alloc(0)));
    expect(windows[0]?.stream).toBe(8 * 1024 * 1024);
    expect(windows[0]?.connection).toBeGreaterThanOrEqual(16 * 1024 * 1024 - 64 * 1024);
  });

  it("cancels the controller call (RST_STREAM CANCEL) when the browser hangs up", async () => {
    unanswered.length = 0;
    const opened = new Promise<void>((resolve) => {
      unansweredOpened = resolve;
    });
    const url = new URL(gateway.url);
    const req = request({
      host: url.hostname,
      port: url.port,
      method: "POST",
      path: "/jumpstarter.client.v1.ClientService/DeleteLease",
      headers: { "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
      agent: false,
    });
    req.once("error", () => undefined);
    req.end(grpcFrame(Buffer.alloc(0)));
    await opened;
    req.destroy();
    await vi.waitFor(() => expect(unanswered).toEqual([0x8]));
  });

  it("refuses a unary request with two messages, as Connect does, before the controller sees it", async () => {
    const before = fake.calls;
    const got = await grpcWebCall(gateway.url, "GetExporter", Buffer.concat([grpcFrame(Buffer.alloc(0)), grpcFrame(Buffer.alloc(0))]));
    expect(got.trailers.get("grpc-status")).toBe(String(Code.Unimplemented));
    expect(got.trailers.get("grpc-message")).toBe("protocol error: received extra input message for unary method");
    expect(fake.calls).toBe(before);
  });
});

describe("a malformed request message, against the lab simulator", () => {
  type Lab = Awaited<ReturnType<typeof startLab>>;
  let dataDir: string;
  let lab: Lab;
  let gateway: RunningGateway;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "gateway-pass-through-"));
    lab = await startLab({
      host: "127.0.0.1",
      port: 0,
      dataDir,
      scenario: { namespace: "pass", clients: [{ name: "alice" }], exporters: [{ name: "rpi4-01", labels: { board: "rpi4" } }] },
      warn: () => undefined,
    });
    gateway = await startGateway({ controller: lab.url, caFile: lab.caFile, log: () => undefined });
  });

  afterAll(async () => {
    await gateway.stop();
    await lab.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is the controller's to answer: the browser gets the code and message a direct gRPC call gets", async () => {
    // Field 1 (length-delimited) promising 100 bytes that never come: no protobuf parser takes it.
    const malformed = grpcFrame(Buffer.from([0x0a, 0x64, 0x61]));
    const headers = {
      authorization: `Bearer ${lab.clients.find((c) => c.name === "alice")?.token ?? ""}`,
      "jumpstarter-namespace": "pass",
      "jumpstarter-kind": "Client",
      "jumpstarter-name": "alice",
    };
    const expected = await directGrpcCall(lab.url, lab.caPem ?? "", "GetExporter", malformed, headers);
    expect(expected.status).not.toBe("0");
    const got = await grpcWebCall(gateway.url, "GetExporter", malformed, headers);
    expect({ status: got.trailers.get("grpc-status"), message: got.trailers.get("grpc-message") }).toEqual(expected);
  });
});

/** A gRPC call over HTTP/2 with `body` written as is (no gRPC library, which would encode a message itself); its status and message. */
function directGrpcCall(baseUrl: string, ca: string, method: string, body: Buffer, headers: Record<string, string>): Promise<{ status: string | undefined; message: string | undefined }> {
  return new Promise((resolve, reject) => {
    const session = connect(baseUrl, { ca, ALPNProtocols: ["h2"] });
    session.once("error", reject);
    const stream = session.request({ ":method": "POST", ":path": `/jumpstarter.client.v1.ClientService/${method}`, "content-type": "application/grpc", te: "trailers", ...headers });
    let status: { status: string | undefined; message: string | undefined } | undefined;
    const take = (h: IncomingHttpHeaders): void => {
      if (h["grpc-status"] !== undefined) status = { status: String(h["grpc-status"]), message: decodeURIComponent(String(h["grpc-message"] ?? "")) };
    };
    stream.once("response", take);
    stream.once("trailers", take);
    stream.resume();
    stream.once("close", () => {
      session.close();
      resolve(status ?? { status: undefined, message: undefined });
    });
    stream.end(body);
  });
}

describe("a gateway stopping with a passed-through call in flight", () => {
  it("ends the call toward the controller (RST_STREAM CANCEL) and stops", async () => {
    let opened = (): void => undefined;
    const seen = new Promise<void>((resolve) => {
      opened = resolve;
    });
    let rstCode: number | undefined;
    const fake = await startFakeController((stream) => {
      stream.once("close", () => {
        rstCode = stream.rstCode;
      });
      opened();
    });
    const gateway = await startGateway({ controller: fake.url, log: () => undefined });
    try {
      const call = grpcWebCall(gateway.url, "GetLease", grpcFrame(Buffer.alloc(0))).catch(() => undefined);
      await seen;
      await gateway.stop();
      await call;
      await vi.waitFor(() => expect(rstCode).toBe(0x8));
    } finally {
      await fake.close();
    }
  });
});
