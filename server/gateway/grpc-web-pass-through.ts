// Binary gRPC-Web calls (what the portal sends) forwarded without decoding
// their messages (issue 13, the gateway goal). gRPC-Web and gRPC carry the
// same length-prefixed messages, so only framing, headers and trailers are
// translated: the request message goes to the controller as the browser sent
// it, and the answer comes back as the controller sent it, unknown fields and
// all. Everything else of the gateway holds as on the decoding path: the
// allow-list (only served paths get here), body limit, idle and trailer-frame
// refusals (applied by rpc-handler.ts before), deadline cap, call limit,
// metadata allow-list, error translation and the access log's outcome.
// A malformed message is the controller's to refuse, as behind Envoy's
// grpc-web filter; the wire contract asks the gateway for nothing more [T7].
// gRPC-Web text and JSON, and the Connect protocol, keep the decoding path.
import { performance } from "node:perf_hooks";
import { Code, ConnectError } from "@connectrpc/connect";
import {
  compressionNegotiate,
  createAsyncIterable,
  createDeadlineSignal,
  createLinkedAbortController,
  encodeEnvelope,
  pipeTo,
  sinkAll,
  transformDecompressEnvelope,
  transformSplitEnvelope,
  type UniversalClientFn,
  type UniversalServerRequest,
  type UniversalServerResponse,
} from "@connectrpc/connect/protocol";
import {
  contentTypeProto,
  headerAcceptEncoding,
  headerContentType,
  headerEncoding,
  headerTimeout,
  parseContentType,
  parseTimeout,
  setTrailerStatus,
  trailerFlag,
  trailerSerialize,
} from "@connectrpc/connect/protocol-grpc-web";
import type { CallRecord } from "./access-log.js";
import { browserMetadata } from "./browser-metadata.js";
import type { CallLimit } from "./call-limit.js";
import { upstreamHeaders } from "./caller-metadata.js";
import { runForwarded, upstreamTimeout } from "./forward.js";
import { passThroughUnary } from "./pass-through-call.js";

export interface PassThroughOptions {
  httpClient: UniversalClientFn;
  controllerUrl: string;
  upstreamTimeoutMs: number;
  limit: CallLimit;
  /** The largest answer message taken from the controller. */
  readMaxBytes: number;
  /** Aborted when the gateway stops: in-flight calls end. */
  shutdownSignal: AbortSignal;
}

export interface PassThrough {
  /** Whether a request is binary gRPC-Web, the one form passed through. */
  accepts(method: string | undefined, contentType: string | undefined): boolean;
  /** The answer to one call to `path`; never rejects: a failure is the answer's trailer status. */
  handle(req: UniversalServerRequest, path: string, record: CallRecord, rawHeaders: readonly string[]): Promise<UniversalServerResponse>;
}

// The request body is bounded by the body limit before it gets here.
const noMessageLimit = 0xffffffff;

/** The one message of a unary gRPC-Web request body, as bytes; Connect's words when there is not exactly one. */
export async function readUnaryMessage(body: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  // No request compression is accepted (body-limit.ts): a compressed frame is refused here.
  const envelopes = await pipeTo(body, transformSplitEnvelope(noMessageLimit), transformDecompressEnvelope(null, noMessageLimit), sinkAll(), {
    propagateDownStreamError: false,
  });
  const [first, extra] = envelopes;
  if (first === undefined) throw new ConnectError("protocol error: missing input message for unary method", Code.Unimplemented);
  if (extra !== undefined) throw new ConnectError("protocol error: received extra input message for unary method", Code.Unimplemented);
  return first.data;
}

/** The 5 bytes before a gRPC(-Web) frame's payload: flags, then the length (big-endian). */
function frameHeader(flags: number, length: number): Uint8Array {
  const header = new Uint8Array(5);
  header[0] = flags;
  new DataView(header.buffer).setUint32(1, length);
  return header;
}

function trailerFrame(trailer: Headers): Uint8Array {
  return encodeEnvelope(trailerFlag, trailerSerialize(trailer));
}

export function createPassThrough(options: PassThroughOptions): PassThrough {
  const { httpClient, controllerUrl, upstreamTimeoutMs, limit, readMaxBytes, shutdownSignal } = options;
  const base = controllerUrl.replace(/\/+$/, "");

  return {
    accepts(method, contentType) {
      const type = parseContentType(contentType ?? null);
      return method === "POST" && type !== undefined && type.binary && !type.text;
    },

    async handle(req, path, record, rawHeaders) {
      const header = new Headers({ [headerContentType]: contentTypeProto });
      const trailer = new Headers();
      const started = performance.now();
      const timeout = parseTimeout(req.header.get(headerTimeout), Number.MAX_SAFE_INTEGER);
      const deadline = createDeadlineSignal(timeout.timeoutMs);
      const call = createLinkedAbortController(shutdownSignal, req.signal, deadline.signal);
      let body: Uint8Array[];
      try {
        if (timeout.error !== undefined) throw timeout.error;
        const compression = compressionNegotiate([], req.header.get(headerEncoding), req.header.get(headerAcceptEncoding), headerAcceptEncoding);
        if (compression.error !== undefined) throw compression.error;
        const message = await readUnaryMessage(req.body instanceof Uint8Array ? createAsyncIterable([req.body]) : (req.body as AsyncIterable<Uint8Array>));
        const answer = await runForwarded({ record, rawHeaders, signal: call.signal }, controllerUrl, limit, () =>
          passThroughUnary(httpClient, {
            url: base + path,
            header: upstreamHeaders(req.header),
            message,
            signal: call.signal,
            // Taken after any wait in the queue: what is left of the caller's deadline.
            // Whole milliseconds: grpc-timeout is an integer.
            timeoutMs: Math.floor(upstreamTimeout(timeout.timeoutMs === undefined ? undefined : timeout.timeoutMs - (performance.now() - started), upstreamTimeoutMs)),
            readMaxBytes,
          }),
        );
        browserMetadata(answer.header).forEach((value, key) => header.append(key, value));
        browserMetadata(answer.trailer).forEach((value, key) => trailer.append(key, value));
        setTrailerStatus(trailer, undefined);
        // The frame header apart from the message: the answer's bytes are written as they came, never copied.
        body = [frameHeader(0, answer.message.byteLength), answer.message, trailerFrame(trailer)];
      } catch (e) {
        // As Connect's gRPC-Web handler answers: HTTP 200, the status in a trailer frame.
        const err = e instanceof ConnectError ? e : new ConnectError("internal error", Code.Internal, undefined, undefined, e);
        record.code ??= err.code;
        setTrailerStatus(trailer, err);
        body = [trailerFrame(trailer)];
      } finally {
        deadline.cleanup();
        // Also unhooks the call from the shutdown signal.
        call.abort();
      }
      return { status: 200, header, body: createAsyncIterable(body) };
    },
  };
}
