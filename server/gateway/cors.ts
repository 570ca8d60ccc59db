// Cross-origin access to the API. Closed unless origins are configured: the
// SPA is served by this same gateway, so it never needs CORS. When a separate
// origin (a dev server, another portal) is allowed, answer its preflights with
// what gRPC-Web and Connect need, plus the bearer token and the call metadata
// the gateway forwards [T7].
import type { IncomingMessage, ServerResponse } from "node:http";
import { cors as connectCors } from "@connectrpc/connect";
import { forwardedHeaders } from "./caller-metadata.js";

const allowedHeaders = [...connectCors.allowedHeaders, ...forwardedHeaders].join(", ");
const allowedMethods = connectCors.allowedMethods.join(", ");
const exposedHeaders = connectCors.exposedHeaders.join(", ");
const preflightMaxAgeSeconds = 7200;

export interface CorsPolicy {
  /** Answers an OPTIONS preflight: 204 with the allowances, or 403 for an origin not allowed. */
  preflight(req: IncomingMessage, res: ServerResponse): void;
  /** Adds the allowances to an actual API response when its origin is allowed. */
  decorate(req: IncomingMessage, res: ServerResponse): void;
}

export function createCorsPolicy(allowedOrigins: readonly string[]): CorsPolicy {
  const allowed = new Set(allowedOrigins.map((o) => o.toLowerCase()));
  const allowedOrigin = (req: IncomingMessage): string | undefined => {
    const origin = req.headers.origin;
    return origin !== undefined && allowed.has(origin.toLowerCase()) ? origin : undefined;
  };

  return {
    preflight(req, res) {
      const origin = allowedOrigin(req);
      res.setHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
      if (origin === undefined || req.headers["access-control-request-method"] === undefined) {
        res.writeHead(403, { "Content-Type": "text/plain; charset=utf-8" });
        res.end("cross-origin request not allowed\n");
        return;
      }
      res.writeHead(204, {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": allowedMethods,
        "Access-Control-Allow-Headers": allowedHeaders,
        "Access-Control-Max-Age": String(preflightMaxAgeSeconds),
      });
      res.end();
    },
    decorate(req, res) {
      if (allowed.size === 0) return;
      res.setHeader("Vary", "Origin");
      const origin = allowedOrigin(req);
      if (origin === undefined) return;
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Access-Control-Expose-Headers", exposedHeaders);
    },
  };
}
