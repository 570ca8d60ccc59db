// Which of the controller's response metadata reaches the browser. An answer's
// headers become HTTP response headers, so anything passed on could override
// what the gateway sets itself (CORS, CSP, X-Frame-Options, nosniff,
// Referrer-Policy, cookies) on a successful answer. So this is a list of what
// the portal reads, not a list of what to hold back; the gRPC status, message
// and details are not metadata: the protocol layer writes them from the call's
// outcome.

/**
 * Controller metadata the portal reads. It reads none today (`src/` looks at
 * status codes and messages only); a name added here travels to the browser.
 */
export const portalReadMetadata: readonly string[] = [];

/** Only the metadata the portal reads, for copying controller headers/trailers to the caller. */
export function browserMetadata(from: Headers): Headers {
  const out = new Headers();
  for (const name of portalReadMetadata) {
    const value = from.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}

/** The same, from Node's header fields (the pass-through's raw answers): name and value pairs. */
export function browserFields(from: Readonly<Record<string, string | string[] | number | undefined>>): [string, string][] {
  const out: [string, string][] = [];
  for (const name of portalReadMetadata) {
    const value = from[name];
    if (value !== undefined) out.push([name, Array.isArray(value) ? value.join(", ") : String(value)]);
  }
  return out;
}
