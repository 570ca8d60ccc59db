// ClientService implemented by forwarding every call to the controller.
// The caller's bearer token, call metadata and deadline travel on [T7]
// (caller-metadata.ts); nothing else from the browser does.
import { ConnectError, type CallOptions, type Client, type ConnectRouter, type HandlerContext, type ServiceImpl } from "@connectrpc/connect";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { callRecordKey, type CallRecord } from "./access-log.js";
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

/** What the gateway knows of one call before it goes to the controller. */
export interface ForwardedCall {
  /** The access log's record of the call, given its outcome here. */
  record: CallRecord | undefined;
  /** The caller's raw header lines, to refuse repeated metadata. */
  rawHeaders: readonly string[];
  /** The call's end: the browser hung up, its deadline passed, or the gateway stops. */
  signal: AbortSignal;
}

/**
 * Runs `send` (the controller call) within the call limit, after refusing
 * repeated metadata; a failure comes out as the browser should see it
 * (upstream-error.ts). Shared by the decoding forwarder and the pass-through.
 */
export async function runForwarded<O>(call: ForwardedCall, controllerUrl: string, limit: CallLimit, send: () => Promise<O>): Promise<O> {
  const { record, signal } = call;
  const repeated = repeatedHeaderError(call.rawHeaders);
  if (repeated !== undefined) {
    if (record !== undefined) record.code = repeated.code;
    throw repeated;
  }
  try {
    const out = await limit.run(async () => {
      try {
        return await send();
      } catch (e) {
        throw translateUpstreamError(e, controllerUrl, signal.aborted);
      }
    }, signal);
    if (record !== undefined) record.code = "ok";
    return out;
  } catch (e) {
    // The controller's answer (translated above), or the limit's refusal.
    const err = ConnectError.from(e);
    if (record !== undefined) record.code = err.code;
    throw err;
  }
}

export function forwardRoutes(options: ForwardOptions): (router: ConnectRouter) => void {
  const { client, controllerUrl, upstreamTimeoutMs, limit } = options;

  function forward<O>(ctx: HandlerContext, send: (callOptions: CallOptions) => Promise<O>): Promise<O> {
    const call = { record: ctx.values.get(callRecordKey), rawHeaders: ctx.values.get(rawRequestHeadersKey), signal: ctx.signal };
    return runForwarded(call, controllerUrl, limit, () =>
      send({
        headers: upstreamHeaders(ctx.requestHeader),
        // Taken after any wait in the queue: what is left of the caller's deadline.
        timeoutMs: upstreamTimeout(ctx.timeoutMs(), upstreamTimeoutMs),
        // The browser hung up or its deadline passed: stop the controller call too.
        signal: ctx.signal,
        onHeader: copyInto(ctx.responseHeader),
        onTrailer: copyInto(ctx.responseTrailer),
      }),
    );
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
