// Binary gRPC-Web calls (what the portal sends) forwarded without decoding
// their messages (issue 13, the gateway goal). gRPC-Web and gRPC carry the
// same length-prefixed messages, so only framing, headers and trailers are
// translated, on Node's own request and response objects and a raw HTTP/2
// stream to the controller (raw-unary-call.ts): the request's one message
// frame goes to the controller as the browser sent it, and the controller's
// DATA chunks (its message frame) go to the browser as they came, followed by
// the gRPC-Web trailer frame made of the controller's HTTP/2 trailers.
// Everything else of the gateway holds as on the decoding path: the allow-list
// (only served paths get here), body limit, idle and trailer-frame refusals
// (rpc-body.ts), deadline cap, call limit, metadata allow-list, error
// translation and the access log's outcome.
// A malformed message is the controller's to refuse, as behind Envoy's
// grpc-web filter; the wire contract asks the gateway for nothing more [T7].
// gRPC-Web text and JSON, and the Connect protocol, keep the decoding path.
//
// The answer is written once the controller's stream has ended, not chunk by
// chunk: a message frame begun toward the browser cannot be taken back, so a
// connection lost mid-answer could not become the Unavailable the portal
// retries. Its chunks are held as they came (references, never copied).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { IncomingHttpHeaders } from "node:http2";
import { performance } from "node:perf_hooks";
import { Code, ConnectError } from "@connectrpc/connect";
import { compressionNegotiate, createDeadlineSignal, createLinkedAbortController, encodeEnvelope, type Compression } from "@connectrpc/connect/protocol";
import {
  contentTypeProto,
  headerAcceptEncoding,
  headerEncoding,
  headerGrpcStatus,
  parseContentType,
  parseTimeout,
  setTrailerStatus,
  trailerFlag,
  trailerSerialize,
} from "@connectrpc/connect/protocol-grpc-web";
import { validateResponseWithCompression, validateTrailer } from "@connectrpc/connect/protocol-grpc";
import { compressionBrotli, compressionGzip, type Http2SessionManager } from "@connectrpc/connect-node";
import type { CallRecord } from "./access-log.js";
import { browserFields } from "./browser-metadata.js";
import type { CallLimit } from "./call-limit.js";
import { forwardedHeaders } from "./caller-metadata.js";
import { runForwarded, upstreamTimeout } from "./forward.js";
import { rawUnaryCall, type RawUnaryAnswer } from "./raw-unary-call.js";

export interface PassThroughOptions {
  sessions: Http2SessionManager;
  controllerUrl: string;
  upstreamTimeoutMs: number;
  limit: CallLimit;
  /** The largest answer message taken from the controller. */
  readMaxBytes: number;
}

export interface PassThroughCall {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  record: CallRecord;
  /** Reads the whole request body, with the gateway's limits applied (rpc-body.ts). */
  readBody: () => Promise<Uint8Array>;
  /** The call's end: the browser hung up or the gateway stops. */
  signal: AbortSignal;
}

export interface PassThrough {
  /** Whether a request is binary gRPC-Web, the one form passed through. */
  accepts(method: string | undefined, contentType: string | undefined): boolean;
  /** Answers one call; never rejects for an RPC failure (that is the answer's trailer status). */
  handle(call: PassThroughCall): Promise<void>;
}

// The gateway asks the controller for no compression (the browser could not
// take it; the simulator gzips a large list when asked; grpc-go compresses
// only answers to compressed requests). An answer compressed anyway is taken,
// and decompressed: the one case where the gateway touches message bytes.
const acceptCompression: Compression[] = [compressionGzip, compressionBrotli];
const compressedFlag = 0x01;
const callOver = new ConnectError("the call is over", Code.Canceled);

/** Node's header fields as a Headers object (pseudo-headers left out), for Connect's validators. */
function webHeaders(from: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(from)) {
    if (name.startsWith(":") || value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.append(name, String(value));
  }
  return headers;
}

