// What the browser sees when a controller call fails: the controller's own
// status and message untouched, or Unavailable naming the controller when
// the gateway could not reach it at all.
import { Code, ConnectError } from "@connectrpc/connect";

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

// Protocol and hop-by-hop headers the gateway's own protocol layer writes;
// anything else the controller sends as metadata is passed on.
const reservedMetadata = /^(:|grpc-|content-|connect-|accept|te$|trailer$|transfer-encoding$|connection$|keep-alive$|date$|server$|vary$|set-cookie$|www-authenticate$)/i;

/** Custom metadata only, for copying controller headers/trailers to the caller. */
export function customMetadata(from: Headers): Headers {
  const out = new Headers();
  from.forEach((value, key) => {
    if (!reservedMetadata.test(key)) out.append(key, value);
  });
  return out;
}

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

export function translateUpstreamError(reason: unknown, controllerUrl: string): ConnectError {
  const failure = nodeErrorCode(reason);
  if (failure !== undefined) {
    const detail = failure.message.includes(failure.code) ? failure.message : `${failure.code}: ${failure.message}`;
    return unreachable(controllerUrl, detail, reason);
  }
  const upstream = ConnectError.from(reason);
  const err = new ConnectError(upstream.rawMessage, upstream.code, customMetadata(upstream.metadata), undefined, reason);
  err.details = upstream.details;
  return err;
}
