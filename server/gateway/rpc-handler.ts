// Serves the forwarded ClientService over gRPC-Web and Connect (never plain
// gRPC: browsers can't speak it, and the controller already does). This is
// connectNodeAdapter's loop, kept here so the gateway can cap the body and
// log each call's outcome, including refusals that happen before the forwarder.
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { Code, ConnectError, createConnectRouter, createContextValues, type ConnectRouter } from "@connectrpc/connect";
import { universalRequestFromNodeRequest, universalResponseToNodeResponse } from "@connectrpc/connect-node";
import type { UniversalHandler } from "@connectrpc/connect/protocol";
import { callRecordKey, codeFromStatusHeader, formatCallLine, type CallRecord } from "./access-log.js";
import { rawRequestHeadersKey } from "./caller-metadata.js";
import { clampDeadlineHeaders, clampGrpcTimeout } from "./deadline.js";
import type { PassThrough } from "./grpc-web-pass-through.js";
import { checkedBody, readCheckedBody } from "./rpc-body.js";

export interface RpcHandlerOptions {
  routes: (router: ConnectRouter) => void;
  /** Serves binary gRPC-Web calls without decoding their messages; the routes serve the rest. */
  passThrough?: PassThrough | undefined;
  maxBodyBytes: number;
  /** The longest deadline a caller may ask for; longer ones are clamped to it (deadline.ts). */
  maxDeadlineMs: number;
  /** Longest quiet spell inside a request body (body-idle.ts). */
  bodyIdleTimeoutMs: number;
  /** Aborted when the gateway stops: in-flight calls end with Canceled. */
  shutdownSignal: AbortSignal;
  log: (line: string) => void;
}

export interface RpcHandler {
  /** Whether `path` (without query) is one of the served procedures. */
  serves(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, path: string): void;
}

const browserGone = new ConnectError("the browser closed the connection", Code.Canceled);

// No Host header (HTTP/1.0): nothing sensible to build a URL from.
function badRequest(res: ServerResponse): void {
  res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("bad request\n");
}

export function createRpcHandler(options: RpcHandlerOptions): RpcHandler {
  const router = createConnectRouter({
    grpcWeb: true,
    connect: true,
    grpc: false,
    // No request decompression: the body limit then bounds the message size.
    acceptCompression: [],
    shutdownSignal: options.shutdownSignal,
  });
  options.routes(router);
  const handlers = new Map<string, UniversalHandler>(router.handlers.map((h) => [h.requestPath, h]));

  return {
    serves: (path) => handlers.has(path),
    handle(req, res, path) {
      const handler = handlers.get(path);
      if (handler === undefined) throw new Error(`no handler for ${path}`);
      const started = performance.now();
      const record: CallRecord = {};
      // Read now: the socket is detached from the request by the time it closes.
      const peer = req.socket.remoteAddress;
      res.once("close", () => {
        options.log(
          formatCallLine({
            method: path,
            code: record.code ?? codeFromStatusHeader(res.getHeader("grpc-status")),
            durationMs: performance.now() - started,
            peer,
          }),
        );
      });

      const pass = options.passThrough;
      if (pass !== undefined && pass.accepts(req.method, req.headers["content-type"])) {
        // No Host header (HTTP/1.0): refused as on the decoding path.
        if (req.headers.host === undefined) return badRequest(res);
        const timeout = req.headers["grpc-timeout"];
        if (typeof timeout === "string") req.headers["grpc-timeout"] = clampGrpcTimeout(timeout, options.maxDeadlineMs);
        // The call's end: the browser hung up before its answer was written, or the gateway stops.
        const ended = new AbortController();
        const { shutdownSignal } = options;
        const onShutdown = (): void => ended.abort(shutdownSignal.reason);
        shutdownSignal.addEventListener("abort", onShutdown, { once: true });
        res.once("close", () => {
          shutdownSignal.removeEventListener("abort", onShutdown);
          if (!res.writableFinished) ended.abort(browserGone);
        });
        const readBody = (): Promise<Uint8Array> => readCheckedBody(req, res, record, options);
        pass.handle({ req, res, path, record, readBody, signal: ended.signal }).catch((reason: unknown) => {
          if (!res.headersSent) res.writeHead(500).end();
          else res.destroy(reason instanceof Error ? reason : undefined);
        });
        return;
      }

      let uReq;
      try {
        const values = createContextValues().set(callRecordKey, record).set(rawRequestHeadersKey, req.rawHeaders);
        uReq = universalRequestFromNodeRequest(req, res, undefined, values);
      } catch {
        return badRequest(res);
      }
      clampDeadlineHeaders(uReq.header, options.maxDeadlineMs);
      const body = uReq.body;
      const checked = typeof body === "object" && body !== null && Symbol.asyncIterator in body ? { ...uReq, body: checkedBody(body, req, res, record, options) } : uReq;
      handler(checked)
        .then((uRes) => universalResponseToNodeResponse(uRes, res))
        .catch((reason: unknown) => {
          // Only a broken connection gets here (RPC errors are answered by the
          // protocol layer); make sure the socket does not linger.
          if (!res.headersSent) res.writeHead(500).end();
          else res.destroy(reason instanceof Error ? reason : undefined);
        });
    },
  };
}
