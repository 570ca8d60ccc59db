// One unary gRPC call to the controller on a raw node:http2 stream of the
// gateway's upstream connection: the request frame goes out as the browser
// sent it, and the answer's DATA chunks are kept as they arrive (no copy, no
// join, no protobuf), their frames followed by a scanner (grpc-frame-scanner.ts)
// that enforces the answer size limit at each frame header (issue 13, the
// gateway goal). Failures are worded as Connect's gRPC client words them (same
// codes and texts), so upstream-error.ts translates them as before.
import type { ClientHttp2Stream, Http2Session, IncomingHttpHeaders, IncomingHttpStatusHeader, OutgoingHttpHeaders } from "node:http2";
import { constants as h2 } from "node:http2";
import { Code, ConnectError } from "@connectrpc/connect";
import { getAbortSignalReason } from "@connectrpc/connect/protocol";
import type { Http2SessionManager } from "@connectrpc/connect-node";
import { createFrameScanner } from "./grpc-frame-scanner.js";
import { upstreamConnectionWindowBytes } from "./upstream.js";

export interface RawUnaryRequest {
  /** "/package.Service/Method". */
  path: string;
  /** The metadata to send (the forwarded ones of the caller's), as Node header fields. */
  header: OutgoingHttpHeaders;
  /** The request body: one gRPC(-Web) message frame, as the browser sent it. */
  body: Uint8Array;
  /** Ends the call: the caller hung up, its deadline passed, or the gateway stops. */
  signal: AbortSignal;
  timeoutMs: number;
  /** The largest answer message taken. */
  readMaxBytes: number;
}

export interface RawUnaryAnswer {
  header: IncomingHttpHeaders & IncomingHttpStatusHeader;
  /** The answer's DATA chunks as they came: one message frame, header included. */
  chunks: Buffer[];
  /** Their total length. */
  byteLength: number;
  /** Whether the message frame is compressed (grpc-encoding in the header): the one case the gateway decompresses. */
  compressed: boolean;
  trailer: IncomingHttpHeaders;
}

// Sessions whose connection-level window has been widened (see upstream.ts).
const widened = new WeakSet<Http2Session>();

function widenConnectionWindow(stream: ClientHttp2Stream): void {
  const session = stream.session;
  if (session === undefined || widened.has(session)) return;
  widened.add(session);
  session.setLocalWindowSize(upstreamConnectionWindowBytes);
}

// The gRPC code of each HTTP/2 reset code and its RFC 9113 name, as Connect maps and words them.
const resetCodes: Readonly<Record<number, readonly [Code, string]>> = {
  [h2.NGHTTP2_PROTOCOL_ERROR]: [Code.Internal, "PROTOCOL_ERROR"],
  [h2.NGHTTP2_INTERNAL_ERROR]: [Code.Internal, "INTERNAL_ERROR"],
  [h2.NGHTTP2_FLOW_CONTROL_ERROR]: [Code.Internal, "FLOW_CONTROL_ERROR"],
  [h2.NGHTTP2_SETTINGS_TIMEOUT]: [Code.Internal, "SETTINGS_TIMEOUT"],
  [h2.NGHTTP2_FRAME_SIZE_ERROR]: [Code.Internal, "FRAME_SIZE_ERROR"],
  [h2.NGHTTP2_COMPRESSION_ERROR]: [Code.Internal, "COMPRESSION_ERROR"],
  [h2.NGHTTP2_CONNECT_ERROR]: [Code.Internal, "CONNECT_ERROR"],
  [h2.NGHTTP2_REFUSED_STREAM]: [Code.Unavailable, "REFUSED_STREAM"],
  [h2.NGHTTP2_CANCEL]: [Code.Canceled, "CANCEL"],
  [h2.NGHTTP2_ENHANCE_YOUR_CALM]: [Code.ResourceExhausted, "ENHANCE_YOUR_CALM"],
  [h2.NGHTTP2_INADEQUATE_SECURITY]: [Code.PermissionDenied, "INADEQUATE_SECURITY"],
  [h2.NGHTTP2_HTTP_1_1_REQUIRED]: [Code.PermissionDenied, "HTTP_1_1_REQUIRED"],
};

