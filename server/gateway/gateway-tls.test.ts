// The gateway in front of a controller that speaks gRPC over TLS: trusted
// through --ca-file, refused (as unreachable, saying why) without it, and
// accepted unverified with --insecure. The certificate is made for the test.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startLab } from "../lab/lab.js";
import { startGateway, type GatewayOptions } from "./gateway.js";

const scenario = {
  namespace: "tls",
  clients: [{ name: "alice", token: "alice-tls-token" }],
  exporters: [{ name: "board-01", labels: { board: "rpi5" } }],
};
const alice = { headers: { authorization: "Bearer alice-tls-token" } };

let dir: string;
let certFile: string;
let lab: Awaited<ReturnType<typeof startLab>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gateway-tls-"));
  certFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  execFileSync(
    "openssl",
    ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
      "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", keyFile, "-out", certFile],
    { stdio: "ignore" },
  );
  lab = await startLab({ port: 0, dataDir: join(dir, "lab"), scenario, tls: { certFile, keyFile } });
});

afterAll(async () => {
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function listThrough(extra: Partial<GatewayOptions>): Promise<string[]> {
  const gateway = await startGateway({ controller: lab.url, log: () => undefined, ...extra });
  try {
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const res = await client.listExporters({ parent: "namespaces/tls" }, alice);
    return res.exporters.map((e) => e.name);
  } finally {
    await gateway.stop();
  }
}

describe("a TLS controller", () => {
  it("is an https:// URL", () => {
    expect(lab.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("is reached when its CA is given", async () => {
    expect(await listThrough({ caFile: certFile })).toEqual(["namespaces/tls/exporters/board-01"]);
  });

  it("is refused when its certificate cannot be verified, with Unavailable saying so", async () => {
    let err: ConnectError | undefined;
    try {
      await listThrough({});
    } catch (e) {
      err = ConnectError.from(e);
    }
    expect(err?.code).toBe(Code.Unavailable);
    expect(err?.rawMessage).toContain(`the controller at ${lab.url} cannot be reached`);
    expect(err?.rawMessage).toMatch(/certificate/i);
  });

  it("is reached unverified with insecure", async () => {
    expect(await listThrough({ insecure: true })).toEqual(["namespaces/tls/exporters/board-01"]);
  });

  it("refuses a CA file that cannot be read, at start", async () => {
    await expect(startGateway({ controller: lab.url, caFile: join(dir, "missing.pem") })).rejects.toThrow(/cannot read the CA file/);
  });

  it("refuses TLS settings for a cleartext controller, at start", async () => {
    await expect(startGateway({ controller: "http://127.0.0.1:1", insecure: true })).rejects.toThrow(/https:\/\/ controller only/);
  });
});
