// What the browser sees when a controller call fails: the controller's own
// status and message untouched, or Unavailable naming the controller when
// the gateway could not reach it, the controller refused the stream, or the
// connection was lost before the answer was complete. Unavailable is what the
// portal retries; the codes Node and Connect give those cases (Internal,
// Canceled, InvalidArgument) would make it give up or blame the caller.
import { Code, ConnectError } from "@connectrpc/connect";
import { browserMetadata } from "./browser-metadata.js";

// Node error codes that mean "no conversation with the controller happened".
const connectionFailures = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "EPROTO",
  "ERR_HTTP2_ERROR",
  "ERR_HTTP2_SESSION_ERROR",
  "ERR_HTTP2_GOAWAY_SESSION",
  "ERR_SSL_WRONG_VERSION_NUMBER",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "CERT_HAS_EXPIRED",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
]);

// How Node and Connect word a stream the controller reset with REFUSED_STREAM
// (what a graceful shutdown does to calls it will not take): never processed,
// so safe to try again.
const refusedStream = /REFUSED_STREAM/;

// How they word an answer cut short: the connection went away (RST CANCEL from
// a destroyed session), or the body ended inside a message or before the status.
const lostMidAnswer = /^(http\/2 stream closed with error code CANCEL|protocol error: (incomplete envelope|promised \d+ bytes|missing status|missing trailer))/;

function nodeErrorCode(reason: unknown): { code: string; message: string } | undefined {
  const seen = new Set<unknown>();
  let current: unknown = reason;
  while (current instanceof Error && !seen.has(current)) {
    seen.add(current);
    const code: unknown = "code" in current ? current.code : undefined;
    if (typeof code === "string" && connectionFailures.has(code)) return { code, message: current.message };
    current = current.cause;
  }
  return undefined;
}

export function unreachable(controllerUrl: string, detail: string, cause?: unknown): ConnectError {
  return new ConnectError(`the controller at ${controllerUrl} cannot be reached: ${detail}`, Code.Unavailable, undefined, undefined, cause);
}

/**
 * `callerGone`: the gateway itself ended the call (the browser hung up or its
 * deadline passed), so a cut-short answer is the caller's doing, not a fault.
 */
export function translateUpstreamError(reason: unknown, controllerUrl: string, callerGone = false): ConnectError {
  const failure = nodeErrorCode(reason);
  if (failure !== undefined) {
    const detail = failure.message.includes(failure.code) ? failure.message : `${failure.code}: ${failure.message}`;
    return unreachable(controllerUrl, detail, reason);
  }
  const upstream = ConnectError.from(reason);
  // A grpc-status means the controller answered: its code stands as it sent it.
  if (!upstream.metadata.has("grpc-status") && !callerGone) {
    if (refusedStream.test(upstream.rawMessage)) {
      return new ConnectError(`the controller at ${controllerUrl} refused the call (it may be shutting down); try again`, Code.Unavailable, undefined, undefined, reason);
    }
    if (lostMidAnswer.test(upstream.rawMessage)) {
      return new ConnectError(`the connection to the controller at ${controllerUrl} was lost before its answer was complete; try again`, Code.Unavailable, undefined, undefined, reason);
    }
  }
  const err = new ConnectError(upstream.rawMessage, upstream.code, browserMetadata(upstream.metadata), undefined, reason);
  err.details = upstream.details;
  return err;
}
