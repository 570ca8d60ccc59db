// The gateway in front of a controller that speaks gRPC only over TLS [T7]:
// the real lab simulator with its own CA, trusted through --ca-file, refused
// (as unreachable, saying why) without it, accepted unverified with
// --insecure; and what the gateway's TLS client offers: ALPN h2 only, SNI for
// a host name and none for an IP address.
import { mkdtempSync, rmSync } from "node:fs";
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import tls from "node:tls";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startLab, type RunningLab } from "../lab/lab.js";
import { ensureTlsMaterial } from "../lab/tls-material.js";
import { startGateway, type GatewayOptions } from "./gateway.js";
import { serverName } from "./upstream.js";

const scenario = {
  namespace: "tls",
  clients: [{ name: "alice" }],
  exporters: [{ name: "board-01", labels: { board: "rpi5" } }],
};

let dir: string;
let lab: RunningLab;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gateway-tls-"));
  lab = await startLab({ port: 0, dataDir: join(dir, "lab"), scenario });
});

afterAll(async () => {
  await lab.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** What alice sends: her token as the lab minted it, and the call metadata of [H1]. */
function alice(): { headers: Record<string, string> } {
  const token = lab.clients.find((c) => c.name === "alice")?.token ?? "";
  return {
    headers: { authorization: `Bearer ${token}`, "jumpstarter-namespace": "tls", "jumpstarter-kind": "Client", "jumpstarter-name": "alice" },
  };
}

async function listThrough(extra: Partial<GatewayOptions>, controller = lab.url): Promise<string[]> {
  const gateway = await startGateway({ controller, log: () => undefined, ...extra });
  try {
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const res = await client.listExporters({ parent: "namespaces/tls" }, alice());
    return res.exporters.map((e) => e.name);
  } finally {
    await gateway.stop();
  }
}

describe("a TLS controller (the lab simulator and its CA)", () => {
  it("is an https:// URL", () => {
    expect(lab.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });

  it("is reached when its CA is given", async () => {
    expect(await listThrough({ caFile: lab.caFile })).toEqual(["namespaces/tls/exporters/board-01"]);
  });

  it("is reached by its host name, which its certificate names", async () => {
    expect(await listThrough({ caFile: lab.caFile }, `https://localhost:${lab.port}`)).toEqual(["namespaces/tls/exporters/board-01"]);
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

  it("is ready when its Health answers SERVING over TLS", async () => {
    const gateway = await startGateway({ controller: lab.url, caFile: lab.caFile, log: () => undefined });
    try {
      const res = await fetch(`${gateway.url}/readyz`);
      expect({ status: res.status, text: (await res.text()).trim() }).toEqual({ status: 200, text: "ready" });
    } finally {
      await gateway.stop();
    }
  });

  it("refuses a CA file that cannot be read, at start", async () => {
    await expect(startGateway({ controller: lab.url, caFile: join(dir, "missing.pem") })).rejects.toThrow(/cannot read the CA file/);
  });

  it("refuses TLS settings for a cleartext controller, at start", async () => {
    await expect(startGateway({ controller: "http://127.0.0.1:1", insecure: true })).rejects.toThrow(/https:\/\/ controller only/);
  });
});

describe("what the gateway's TLS client offers [T7]", () => {
  interface Hello {
    servername: string | false;
    protocols: string[];
  }
  let server: tls.Server;
  let port: number;
  let caFile: string;
  const hellos: Hello[] = [];

  beforeAll(async () => {
    const material = await ensureTlsMaterial(join(dir, "recorder"), { listenHost: "127.0.0.1" });
    caFile = material.caFile;
    // Answers every call as a controller refusing it would; records each ClientHello.
    const h2 = http2.createServer((req, res) => {
      req.resume();
      res.writeHead(200, { "content-type": "application/grpc", "grpc-status": String(Code.PermissionDenied), "grpc-message": "recorded" });
      res.end();
    });
    server = tls.createServer({
      cert: material.certPem,
      key: material.keyPem,
      ALPNCallback: ({ servername, protocols }) => {
        hellos.push({ servername, protocols });
        return protocols.includes("h2") ? "h2" : undefined;
      },
    });
    server.on("secureConnection", (socket) => h2.emit("connection", socket));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function helloFor(controller: string): Promise<Hello | undefined> {
    hellos.length = 0;
    await expect(listThrough({ caFile }, controller)).rejects.toThrow("recorded");
    return hellos[0];
  }

  it("offers ALPN h2 only and sends the host name as SNI", async () => {
    expect(await helloFor(`https://localhost:${port}`)).toEqual({ servername: "localhost", protocols: ["h2"] });
  });

  it("sends no SNI for an IP address", async () => {
    expect(await helloFor(`https://127.0.0.1:${port}`)).toEqual({ servername: false, protocols: ["h2"] });
  });

  it("names the server from the URL", () => {
    expect(serverName(new URL("https://jumpstarter.example.com:443"))).toBe("jumpstarter.example.com");
    expect(serverName(new URL("https://10.0.0.7:8082"))).toBeUndefined();
    expect(serverName(new URL("https://[::1]:8082"))).toBeUndefined();
  });
});
