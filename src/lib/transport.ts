// The gRPC-Web transport to the portal's own origin (the gateway, or Envoy,
// translates to gRPC). One transport per session: its query-key identity
// carries the namespace and client, so two sessions never share cache entries.
import type { Interceptor, Transport } from "@connectrpc/connect";
import { addStaticKeyToTransport } from "@connectrpc/connect-query";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import type { Session } from "@/lib/session";

/** Where the SPA sends calls: its own origin (same-origin keeps CSP and cookies simple). */
export function apiBaseUrl(): string {
  return window.location.origin;
}

/**
 * The call metadata a Jumpstarter controller requires on every ClientService
 * call ([H1], [J3]): without `jumpstarter-namespace` and `jumpstarter-kind`
 * every RPC fails with INVALID_ARGUMENT "missing metadata", and an internal
 * token also needs `jumpstarter-name` ([H3]). An empty name is still sent:
 * for OIDC users it means "the name derived from my user name" ([H4], [H5]).
 */
export function sessionHeaders(session: Session): Readonly<Record<string, string>> {
  return {
    authorization: `Bearer ${session.token}`,
    "jumpstarter-namespace": session.namespace,
    "jumpstarter-kind": "Client",
    "jumpstarter-name": session.clientName,
  };
}

/**
 * Puts the session's metadata on every call. `set`, not `append`: a repeated
 * header is refused ("multiple authorization headers" [A7], "multiple
 * metadata" [H2]), so each goes exactly once even if a caller set one too.
 */
export function sessionHeadersInterceptor(session: Session, currentToken?: () => Promise<string>): Interceptor {
  const headers = Object.entries(sessionHeaders(session));
  return (next) => async (req) => {
    for (const [name, value] of headers) req.header.set(name, value);
    // An OIDC session's token is renewed while the session lasts: each call sends the current one.
    if (currentToken !== undefined) req.header.set("authorization", `Bearer ${await currentToken()}`);
    return next(req);
  };
}

/** The cache identity of a session's transport, readable in devtools. */
export function transportKey(session: Session | null): string {
  return session === null ? "anonymous" : `session:${session.namespace}/${session.clientName}`;
}

export interface SessionTransportOptions {
  readonly baseUrl?: string;
  /** The fetch to send with (tests pass a fake); the browser's by default. */
  readonly fetch?: typeof globalThis.fetch;
  /** The token to send now (an OIDC session's, renewed when due); the session's own by default. */
  readonly currentToken?: () => Promise<string>;
}

/**
 * A gRPC-Web transport acting as `session` (anonymous when null). Call it
 * once per session (the session store does), never in a component body.
 */
export function createSessionTransport(session: Session | null, options: SessionTransportOptions = {}): Transport {
  const transport = createGrpcWebTransport({
    baseUrl: options.baseUrl ?? apiBaseUrl(),
    interceptors: session === null ? [] : [sessionHeadersInterceptor(session, options.currentToken)],
    // A hung controller should surface as an error (and a stale banner), not a spinner forever.
    defaultTimeoutMs: 30_000,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  return addStaticKeyToTransport(transport, transportKey(session));
}
