// ClientService implemented by forwarding every call to the controller.
// The caller's bearer token, call metadata and deadline travel on [T7]
// (caller-metadata.ts); nothing else from the browser does.
import { ConnectError, type CallOptions, type Client, type ConnectRouter, type HandlerContext, type ServiceImpl } from "@connectrpc/connect";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { callRecordKey } from "./access-log.js";
import type { CallLimit } from "./call-limit.js";
import { rawRequestHeadersKey, repeatedHeaderError, upstreamHeaders } from "./caller-metadata.js";
import { browserMetadata } from "./browser-metadata.js";
import { translateUpstreamError } from "./upstream-error.js";

export interface ForwardOptions {
  client: Client<typeof ClientService>;
  controllerUrl: string;
  /** Upper bound for one controller call, whatever deadline (grpc-timeout) the caller asked for. */
  upstreamTimeoutMs: number;
  /** Bounds the calls in flight toward the controller. */
  limit: CallLimit;
}

/** The caller's deadline (what is left of it), capped by the gateway's own. */
export function upstreamTimeout(remainingMs: number | undefined, capMs: number): number {
  if (remainingMs === undefined) return capMs;
  return Math.max(1, Math.min(remainingMs, capMs));
}

function copyInto(target: Headers): (from: Headers) => void {
  return (from) => browserMetadata(from).forEach((value, key) => target.append(key, value));
}

export function forwardRoutes(options: ForwardOptions): (router: ConnectRouter) => void {
  const { client, controllerUrl, upstreamTimeoutMs, limit } = options;

  async function forward<O>(ctx: HandlerContext, send: (callOptions: CallOptions) => Promise<O>): Promise<O> {
    const record = ctx.values.get(callRecordKey);
    const repeated = repeatedHeaderError(ctx.values.get(rawRequestHeadersKey));
    if (repeated !== undefined) {
      if (record !== undefined) record.code = repeated.code;
      throw repeated;
    }
    try {
      const out = await limit.run(async () => {
        try {
          return await send({
            headers: upstreamHeaders(ctx.requestHeader),
            // Taken after any wait in the queue: what is left of the caller's deadline.
            timeoutMs: upstreamTimeout(ctx.timeoutMs(), upstreamTimeoutMs),
            // The browser hung up or its deadline passed: stop the controller call too.
            signal: ctx.signal,
            onHeader: copyInto(ctx.responseHeader),
            onTrailer: copyInto(ctx.responseTrailer),
          });
        } catch (e) {
          throw translateUpstreamError(e, controllerUrl, ctx.signal.aborted);
        }
      }, ctx.signal);
      if (record !== undefined) record.code = "ok";
      return out;
    } catch (e) {
      // The controller's answer (translated above), or the limit's refusal.
      const err = ConnectError.from(e);
      if (record !== undefined) record.code = err.code;
      throw err;
    }
  }

  // Typed as the full service so a method added to the proto fails to compile here.
  const impl: ServiceImpl<typeof ClientService> = {
    getExporter: (req, ctx) => forward(ctx, (o) => client.getExporter(req, o)),
    listExporters: (req, ctx) => forward(ctx, (o) => client.listExporters(req, o)),
    getLease: (req, ctx) => forward(ctx, (o) => client.getLease(req, o)),
    listLeases: (req, ctx) => forward(ctx, (o) => client.listLeases(req, o)),
    createLease: (req, ctx) => forward(ctx, (o) => client.createLease(req, o)),
    updateLease: (req, ctx) => forward(ctx, (o) => client.updateLease(req, o)),
    deleteLease: (req, ctx) => forward(ctx, (o) => client.deleteLease(req, o)),
    rotateToken: (req, ctx) => forward(ctx, (o) => client.rotateToken(req, o)),
  };

  return (router) => {
    router.service(ClientService, impl);
  };
}
