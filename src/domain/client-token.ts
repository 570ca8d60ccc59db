// What a bearer token says about who it belongs to, read without verifying
// it (the controller verifies; the portal only wants to fill in the sign-in
// form). An internal token ([A2]) is an ES256 JWT whose `sub` is
// `client:<namespace>:<name>:<uid>`: the namespace and the client name the
// call metadata must carry ([H1]). Anything else (an OIDC access token, an
// opaque string) names no client the portal can trust, so it leaves the
// fields to the person signing in.

export type TokenIdentity =
  /** An internal Jumpstarter client token. */
  | {
      readonly kind: "internal";
      readonly namespace: string;
      readonly name: string;
      readonly uid: string;
      readonly issuer: string | undefined;
      readonly expiresAtMs: number | undefined;
    }
  /** A JWT of another shape: OIDC ([A3]), an exporter's token, ... */
  | {
      readonly kind: "other-jwt";
      readonly issuer: string | undefined;
      readonly subject: string | undefined;
      readonly expiresAtMs: number | undefined;
    }
  /** Not three dot-separated parts with a JSON object in the middle ([A1]). */
  | { readonly kind: "opaque" };

// [A2] `sub` = client:<namespace>:<name>:<uid>; none of the three contains ':'.
const INTERNAL_SUBJECT = /^client:([^:]+):([^:]+):([^:]+)$/;

/** base64url (no padding) to text; undefined when it is not valid base64url UTF-8. */
function decodeBase64Url(part: string): string | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(part)) return undefined;
  const base64 = part.replace(/-/g, "+").replace(/_/g, "/");
  try {
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** A JWT's payload as an object, unverified; undefined when `token` is not a JWT. */
export function jwtPayload(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split(".");
  if (parts.length !== 3 || parts.some((p) => p === "")) return undefined;
  const text = decodeBase64Url(parts[1] ?? "");
  if (text === undefined) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return undefined;
  }
  return typeof payload === "object" && payload !== null && !Array.isArray(payload) ? (payload as Record<string, unknown>) : undefined;
}

const stringClaim = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const secondsClaimMs = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v * 1000 : undefined);

/** Who `token` says it belongs to ([A2]). */
export function readTokenIdentity(token: string): TokenIdentity {
  const payload = jwtPayload(token);
  if (payload === undefined) return { kind: "opaque" };
  const subject = stringClaim(payload["sub"]);
  const issuer = stringClaim(payload["iss"]);
  const expiresAtMs = secondsClaimMs(payload["exp"]);
  const internal = subject === undefined ? null : INTERNAL_SUBJECT.exec(subject);
  if (internal !== null) {
    const [, namespace = "", name = "", uid = ""] = internal;
    return { kind: "internal", namespace, name, uid, issuer, expiresAtMs };
  }
  return { kind: "other-jwt", issuer, subject, expiresAtMs };
}
