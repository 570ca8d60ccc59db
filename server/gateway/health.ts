// Liveness (/healthz: the process answers) and readiness (/readyz: the
// controller answers gRPC). Readiness calls a ClientService method without a
// token: Unauthenticated proves a live controller without needing a secret.
import type { IncomingMessage, ServerResponse } from "node:http";
import { Code, type Client } from "@connectrpc/connect";
import type { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { translateUpstreamError } from "./upstream-error.js";

export type Readiness = { ready: true } | { ready: false; reason: string };

// Answers that only a controller serving ClientService gives.
const reachableCodes = new Set([Code.Unauthenticated, Code.PermissionDenied, Code.InvalidArgument, Code.NotFound]);

export async function probeController(client: Client<typeof ClientService>, controllerUrl: string, timeoutMs: number): Promise<Readiness> {
  try {
    await client.getLease({ name: "namespaces/readyz/leases/readyz" }, { timeoutMs });
    return { ready: true };
  } catch (e) {
    const err = translateUpstreamError(e, controllerUrl);
    if (reachableCodes.has(err.code)) return { ready: true };
    if (err.code === Code.DeadlineExceeded) return { ready: false, reason: `the controller at ${controllerUrl} did not answer within ${timeoutMs} ms` };
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