/** A stream the controller (or a lost connection) reset, as Connect's HTTP/2 client words it; undefined for none or STREAM_CLOSED. */
function resetError(rstCode: number): ConnectError | undefined {
  const reset = resetCodes[rstCode];
  if (reset === undefined) return undefined;
  return new ConnectError(`http/2 stream closed with error code ${reset[1]} (0x${rstCode.toString(16)})`, reset[0]);
}

/** A Node error (socket, session, stream) as a ConnectError that keeps it as its cause, for upstream-error.ts to read. */
function nodeError(reason: unknown): ConnectError {
  if (reason instanceof ConnectError) return reason;
  const err = ConnectError.from(reason, Code.Internal);
  err.cause = reason;
  return err;
}

/** Calls the controller; resolves with its answer once the stream has ended, or rejects with a ConnectError. */
export function rawUnaryCall(sessions: Http2SessionManager, req: RawUnaryRequest): Promise<RawUnaryAnswer> {
  return new Promise<RawUnaryAnswer>((resolve, reject) => {
    let stream: ClientHttp2Stream | undefined;
    let settled = false;
    const finish = (err: ConnectError | undefined, answer?: RawUnaryAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal.removeEventListener("abort", onAbort);
      if (err !== undefined) {
        // Tell the controller the call is over (CANCEL, as gRPC clients do), then give up.
        if (stream !== undefined && !stream.closed) stream.close(h2.NGHTTP2_CANCEL);
        reject(err);
      } else if (answer !== undefined) resolve(answer);
    };
    const onAbort = (): void => finish(ConnectError.from(getAbortSignalReason(req.signal), Code.Canceled));
    const timer = setTimeout(() => finish(new ConnectError("the operation timed out", Code.DeadlineExceeded)), req.timeoutMs);
    if (req.signal.aborted) {
      onAbort();
      return;
    }
    req.signal.addEventListener("abort", onAbort, { once: true });

    const headers: OutgoingHttpHeaders = {
      ...req.header,
      "content-type": "application/grpc+proto",
      "user-agent": "connect-es/2.1.1",
      "grpc-timeout": `${req.timeoutMs}m`,
      te: "trailers",
    };
    sessions.request("POST", req.path, headers, {}).then(
      (opened) => {
        stream = opened;
        if (settled) {
          opened.close(h2.NGHTTP2_CANCEL);
          return;
        }
        widenConnectionWindow(opened);
        const scanner = createFrameScanner(req.readMaxBytes);
        const chunks: Buffer[] = [];
        let byteLength = 0;
        let header: (IncomingHttpHeaders & IncomingHttpStatusHeader) | undefined;
        let trailer: IncomingHttpHeaders = {};
        opened.on("response", (h) => {
          header = h;
        });
        opened.on("trailers", (t: IncomingHttpHeaders) => {
          trailer = t;
        });
        opened.on("data", (chunk: Buffer) => {
          sessions.notifyResponseByteRead(opened);
          try {
            scanner.push(chunk);
          } catch (e) {
            finish(nodeError(e));
            return;
          }
          chunks.push(chunk);
          byteLength += chunk.byteLength;
        });
        const complete = (): void => {
          if (header === undefined) return finish(new ConnectError("protocol error: missing status", Code.Internal));
          if (scanner.midFrame) return finish(new ConnectError("protocol error: incomplete envelope", Code.InvalidArgument));
          finish(undefined, { header, chunks, byteLength, compressed: scanner.compressed, trailer });
        };
        opened.on("error", (e: Error) => finish(nodeError(e)));
        // The controller ended the stream with its status (trailers, or trailers-only headers):
        // the answer is complete without waiting for the stream's close, a turn of the event loop later.
        opened.once("end", () => {
          if (trailer["grpc-status"] !== undefined || header?.["grpc-status"] !== undefined) complete();
        });
        opened.on("close", () => {
          const reset = resetError(opened.rstCode ?? 0);
          if (reset !== undefined) return finish(reset);
          complete();
        });
        opened.end(req.body);
      },
      (e: unknown) => finish(nodeError(e)),
    );
  });
}
