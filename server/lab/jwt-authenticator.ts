// An external OIDC issuer as the controller's JWT authenticators accept its
// tokens [A3]: the discovery document and the JWKS fetched by the lab itself
// (with the configured CA, or the system roots), the token's issuer and one
// audience matched, the username from a claim with its prefix. Until the
// discovery has succeeded the authenticator answers "oidc: authenticator not
// initialized"; it keeps trying meanwhile.
import { request } from "node:https";
import { createLocalJWKSet, errors, jwtVerify, type JSONWebKeySet, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { JwtAuthenticatorConfig } from "./scenario.js";
import { goTimeText, type TokenCheck } from "./tokens.js";

/** Backoff of the discovery retries: 1 s doubling to 30 s. */
const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;
/** A key the JWKS lacks makes the lab fetch it again, at most this often (keys rotate). */
const JWKS_REFRESH_MIN_MS = 10_000;
const ALGORITHMS = ["RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "PS256", "PS384", "PS512"];

/** GET a JSON document over https, trusting `ca` (PEM) or the system roots. */
export function fetchJson(url: string, ca: string | undefined, timeoutMs = 10_000): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "GET", ...(ca === undefined ? {} : { ca }), timeout: timeoutMs, headers: { accept: "application/json" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
          reject(new Error(`GET ${url}: HTTP ${res.statusCode ?? 0}`));
          return;
        }
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        } catch (e) {
          reject(new Error(`GET ${url}: not JSON (${e instanceof Error ? e.message : String(e)})`));
        }
      });
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`GET ${url}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

function discoveryUrl(config: JwtAuthenticatorConfig): string {
  return config.issuer.discoveryURL ?? `${config.issuer.url.replace(/\/+$/, "")}/.well-known/openid-configuration`;
}

/** Go's %q for a list: ["a" "b"]. */
function goList(values: readonly unknown[]): string {
  return `[${values.map((v) => JSON.stringify(String(v))).join(" ")}]`;
}

export class JwtAuthenticator {
  private keys: JWTVerifyGetKey | undefined;
  private jwksUri: string | undefined;
  private lastJwksFetchMs = 0;
  private retryMs = RETRY_FIRST_MS;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  /** Why the last discovery failed, for logs. */
  lastProblem: string | undefined;

  constructor(
    readonly config: JwtAuthenticatorConfig,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  get issuer(): string {
    return this.config.issuer.url;
  }

  get ready(): boolean {
    return this.keys !== undefined;
  }

  /** Starts the discovery (and keeps retrying it in the background). Resolves after the first attempt. */
  async start(): Promise<void> {
    await this.discover();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
  }

  private async discover(): Promise<void> {
    if (this.stopped) return;
    try {
      const doc = (await fetchJson(discoveryUrl(this.config), this.config.issuer.certificateAuthority)) as { issuer?: unknown; jwks_uri?: unknown };
      if (doc.issuer !== this.issuer) throw new Error(`the discovery document names issuer ${JSON.stringify(doc.issuer)}, not ${JSON.stringify(this.issuer)}`);
      if (typeof doc.jwks_uri !== "string") throw new Error("the discovery document has no jwks_uri");
      this.jwksUri = doc.jwks_uri;
      await this.fetchKeys();
      this.lastProblem = undefined;
      this.log(`OIDC issuer ${this.issuer} ready`);
    } catch (e) {
      this.lastProblem = e instanceof Error ? e.message : String(e);
      this.log(`OIDC issuer ${this.issuer} not ready (retrying in ${this.retryMs / 1000} s): ${this.lastProblem}`);
      this.timer = setTimeout(() => void this.discover(), this.retryMs);
      this.timer.unref();
      this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
    }
  }

  private async fetchKeys(): Promise<void> {
    if (this.jwksUri === undefined) throw new Error("no jwks_uri yet");
    this.lastJwksFetchMs = Date.now();
    this.keys = createLocalJWKSet((await fetchJson(this.jwksUri, this.config.issuer.certificateAuthority)) as JSONWebKeySet);
  }

  /** The controller's verification of one token of this issuer [A3], [A10]. */
  async check(token: string, nowMs: number): Promise<TokenCheck> {
    if (this.keys === undefined) return { ok: false, unknown: false, message: "oidc: authenticator not initialized" };
    let payload: JWTPayload;
    try {
      payload = await this.verified(token, nowMs);
    } catch (e) {
      return { ok: false, unknown: false, message: this.refusal(e) };
    }
    return this.username(payload);
  }

  private async verified(token: string, nowMs: number): Promise<JWTPayload> {
    const options = { issuer: this.issuer, audience: [...this.config.issuer.audiences], algorithms: ALGORITHMS, currentDate: new Date(nowMs), clockTolerance: 0 };
    try {
      return (await jwtVerify(token, this.keys as JWTVerifyGetKey, options)).payload;
    } catch (e) {
      // A key the lab does not know yet: the issuer may have rotated its keys.
      if (e instanceof errors.JWKSNoMatchingKey && Date.now() - this.lastJwksFetchMs > JWKS_REFRESH_MIN_MS) {
        await this.fetchKeys();
        return (await jwtVerify(token, this.keys as JWTVerifyGetKey, options)).payload;
      }
      throw e;
    }
  }

  private refusal(e: unknown): string {
    const prefix = "oidc: verify token: ";
    if (e instanceof errors.JWTExpired) {
      const exp = e.payload.exp;
      return `${prefix}oidc: token is expired (Token Expiry: ${typeof exp === "number" ? goTimeText(exp * 1000) : "unknown"})`;
    }
    if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) {
      return `${prefix}failed to verify signature: failed to verify id token signature`;
    }
    if (e instanceof errors.JOSEAlgNotAllowed) return `${prefix}oidc: id token signed with unsupported algorithm`;
    if (e instanceof errors.JWTClaimValidationFailed && e.claim === "aud") {
      const aud = e.payload.aud;
      return `${prefix}oidc: expected audience in ${goList(this.config.issuer.audiences)} got ${goList(Array.isArray(aud) ? aud : aud === undefined ? [] : [aud])}`;
    }
    if (e instanceof errors.JWTClaimValidationFailed) return `${prefix}oidc: ${e.message}`;
    return `${prefix}oidc: malformed jwt: ${e instanceof Error ? e.message : String(e)}`;
  }

  /** [A3]: prefix + the claim's value; an `email` claim must be verified when the token says. */
  private username(payload: JWTPayload): TokenCheck {
    const { claim, prefix } = this.config.claimMappings.username;
    const name = claim ?? "sub";
    const value = payload[name];
    if (typeof value !== "string") {
      return { ok: false, unknown: false, message: `oidc: parse username claims "${name}": claim not present` };
    }
    if (name === "email" && Object.hasOwn(payload, "email_verified") && payload.email_verified !== true) {
      return { ok: false, unknown: false, message: "oidc: email not verified" };
    }
    const subject = typeof payload.sub === "string" ? payload.sub : "";
    return { ok: true, username: `${prefix ?? ""}${value}`, subject };
  }
}