/** The one message frame of a unary gRPC-Web request body, as sent; Connect's words when there is not exactly one. */
export function unaryRequestFrame(body: Uint8Array): Uint8Array {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 0;
  let frames = 0;
  while (at < body.byteLength) {
    if (body.byteLength - at < 5) throw new ConnectError("protocol error: incomplete envelope", Code.InvalidArgument);
    const flags = view.getUint8(at);
    const length = view.getUint32(at + 1);
    if (body.byteLength - at - 5 < length) throw new ConnectError("protocol error: incomplete envelope", Code.InvalidArgument);
    // No request compression is accepted (body-limit.ts): the body limit bounds the message.
    if ((flags & compressedFlag) !== 0) throw new ConnectError("received compressed envelope, but do not know how to decompress", Code.Internal);
    frames += 1;
    at += 5 + length;
  }
  if (frames === 0) throw new ConnectError("protocol error: missing input message for unary method", Code.Unimplemented);
  if (frames > 1) throw new ConnectError("protocol error: received extra input message for unary method", Code.Unimplemented);
  return body;
}

/** The caller's forwarded metadata (caller-metadata.ts), as Node header fields. */
function upstreamFields(headers: IncomingHttpHeaders): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of forwardedHeaders) {
    const value = headers[name];
    if (typeof value === "string") fields[name] = value;
  }
  return fields;
}

interface AnswerFrames {
  frames: Uint8Array[];
  byteLength: number;
  header: IncomingHttpHeaders;
  trailer: IncomingHttpHeaders;
}

// A gRPC content type as the controller sends it; anything else takes Connect's checks.
const grpcProto = /^application\/grpc(\+proto)?$/i;

/**
 * The common answer: HTTP 200, a gRPC content type, no status in the headers,
 * no compression, one message, grpc-status 0 in the trailers. Connect's
 * checks would pass it; it is told apart without building Headers objects.
 */
function plainSuccess(answer: RawUnaryAnswer): boolean {
  const { header, trailer } = answer;
  const type = header["content-type"];
  const encoding = header["grpc-encoding"];
  return (
    header[":status"] === 200 &&
    typeof type === "string" &&
    grpcProto.test(type) &&
    header["grpc-status"] === undefined &&
    (encoding === undefined || encoding === "identity") &&
    trailer["grpc-status"] === "0" &&
    answer.byteLength > 0 &&
    !answer.compressed
  );
}

/** The answer's message frame, checked as Connect's gRPC client checks a unary answer. */
async function answerFrames(answer: RawUnaryAnswer, readMaxBytes: number): Promise<AnswerFrames> {
  const frames = { frames: answer.chunks, byteLength: answer.byteLength, header: answer.header, trailer: answer.trailer };
  if (plainSuccess(answer)) return frames;
  const header = webHeaders(answer.header);
  const trailer = webHeaders(answer.trailer);
  const { compression, headerError } = validateResponseWithCompression(acceptCompression, answer.header[":status"] ?? 0, header);
  validateTrailer(trailer, header);
  if (answer.byteLength === 0) {
    // Trailers only: the controller's status is in the headers.
    if (headerError !== undefined) throw headerError;
    throw new ConnectError("protocol error: missing output message for unary method", trailer.has(headerGrpcStatus) ? Code.Unimplemented : Code.Unknown);
  }
  if (headerError !== undefined) throw new ConnectError("protocol error: received output message for unary method with error status", Code.Unknown);
  if (!answer.compressed) return frames;
  if (compression === undefined) throw new ConnectError("received compressed envelope, but do not know how to decompress", Code.Internal);
  const message = await compression.decompress(Buffer.concat(answer.chunks, answer.byteLength).subarray(5), readMaxBytes);
  const frame = encodeEnvelope(0, message);
  return { ...frames, frames: [frame], byteLength: frame.byteLength };
}

function trailerFrame(trailer: Headers): Uint8Array {
  return encodeEnvelope(trailerFlag, trailerSerialize(trailer));
}

