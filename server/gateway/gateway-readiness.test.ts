// /readyz from grpc.health.v1.Health/Check with service "" [T4][T7]:
// SERVING is ready; any other answer, or none, is 503 saying why.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Http2Server, type IncomingHttpHeaders } from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Health } from "../../src/gen/grpc/health/v1/health_pb.js";
import { createHealthService } from "../lab/health-service.js";
import { startLab, type RunningLab } from "../lab/lab.js";
import { startGateway } from "./gateway.js";

function listen(server: Http2Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

function close(server: Http2Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** GET /readyz of a gateway in front of `controller`. */
async function readiness(controller: string, caFile?: string): Promise<{ status: number; text: string }> {
  const gateway = await startGateway({ controller, caFile, log: () => undefined });
  try {
    const res = await fetch(`${gateway.url}/readyz`);
    return { status: res.status, text: (await res.text()).trim() };
  } finally {
    await gateway.stop();
  }
}

describe("readiness against the lab, which serves Health", () => {
  let dataDir: string;
  let lab: RunningLab;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "gateway-ready-"));
    lab = await startLab({ port: 0, dataDir, scenario: { namespace: "lab", clients: [{ name: "alice" }], exporters: [] } });
  });

  afterAll(async () => {
    await lab.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("is ready while the lab answers SERVING", async () => {
    expect(await readiness(lab.url, lab.caFile)).toEqual({ status: 200, text: "ready" });
  });

  it("is not ready once the lab has stopped, and says the controller cannot be reached", async () => {
    const url = lab.url;
    await lab.stop();
    const answer = await readiness(url, lab.caFile);
    expect(answer.status).toBe(503);
    expect(answer.text).toMatch(new RegExp(`^not ready: Unavailable: the controller at ${url.replace(/\./g, "\\.")} cannot be reached`));
  });
});

describe("readiness against a gRPC server without Health", () => {
  let server: Http2Server;
  let url: string;
  const calls: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    // What grpc-go answers for a service it does not serve.
    server = createServer((req, res) => {
      calls.push(req.headers);
      req.resume();
      res.writeHead(200, { "content-type": "application/grpc", "grpc-status": "12", "grpc-message": "unknown service grpc.health.v1.Health" });
      res.end();
    });
    url = await listen(server);
  });

  afterAll(() => close(server));

  it("is not ready, and says the controller does not serve Health", async () => {
    calls.length = 0;
    expect(await readiness(url)).toEqual({
      status: 503,
      text: `not ready: the controller at ${url} does not serve grpc.health.v1.Health (unknown service grpc.health.v1.Health)`,
    });
    // Health/Check, with no credentials [T4].
    expect(calls.map((h) => h[":path"])).toEqual(["/grpc.health.v1.Health/Check"]);
    expect(calls[0]?.authorization).toBeUndefined();
  });
});

describe("readiness against a controller that is NOT_SERVING", () => {
  let server: Http2Server;
  let url: string;

  beforeAll(async () => {
    const health = createHealthService([]);
    health.shutdown();
    server = createServer(connectNodeAdapter({ routes: (router) => router.service(Health, health.service), grpcWeb: false, connect: false }));
    url = await listen(server);
  });

  afterAll(() => close(server));

  it("is not ready, and names the status", async () => {
    expect(await readiness(url)).toEqual({ status: 503, text: `not ready: the controller at ${url} reports NOT_SERVING` });
  });
});
