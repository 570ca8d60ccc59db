// The lab's port as the controller's [T1][T2][T9]: TLS by default with a
// certificate from the lab's own CA, ALPN preferring http/1.1 (so only gRPC
// clients, which offer h2 alone, get HTTP/2), gRPC for HTTP/2 requests with
// a gRPC content-type only; cleartext h2c or a certificate of your own on request.
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http2 from "node:http2";
import https from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { createClient } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Health, HealthCheckResponse_ServingStatus as ServingStatus } from "../../src/gen/grpc/health/v1/health_pb.js";
import { startLab, type RunningLab } from "./lab.js";
import { Code, labTransport, rpcError, startTestLab, TEST_SCENARIO, type TestLab } from "./testing/lab-harness.js";
import { ensureTlsMaterial } from "./tls-material.js";

/**
 * A gRPC call that needs no credentials [T4]: what these tests ask to see
 * that a client got through, whatever the lab's authentication rules.
 */
async function healthThrough(lab: Pick<RunningLab, "url" | "caPem">): Promise<ServingStatus> {
  return (await createClient(Health, labTransport(lab)).check({ service: "" })).status;
}

/** The protocol a TLS client offering `alpn` ends up with, and whether it verified the lab with the CA alone. */
function handshake(lab: RunningLab, alpn: string[] | undefined, servername?: string): Promise<{ protocol: string | false; authorized: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect(
      { host: "127.0.0.1", port: lab.port, ca: lab.caPem, ...(alpn === undefined ? {} : { ALPNProtocols: alpn }), ...(servername === undefined ? {} : { servername }) },
      () => {
        resolve({ protocol: socket.alpnProtocol ?? false, authorized: socket.authorized });
        socket.destroy();
      },
    );
    socket.once("error", reject);
  });
}

/** One HTTP/2 request; the status and content-type that come back. */
function http2Request(lab: RunningLab, headers: http2.OutgoingHttpHeaders): Promise<{ status: number; contentType: string | undefined; grpcStatus: string | undefined }> {
  const session = http2.connect(lab.url, lab.caPem === undefined ? {} : { ca: lab.caPem });
  return new Promise<{ status: number; contentType: string | undefined; grpcStatus: string | undefined }>((resolve, reject) => {
    session.once("error", reject);
    const stream = session.request({ ":method": "POST", ...headers });
    let status = 0;
    let contentType: string | undefined;
    let grpcStatus: string | undefined;
    stream.on("response", (h) => {
      status = Number(h[":status"]);
      contentType = h["content-type"];
      grpcStatus = typeof h["grpc-status"] === "string" ? h["grpc-status"] : undefined;
    });
    stream.on("trailers", (h: http2.IncomingHttpHeaders) => {
      if (typeof h["grpc-status"] === "string") grpcStatus = h["grpc-status"];
    });
    stream.resume();
    stream.once("end", () => resolve({ status, contentType, grpcStatus }));
    stream.once("error", reject);
    stream.end(Buffer.alloc(5));
  }).finally(() => session.close());
}

/** One HTTP/1.1 request over TLS (no ALPN offered, like a plain https client). */
function http1Request(lab: RunningLab, path: string, contentType: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      { host: "127.0.0.1", port: lab.port, path, method: "POST", ca: lab.caPem, headers: { "content-type": contentType }, agent: false },
      (res) => {
        res.resume();
        res.once("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.once("error", reject);
    req.end("x");
  });
}

