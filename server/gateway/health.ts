// Liveness (/healthz: the process answers) and readiness (/readyz: the
// controller says it serves). Readiness asks the standard gRPC health service,
// which the controller serves without authentication [T4][T7]: Check with
// service "" must answer SERVING; anything else is "not ready", with why.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Code, type Client } from "@connectrpc/connect";
import { HealthCheckResponse_ServingStatus as ServingStatus, type Health } from "../../src/gen/grpc/health/v1/health_pb.js";
import { translateUpstreamError } from "./upstream-error.js";

export type Readiness = { ready: true } | { ready: false; reason: string };

export async function probeController(health: Client<typeof Health>, controllerUrl: string, timeoutMs: number): Promise<Readiness> {
  try {
    const { status } = await health.check({ service: "" }, { timeoutMs });
    if (status === ServingStatus.SERVING) return { ready: true };
    return { ready: false, reason: `the controller at ${controllerUrl} reports ${ServingStatus[status] ?? `status ${status}`}` };
  } catch (e) {
    const err = translateUpstreamError(e, controllerUrl);
    if (err.code === Code.DeadlineExceeded) return { ready: false, reason: `the controller at ${controllerUrl} did not answer within ${timeoutMs} ms` };
    if (err.code === Code.Unimplemented) {
      return { ready: false, reason: `the controller at ${controllerUrl} does not serve grpc.health.v1.Health (${err.rawMessage})` };
    }
    return { ready: false, reason: `${Code[err.code]}: ${err.rawMessage}` };
  }
}

export interface HealthEndpoints {
  live(req: IncomingMessage, res: ServerResponse): void;
  ready(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

function reply(req: IncomingMessage, res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end(req.method === "HEAD" ? undefined : `${text}\n`);
}

function allowRead(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method === "GET" || req.method === "HEAD") return true;
  res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" }).end("method not allowed\n");
  return false;
}

export function createHealthEndpoints(probe: () => Promise<Readiness>): HealthEndpoints {
  return {
    live(req, res) {
      if (allowRead(req, res)) reply(req, res, 200, "ok");
    },
    async ready(req, res) {
      if (!allowRead(req, res)) return;
      const state = await probe();
      if (state.ready) reply(req, res, 200, "ready");
      else reply(req, res, 503, `not ready: ${state.reason}`);
    },
  };
}
