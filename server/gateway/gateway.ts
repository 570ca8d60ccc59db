// The portal gateway: one HTTP/1.1 server that serves the built SPA and
// forwards the ClientService from gRPC-Web/Connect to the controller's gRPC.
// It holds no token: each call carries the caller's own.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { setMaxListeners } from "node:events";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { createCallLimit } from "./call-limit.js";
import { createClientErrorHandler } from "./client-error.js";
import { createCorsPolicy } from "./cors.js";
import { maxTimerMs } from "./deadline.js";
import { forwardRoutes } from "./forward.js";
import { createPassThrough } from "./grpc-web-pass-through.js";
import { createHealthEndpoints, probeController } from "./health.js";
import { createKiosk, type WallOptions } from "./kiosk.js";
import { createRpcHandler } from "./rpc-handler.js";
import { loadPortalConfig, providerOrigins, type PortalConfigOptions } from "./portal-config.js";
import { applySecurityHeaders, securityHeaders } from "./security-headers.js";
import { createStaticFiles, type StaticFiles } from "./static-files.js";
import { createUpstream, upstreamReadMaxBytes } from "./upstream.js";

export interface GatewayOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 0: a free port. */
  port?: number;
  /** The Jumpstarter controller: http:// (h2c) or https:// (TLS). */
  controller: string;
  /** PEM bundle that verifies the controller's certificate instead of the system roots (a lab's `RunningLab.caFile`). */
  caFile?: string | undefined;
  /** Skip TLS verification of the controller. Development only. */
  insecure?: boolean;
  /** The built SPA; nothing but the API and health when absent. */
  staticDir?: string;
  /** Compress the SPA's files at start rather than on each one's first request (the servers people use; tests start many gateways and leave it off). */
  precompress?: boolean;
  /** Origins allowed to call the API cross-origin; none by default. */
  allowedOrigins?: string[];
  /** Largest RPC request body; default 1 MiB. */
  maxBodyBytes?: number;
  /** Longest controller call; default 30 s. */
  upstreamTimeoutMs?: number;
  /** Longest wait for a request's headers; default 10 s (Node's own: 60 s). */
  headersTimeoutMs?: number;
  /** Longest wait for a whole request, headers and body; default 30 s (Node's own: 300 s). */
  requestTimeoutMs?: number;
  /** Longest quiet spell inside an RPC request body; default 10 s. */
  bodyIdleTimeoutMs?: number;
  /** Calls in flight toward the controller at once; default 8 (every answer is held whole on one event loop). */
  maxCallsInFlight?: number;
  /** Calls waiting for one of those places; default 32; beyond it Unavailable at once. */
  maxCallsQueued?: number;
  /** Longest wait for a place before Unavailable; default 250 ms, the p99 goal of a dashboard poll. */
  maxQueueWaitMs?: number;
  /** Where call log lines go; default console.log. */
  log?: (line: string) => void;
  /** Sign-in configuration the SPA reads at /portal-config.json: namespace and OIDC providers. */
  portal?: PortalConfigOptions;
  /** The wall display's kiosk access (kiosk.ts): its read-only client token, wall key, refresh. */
  wall?: WallOptions;
}

export interface RunningGateway {
  url: string;
  port: number;
  /** Settles once the SPA's files are compressed (with `precompress`); at once otherwise. */
  staticFilesReady: Promise<void>;
  stop(): Promise<void>;
}

export const defaultMaxBodyBytes = 1024 * 1024;
export const defaultUpstreamTimeoutMs = 30_000;
export const defaultHeadersTimeoutMs = 10_000;
export const defaultRequestTimeoutMs = 30_000;
export const defaultBodyIdleTimeoutMs = 10_000;
export const defaultMaxCallsInFlight = 8;
export const defaultMaxCallsQueued = 32;
export const defaultMaxQueueWaitMs = 250;
const readinessTimeoutMs = 5_000;
// How long stop() lets in-flight requests finish before cutting connections.
const stopGraceMs = 2_000;

// "/package.Service/Method": the shape of every gRPC path, served or not.
const rpcPath = /^\/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)+\/[A-Za-z_][A-Za-z0-9_]*$/;

function notFound(res: ServerResponse): void {
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("not found\n");
}

