// Serves the forwarded ClientService over gRPC-Web and Connect (never plain
// gRPC: browsers can't speak it, and the controller already does). This is
// connectNodeAdapter's loop, kept here so the gateway can cap the body and
// log each call's outcome, including refusals that happen before the forwarder.
import type { IncomingMessage, ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { createConnectRouter, createContextValues, type ConnectRouter } from "@connectrpc/connect";
import { universalRequestFromNodeRequest, universalResponseToNodeResponse } from "@connectrpc/connect-node";
import type { UniversalHandler } from "@connectrpc/connect/protocol";
import { callRecordKey, codeFromStatusHeader, formatCallLine, type CallRecord } from "./access-log.js";
import { limitBodyIdle } from "./body-idle.js";
import { limitBody } from "./body-limit.js";
import { rawRequestHeadersKey } from "./caller-metadata.js";
import { clampDeadlineHeaders } from "./deadline.js";
import { isGrpcWeb, refuseTrailerFrames } from "./grpc-web-framing.js";
import type { PassThrough } from "./grpc-web-pass-through.js";

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

      let uReq;
      try {
        const values = createContextValues().set(callRecordKey, record).set(rawRequestHeadersKey, req.rawHeaders);
        uReq = universalRequestFromNodeRequest(req, res, undefined, values);
      } catch {
        // No Host header (HTTP/1.0): nothing sensible to build a URL from.
        res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("bad request\n");
        return;
      }
      clampDeadlineHeaders(uReq.header, options.maxDeadlineMs);
      const body = uReq.body;
      let checked = uReq;
      if (typeof body === "object" && body !== null && Symbol.asyncIterator in body) {
        // Close the connection once the refusal is written: the rest of the body may never come.
        const closeAfterAnswer = (): void => {
          if (!res.headersSent) res.setHeader("Connection", "close");
          res.once("finish", () => req.socket.destroy());
        };
        const flowing = limitBodyIdle(body, options.bodyIdleTimeoutMs, record, closeAfterAnswer);
        const limited = limitBody(flowing, options.maxBodyBytes, req.headers["content-length"], record);
        checked = { ...uReq, body: isGrpcWeb(req.headers["content-type"]) ? refuseTrailerFrames(limited, record) : limited };
      }
      const pass = options.passThrough;
      const answer =
        pass !== undefined && pass.accepts(req.method, req.headers["content-type"])
          ? pass.handle(checked, path, record, req.rawHeaders)
          : handler(checked);
      answer
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
