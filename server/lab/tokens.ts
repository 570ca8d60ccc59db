// The controller's internal token issuer [A2]: ES256 JWTs with a fixed issuer
// and audience and `sub` = client:<namespace>:<name>:<uid>, signed with a key
// that lives as long as the data folder; and their verification with the
// authenticator's refusal texts [A9]/[A10].
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { decodeJwt, errors, jwtVerify, SignJWT } from "jose";

export const INTERNAL_ISSUER = "https://localhost:8085";
export const INTERNAL_AUDIENCE = "jumpstarter";

export interface TokenKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
}

/** A P-256 key pair kept as PKCS#8 PEM (the store keeps it in its meta table). */
export function tokenKeys(stored: string | undefined, save: (pem: string) => void): TokenKeys {
  let privateKey: KeyObject;
  if (stored === undefined) {
    privateKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    save(privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  } else {
    privateKey = createPrivateKey(stored);
  }
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export interface MintedToken {
  readonly token: string;
  readonly expiryMs: number;
}

export function internalSubject(namespace: string, name: string, uid: string): string {
  return `client:${namespace}:${name}:${uid}`;
}

/** [A2]: header {"alg":"ES256","typ":"JWT"} (no kid); iss, aud (an array), sub, iat, exp; no nbf, no jti. */
export async function mintInternalToken(keys: TokenKeys, subject: string, nowMs: number, lifetimeMs: number): Promise<MintedToken> {
  const iat = Math.floor(nowMs / 1000);
  const exp = iat + Math.floor(lifetimeMs / 1000);
  const token = await new SignJWT({})
    .setProtectedHeader({ alg: "ES256", typ: "JWT" })
    .setIssuer(INTERNAL_ISSUER)
    .setAudience([INTERNAL_AUDIENCE])
    .setSubject(subject)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(keys.privateKey);
  return { token, expiryMs: exp * 1000 };
}

/** Go's time.Time.String() for a UTC instant: "2027-08-21 14:32:42 +0000 UTC". */
export function goTimeText(ms: number): string {
  const iso = new Date(ms).toISOString();
  const fraction = iso.slice(20, 23).replace(/0+$/, "");
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}${fraction === "" ? "" : `.${fraction}`} +0000 UTC`;
}

export type TokenCheck =
  | { readonly ok: true; readonly username: string; readonly subject: string }
  /** [A9]: not a JWT, or no authenticator for its issuer. */
  | { readonly ok: false; readonly unknown: true }
  /** [A10]: the authenticator refused it, in its words. */
  | { readonly ok: false; readonly unknown: false; readonly message: string };

/** The unverified issuer of a token that looks like a JWT (three parts, JSON payload), else undefined. */
export function unverifiedIssuer(token: string): string | undefined {
  if (token.split(".").length !== 3) return undefined;
  try {
    const iss = decodeJwt(token).iss;
    return typeof iss === "string" ? iss : undefined;
  } catch {
    return undefined;
  }
}

function refusal(e: unknown): string {
  const prefix = "oidc: verify token: ";
  if (e instanceof errors.JWTExpired) {
    const exp = e.payload.exp;
    return `${prefix}oidc: token is expired (Token Expiry: ${typeof exp === "number" ? goTimeText(exp * 1000) : "unknown"})`;
  }
  if (e instanceof errors.JWSSignatureVerificationFailed) return `${prefix}failed to verify signature: failed to verify id token signature`;
  if (e instanceof errors.JOSEAlgNotAllowed) return `${prefix}oidc: id token signed with unsupported algorithm, expected ["ES256"]`;
  if (e instanceof errors.JWTClaimValidationFailed && e.claim === "aud") {
    const aud = e.payload.aud;
    const list = (Array.isArray(aud) ? aud : aud === undefined ? [] : [aud]).map((a) => JSON.stringify(a)).join(" ");
    return `${prefix}oidc: expected audience "${INTERNAL_AUDIENCE}" got [${list}]`;
  }
  if (e instanceof errors.JWTClaimValidationFailed) return `${prefix}oidc: ${e.message}`;
  return `${prefix}oidc: malformed jwt: ${e instanceof Error ? e.message : String(e)}`;
}

/** Tokens whose signature was verified, with their expiry: a polling portal presents the same one every few seconds. */
const verified = new Map<string, { readonly keys: TokenKeys; readonly expMs: number; readonly subject: string }>();
const MAX_VERIFIED = 4096;

/**
 * Verifies an internal token; the user name is `prefix` + sub [A2]. Tokens
 * of other issuers are "not authenticated" ([A1]: external authenticators are
 * not configured in this version of the simulator).
 */
export async function checkToken(keys: TokenKeys, token: string, prefix: string, nowMs: number): Promise<TokenCheck> {
  const known = verified.get(token);
  if (known !== undefined && known.keys === keys && nowMs < known.expMs) return { ok: true, username: `${prefix}${known.subject}`, subject: known.subject };
  if (unverifiedIssuer(token) !== INTERNAL_ISSUER) return { ok: false, unknown: true };
  try {
    const { payload } = await jwtVerify(token, keys.publicKey, {
      issuer: INTERNAL_ISSUER,
      audience: INTERNAL_AUDIENCE,
      algorithms: ["ES256"],
      currentDate: new Date(nowMs),
      clockTolerance: 0,
    });
    const subject = typeof payload.sub === "string" ? payload.sub : "";
    if (typeof payload.exp === "number") {
      if (verified.size >= MAX_VERIFIED) verified.clear();
      verified.set(token, { keys, expMs: payload.exp * 1000, subject });
    }
    return { ok: true, username: `${prefix}${subject}`, subject };
  } catch (e) {
    return { ok: false, unknown: false, message: refusal(e) };
  }
}
