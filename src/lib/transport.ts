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

/** Adds the session's bearer token to every call. */
export function bearerTokenInterceptor(token: string): Interceptor {
  return (next) => async (req) => {
    req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
}

/** The cache identity of a session's transport, readable in devtools. */
export function transportKey(session: Session | null): string {
  return session === null ? "anonymous" : `session:${session.namespace}/${session.clientName}`;
}

/**
 * A gRPC-Web transport acting as `session` (anonymous when null). Call it
 * once per session (the session store does), never in a component body.
 */
export function createSessionTransport(session: Session | null, baseUrl: string = apiBaseUrl()): Transport {
  const transport = createGrpcWebTransport({
    baseUrl,
    interceptors: session === null ? [] : [bearerTokenInterceptor(session.token)],
    // A hung controller should surface as an error (and a stale banner), not a spinner forever.
    defaultTimeoutMs: 30_000,
  });
  return addStaticKeyToTransport(transport, transportKey(session));
}