// What nearly every answer ends with: grpc-status 0 and no metadata the portal reads.
const okTrailerFrame = ((): Uint8Array => {
  const trailer = new Headers();
  setTrailerStatus(trailer, undefined);
  return trailerFrame(trailer);
})();

/**
 * Writes a gRPC-Web answer: HTTP 200, then `frames` and the trailer frame, in
 * one go. An answer with a message says its length (no chunked framing around
 * a large body); a refusal is written as Connect's handler writes it, chunked.
 */
function writeAnswer(res: ServerResponse, header: readonly [string, string][], frames: readonly Uint8Array[], byteLength: number, trailer: Uint8Array): void {
  if (res.destroyed) return;
  const fields: Record<string, string | number> = { "content-type": contentTypeProto };
  if (frames.length > 0) fields["content-length"] = byteLength + trailer.byteLength;
  for (const [name, value] of header) fields[name] = value;
  res.writeHead(200, fields);
  res.cork();
  for (const frame of frames) res.write(frame);
  res.end(trailer);
  res.uncork();
}

export function createPassThrough(options: PassThroughOptions): PassThrough {
  const { sessions, controllerUrl, upstreamTimeoutMs, limit, readMaxBytes } = options;

  return {
    accepts(method, contentType) {
      const type = parseContentType(contentType ?? null);
      return method === "POST" && type !== undefined && type.binary && !type.text;
    },

    async handle({ req, res, path, record, readBody, signal }) {
      const started = performance.now();
      const timeout = parseTimeout(typeof req.headers["grpc-timeout"] === "string" ? req.headers["grpc-timeout"] : null, Number.MAX_SAFE_INTEGER);
      // The caller's own deadline, when it sent one, also ends the call (in the queue too).
      const deadline = timeout.timeoutMs === undefined ? undefined : createDeadlineSignal(timeout.timeoutMs);
      const linked = deadline === undefined ? undefined : createLinkedAbortController(signal, deadline.signal);
      const callSignal = linked?.signal ?? signal;
      try {
        if (timeout.error !== undefined) throw timeout.error;
        const encoding = req.headers[headerEncoding];
        const accept = req.headers[headerAcceptEncoding];
        const compression = compressionNegotiate([], typeof encoding === "string" ? encoding : null, typeof accept === "string" ? accept : null, headerAcceptEncoding);
        if (compression.error !== undefined) throw compression.error;
        const frame = unaryRequestFrame(await readBody());
        const answer = await runForwarded({ record, rawHeaders: req.rawHeaders, signal: callSignal }, controllerUrl, limit, async () => {
          const raw = await rawUnaryCall(sessions, {
            path,
            header: upstreamFields(req.headers),
            body: frame,
            signal: callSignal,
            // Taken after any wait in the queue: what is left of the caller's deadline.
            // Whole milliseconds: grpc-timeout is an integer.
            timeoutMs: Math.floor(upstreamTimeout(timeout.timeoutMs === undefined ? undefined : timeout.timeoutMs - (performance.now() - started), upstreamTimeoutMs)),
            readMaxBytes,
          });
          return answerFrames(raw, readMaxBytes);
        });
        const trailerFields = browserFields(answer.trailer);
        let end = okTrailerFrame;
        if (trailerFields.length > 0) {
          const trailer = new Headers(trailerFields);
          setTrailerStatus(trailer, undefined);
          end = trailerFrame(trailer);
        }
        writeAnswer(res, browserFields(answer.header), answer.frames, answer.byteLength, end);
      } catch (e) {
        // As Connect's gRPC-Web handler answers: HTTP 200, the status in a trailer frame.
        const err = e instanceof ConnectError ? e : new ConnectError("internal error", Code.Internal, undefined, undefined, e);
        record.code ??= err.code;
        const trailer = new Headers();
        setTrailerStatus(trailer, err);
        writeAnswer(res, [], [], 0, trailerFrame(trailer));
      } finally {
        deadline?.cleanup();
        // Unhooks the deadline from the call's signal (a reason given: no DOMException made).
        linked?.abort(callOver);
      }
    },
  };
}
