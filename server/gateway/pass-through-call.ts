// One unary gRPC call to the controller with the request message's bytes as
// the browser sent them and the answer's bytes as the controller sent them:
// no protobuf decoding on either side (issue 13, the gateway goal). Only the
// gRPC framing, headers and trailers are read, with Connect's own protocol
// helpers, so a failure reads as it did through Connect's gRPC transport
// (same codes and texts, which upstream-error.ts translates).
import { Code, ConnectError } from "@connectrpc/connect";
import {
  createAsyncIterable,
  createDeadlineSignal,
  createLinkedAbortController,
  encodeEnvelope,
  getAbortSignalReason,
  pipeTo,
  sinkAll,
  transformDecompressEnvelope,
  transformSplitEnvelope,
  type UniversalClientFn,
} from "@connectrpc/connect/protocol";
import { headerGrpcStatus, requestHeaderWithCompression, validateResponseWithCompression, validateTrailer } from "@connectrpc/connect/protocol-grpc";
import { compressionBrotli, compressionGzip } from "@connectrpc/connect-node";

// No grpc-accept-encoding is sent: browsers cannot take compressed gRPC-Web
// messages, so an answer compressed for the gateway would have to be
// decompressed here, at a cost on both sides (the simulator gzips a large list
// when asked; the controller, grpc-go, compresses only answers to compressed
// requests). An answer that comes compressed anyway is still taken, and
// decompressed: the one case where the gateway touches message bytes.
const advertisedCompression: [] = [];
const acceptCompression = [compressionGzip, compressionBrotli];

export interface PassThroughRequest {
  /** The controller's base URL and the method's path, "/package.Service/Method". */
  url: string;
  /** The metadata to send (upstreamHeaders of the caller's). */
  header: Headers;
  /** The request message, as protobuf bytes, unread. */
  message: Uint8Array;
  /** Ends the call: the caller hung up or the gateway stops. */
  signal: AbortSignal;
  timeoutMs: number;
  /** The largest answer message taken. */
  readMaxBytes: number;
}

export interface PassThroughAnswer {
  header: Headers;
  /** The answer message, as protobuf bytes, unread. */
  message: Uint8Array;
  trailer: Headers;
}

/** Calls the controller; resolves with its answer, or rejects with a ConnectError as Connect's gRPC transport words it. */
export async function passThroughUnary(httpClient: UniversalClientFn, req: PassThroughRequest): Promise<PassThroughAnswer> {
  const deadline = createDeadlineSignal(req.timeoutMs);
  const call = createLinkedAbortController(req.signal, deadline.signal);
  try {
    const res = await httpClient({
      url: req.url,
      method: "POST",
      header: requestHeaderWithCompression(true, req.timeoutMs, req.header, advertisedCompression, null),
      signal: call.signal,
      body: createAsyncIterable([encodeEnvelope(0, req.message)]),
    });
    const { compression, headerError } = validateResponseWithCompression(acceptCompression, res.status, res.header);
    const messages = await pipeTo(
      res.body,
      transformSplitEnvelope(req.readMaxBytes),
      transformDecompressEnvelope(compression ?? null, req.readMaxBytes),
      sinkAll(),
      { propagateDownStreamError: false },
    );
    validateTrailer(res.trailer, res.header);
    const [first, extra] = messages;
    if (first === undefined) {
      // Trailers only: the controller's status is in the headers.
      if (headerError !== undefined) throw headerError;
      throw new ConnectError("protocol error: missing output message for unary method", res.trailer.has(headerGrpcStatus) ? Code.Unimplemented : Code.Unknown);
    }
    if (extra !== undefined) throw new ConnectError("protocol error: received extra output message for unary method", Code.Unimplemented);
    if (headerError !== undefined) throw new ConnectError("protocol error: received output message for unary method with error status", Code.Unknown);
    return { header: res.header, message: first.data, trailer: res.trailer };
  } catch (e) {
    // As Connect does: a passed deadline wins over however the HTTP/2 client worded the abort.
    throw ConnectError.from(deadline.signal.aborted ? getAbortSignalReason(deadline.signal) : e);
  } finally {
    deadline.cleanup();
    call.abort();
  }
}
