// What of the caller's request travels to the controller [T7]: the bearer
// token and the call metadata that names the client [H1], each once and
// unchanged. Nothing else of the browser's (cookies, forwarding headers) does.
import { Code, ConnectError, createContextKey } from "@connectrpc/connect";

export const forwardedHeaders = ["authorization", "jumpstarter-namespace", "jumpstarter-kind", "jumpstarter-name"] as const;

/**
 * The request's raw header lines (Node's `rawHeaders`: name, value, name,
 * value...). Headers objects hide repeats: Node keeps the first of two
 * `authorization` lines and joins other repeats with ", ".
 */
export const rawRequestHeadersKey = createContextKey<readonly string[]>([], { description: "the caller's raw header lines" });

/**
 * A repeated token or metadata header cannot travel on as separate lines, and
 * keeping one of them silently would let through a call the controller refuses
 * ([A7], [H2]); so it is refused here, in the controller's words.
 */
export function repeatedHeaderError(rawHeaders: readonly string[]): ConnectError | undefined {
  const counts = new Map<string, number>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = (rawHeaders[i] ?? "").toLowerCase();
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  for (const name of forwardedHeaders) {
    if ((counts.get(name) ?? 0) < 2) continue;
    const message = name === "authorization" ? "multiple authorization headers" : `multiple metadata: ${name}`;
    return new ConnectError(message, Code.InvalidArgument);
  }
  return undefined;
}

/** The headers of the controller call: the forwarded ones the caller sent, as sent. */
export function upstreamHeaders(callerHeaders: Headers): Headers {
  const headers = new Headers();
  for (const name of forwardedHeaders) {
    const value = callerHeaders.get(name);
    if (value !== null) headers.set(name, value);
  }
  return headers;
}