describe("the default: TLS with the lab's own CA", () => {
  let t: TestLab;

  beforeAll(async () => {
    t = await startTestLab();
  });

  afterAll(async () => {
    await t.close();
  });

  it("is an https:// URL with a host:port endpoint, and hands out the CA that verifies it", () => {
    expect(t.lab.url).toBe(`https://127.0.0.1:${t.lab.port}`);
    expect(t.lab.endpoint).toBe(`127.0.0.1:${t.lab.port}`);
    expect(t.lab.caFile).toBe(join(t.dataDir, "tls", "ca.pem"));
    expect(readFileSync(t.lab.caFile ?? "", "utf8")).toBe(t.lab.caPem);
    expect(new X509Certificate(t.lab.caPem ?? "").ca).toBe(true);
  });

  it("answers a gRPC client that trusts only the CA [T9]", async () => {
    expect(await healthThrough(t.lab)).toBe(ServingStatus.SERVING);
  });

  it("verifies for 127.0.0.1 and for localhost with the CA alone [T9]", async () => {
    expect(await handshake(t.lab, ["h2"])).toEqual({ protocol: "h2", authorized: true });
    expect(await handshake(t.lab, ["h2"], "localhost")).toEqual({ protocol: "h2", authorized: true });
  });

  it("prefers http/1.1 when a client offers both, as the controller does [T1]", async () => {
    expect((await handshake(t.lab, ["h2", "http/1.1"])).protocol).toBe("http/1.1");
    expect((await handshake(t.lab, undefined)).protocol).toBe(false);
  });

  it("presents its CA in the chain, so jmp's tls.insecure (trust the chain presented) verifies it [J2]", async () => {
    const presented = await new Promise<string[]>((resolve, reject) => {
      const socket = tls.connect({ host: "127.0.0.1", port: t.lab.port, rejectUnauthorized: false, ALPNProtocols: ["h2"] }, () => {
        const chain: string[] = [];
        for (let c: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true); c !== undefined && c.raw !== undefined; ) {
          chain.push(new X509Certificate(c.raw).toString());
          c = c.issuerCertificate === c ? undefined : c.issuerCertificate;
        }
        socket.destroy();
        resolve(chain);
      });
      socket.once("error", reject);
    });
    expect(presented).toHaveLength(2);
    expect(presented[1]).toBe(t.lab.caPem);
    const trustingWhatWasPresented = { ...t.lab, caPem: presented.join("") };
    expect(await handshake(trustingWhatWasPresented, ["h2"])).toEqual({ protocol: "h2", authorized: true });
  });

  it("refuses a client that offers neither http/1.1 nor h2", async () => {
    await expect(handshake(t.lab, ["spdy/3"])).rejects.toThrow(/no application protocol/);
  });

  it("refuses a client that does not trust the CA", async () => {
    const error = await rpcError(healthThrough({ url: t.lab.url, caPem: undefined }));
    expect(error.message).toMatch(/self-signed certificate in certificate chain/);
  });

  it("has no cleartext listener [T1]", async () => {
    await expect(healthThrough({ url: `http://127.0.0.1:${t.lab.port}`, caPem: undefined })).rejects.toThrow();
  });

  it("answers HTTP/1.1 with 404, whatever it asks for [T2]", async () => {
    const method = "/jumpstarter.client.v1.ClientService/ListExporters";
    expect(await http1Request(t.lab, method, "application/grpc-web+proto")).toBe(404);
    expect(await http1Request(t.lab, method, "application/grpc")).toBe(404);
    expect(await http1Request(t.lab, "/", "text/plain")).toBe(404);
  });

  it("answers HTTP/2 without a gRPC content-type with 404, and gRPC-Web with 415 [T2]", async () => {
    const path = "/jumpstarter.client.v1.ClientService/ListExporters";
    expect((await http2Request(t.lab, { ":path": path, "content-type": "application/json" })).status).toBe(404);
    expect((await http2Request(t.lab, { ":path": "/", "content-type": "text/html" })).status).toBe(404);
    expect((await http2Request(t.lab, { ":path": path, "content-type": "application/grpc-web+proto" })).status).toBe(415);
    expect((await http2Request(t.lab, { ":path": path, "content-type": "application/grpc-web-text" })).status).toBe(415);
  });

  it("hands HTTP/2 with a gRPC content-type to gRPC", async () => {
    const answer = await http2Request(t.lab, { ":path": "/jumpstarter.client.v1.ClientService/NoSuchMethod", "content-type": "application/grpc", te: "trailers" });
    expect(answer).toMatchObject({ status: 200, grpcStatus: String(Code.Unimplemented) });
    expect(answer.contentType).toMatch(/^application\/grpc/);
  });
});

describe("the CA across restarts", () => {
  it("stays, so a client that trusted the lab once keeps trusting it", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lab-transport-"));
    try {
      const first = await startLab({ port: 0, dataDir, scenario: TEST_SCENARIO });
      const ca = first.caPem;
      await first.stop();
      const second = await startLab({ port: 0, dataDir, scenario: TEST_SCENARIO });
      try {
        expect(second.caPem).toBe(ca);
        expect(await healthThrough({ url: second.url, caPem: ca })).toBe(ServingStatus.SERVING);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe("other modes", () => {
  it("serves cleartext h2c with plaintext: true, and has no CA then", async () => {
    const t = await startTestLab({ plaintext: true });
    try {
      expect(t.lab.url).toBe(`http://127.0.0.1:${t.lab.port}`);
      expect(t.lab.caPem).toBeUndefined();
      expect(t.lab.caFile).toBeUndefined();
      expect(await healthThrough(t.lab)).toBe(ServingStatus.SERVING);
    } finally {
      await t.close();
    }
  });

  it("serves a certificate of your own with tls: {certFile, keyFile}", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "lab-own-cert-"));
    try {
      const own = await ensureTlsMaterial(elsewhere, { listenHost: "127.0.0.1" });
      const t = await startTestLab({ tls: { certFile: own.certFile, keyFile: own.keyFile } });
      try {
        expect(t.lab.url).toBe(`https://127.0.0.1:${t.lab.port}`);
        expect(t.lab.caPem).toBeUndefined();
        expect(await healthThrough({ url: t.lab.url, caPem: own.caPem })).toBe(ServingStatus.SERVING);
      } finally {
        await t.close();
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("refuses plaintext together with a certificate", async () => {
    await expect(startTestLab({ plaintext: true, tls: { certFile: "c.pem", keyFile: "k.pem" } })).rejects.toThrow(/either plaintext or TLS/);
  });
});