function validate(options: GatewayOptions): void {
  const { maxBodyBytes, upstreamTimeoutMs, port } = options;
  if (maxBodyBytes !== undefined && !(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new Error(`maxBodyBytes must be a positive integer, got ${maxBodyBytes}`);
  }
  if (upstreamTimeoutMs !== undefined && !(Number.isFinite(upstreamTimeoutMs) && upstreamTimeoutMs > 0)) {
    throw new Error(`upstreamTimeoutMs must be positive, got ${upstreamTimeoutMs}`);
  }
  if (upstreamTimeoutMs !== undefined && upstreamTimeoutMs > maxTimerMs) {
    throw new Error(`upstreamTimeoutMs must be at most ${maxTimerMs} (about 24.8 days, what Node's timers hold), got ${upstreamTimeoutMs}`);
  }
  for (const name of ["maxCallsInFlight", "maxCallsQueued"] as const) {
    const n = options[name];
    if (n !== undefined && !(Number.isSafeInteger(n) && n >= (name === "maxCallsQueued" ? 0 : 1))) throw new Error(`${name} must be a whole number${name === "maxCallsQueued" ? "" : " of at least 1"}, got ${n}`);
  }
  for (const name of ["headersTimeoutMs", "requestTimeoutMs", "bodyIdleTimeoutMs", "maxQueueWaitMs"] as const) {
    const ms = options[name];
    if (ms !== undefined && !(Number.isFinite(ms) && ms > 0 && ms <= maxTimerMs)) throw new Error(`${name} must be positive and at most ${maxTimerMs}, got ${ms}`);
  }
  const headersMs = options.headersTimeoutMs ?? defaultHeadersTimeoutMs;
  const requestMs = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  if (headersMs > requestMs) throw new Error(`headersTimeoutMs (${headersMs}) must not exceed requestTimeoutMs (${requestMs})`);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65535)) {
    throw new Error(`port must be 0-65535, got ${port}`);
  }
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  validate(options);
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => console.log(line));
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? defaultUpstreamTimeoutMs;
  const statics: StaticFiles | undefined = options.staticDir === undefined ? undefined : await createStaticFiles(options.staticDir, { precompress: options.precompress === true });
  const upstream = createUpstream({ controller: options.controller, caFile: options.caFile, insecure: options.insecure });

  const shutdown = new AbortController();
  // Every call in flight listens on this one signal until it ends (Connect
  // removes the listener then), so more than 10 calls are no leak.
  setMaxListeners(0, shutdown.signal);
  // One limit for both paths to the controller.
  const limit = createCallLimit({
    maxInFlight: options.maxCallsInFlight ?? defaultMaxCallsInFlight,
    maxQueued: options.maxCallsQueued ?? defaultMaxCallsQueued,
    maxQueueWaitMs: options.maxQueueWaitMs ?? defaultMaxQueueWaitMs,
  });
  const rpc = createRpcHandler({
    routes: forwardRoutes({ client: upstream.client, controllerUrl: upstream.url, upstreamTimeoutMs, limit }),
    passThrough: createPassThrough({
      sessions: upstream.sessions,
      controllerUrl: upstream.url,
      upstreamTimeoutMs,
      limit,
      readMaxBytes: upstreamReadMaxBytes,
    }),
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
    maxDeadlineMs: upstreamTimeoutMs,
    bodyIdleTimeoutMs: options.bodyIdleTimeoutMs ?? defaultBodyIdleTimeoutMs,
    shutdownSignal: shutdown.signal,
    log,
  });
  const kiosk = createKiosk({
    ...options.wall,
    client: upstream.client,
    controllerUrl: upstream.url,
    upstreamTimeoutMs,
    maxBodyBytes: options.maxBodyBytes ?? defaultMaxBodyBytes,
    bodyIdleTimeoutMs: options.bodyIdleTimeoutMs ?? defaultBodyIdleTimeoutMs,
    shutdownSignal: shutdown.signal,
    log,
  });
  const cors = createCorsPolicy(options.allowedOrigins ?? []);
  const health = createHealthEndpoints(() =>
    probeController(upstream.health, upstream.url, Math.min(readinessTimeoutMs, upstreamTimeoutMs)),
  );

  // Read once at start: the login service's providers change when the lab's configuration does.
  const portal = await loadPortalConfig(options.portal ?? {});
  if (portal.problem !== undefined) log(JSON.stringify({ time: new Date().toISOString(), error: portal.problem }));
  const headers = securityHeaders(providerOrigins(portal.config), statics?.inlineScriptHashes ?? []);
  const portalConfigBody = JSON.stringify(portal.config);

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    applySecurityHeaders(res, headers);
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    if (path === "/healthz") return health.live(req, res);
    if (path === "/portal-config.json") {
      res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(req.method === "HEAD" ? undefined : portalConfigBody);
      return;
    }
    if (path === "/readyz") return health.ready(req, res);
    if (kiosk.handles(path)) return kiosk.handle(req, res, path);
    if (rpcPath.test(path)) {
      // Another service, or an unknown method: not ours to serve.
      if (!rpc.serves(path)) return notFound(res);
      if (req.method === "OPTIONS") return cors.preflight(req, res);
      cors.decorate(req, res);
      return rpc.handle(req, res, path);
    }
    if (statics === undefined) return notFound(res);
    return statics.serve(req, res, path);
  }

  const headersTimeout = options.headersTimeoutMs ?? defaultHeadersTimeoutMs;
  const requestTimeout = options.requestTimeoutMs ?? defaultRequestTimeoutMs;
  // The response being written on each connection, for the client-error answer.
  const responses = new WeakMap<Duplex, ServerResponse>();
  const serverOptions = {
    headersTimeout,
    requestTimeout,
    // How often Node looks for requests past those timeouts (its default is 30 s).
    connectionsCheckingInterval: Math.max(10, Math.min(1_000, headersTimeout / 4)),
  };
  const server = createServer(serverOptions, (req, res) => {
    responses.set(req.socket, res);
    route(req, res).catch((e: unknown) => {
      log(JSON.stringify({ time: new Date().toISOString(), error: e instanceof Error ? e.message : String(e), path: (req.url ?? "").split("?", 1)[0] }));
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" }).end("internal error\n");
      else res.destroy();
    });
  });
  server.on("clientError", createClientErrorHandler(headers, (socket) => responses.get(socket)?.headersSent === true));

  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.port ?? 0, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    upstream.close();
    throw e;
  }
  const { port } = server.address() as AddressInfo;
  const urlHost = host.includes(":") ? `[${host}]` : host;

  let stopping: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    staticFilesReady: statics?.warmed ?? Promise.resolve(),
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => {
          shutdown.abort();
          server.closeAllConnections();
        }, stopGraceMs);
        server.close(() => {
          clearTimeout(force);
          upstream.close();
          resolve();
        });
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}
