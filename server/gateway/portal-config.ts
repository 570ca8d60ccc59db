// What the SPA learns from its own origin before anyone signs in: the lab's
// namespace and the OIDC providers it may sign in with. From the controller's
// login service ([CF3], fetched here: it sends no CORS headers) and/or from
// the gateway's flags. The username claim and prefix are the lab's JWT
// authenticator's ([A3]), so the portal derives the client name as the
// controller does ([Z2]) and "mine" is right from the first page.
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

export interface OidcProvider {
  readonly issuer: string;
  /** The portal's OAuth client at the provider (public, PKCE). */
  readonly clientId: string;
  readonly audiences: readonly string[];
  readonly usernameClaim: string;
  readonly usernamePrefix: string;
  /** What the sign-in button says: "Sign in with <label>". */
  readonly label: string;
  /**
   * Where browsers reach the provider, when not at its issuer URL (the demo
   * provider's http loopback address); the SPA reads discovery from here.
   */
  readonly authority?: string;
}

export interface PortalConfig {
  readonly namespace: string | undefined;
  readonly providers: readonly OidcProvider[];
}

export interface PortalConfigOptions {
  /** The controller's login service base URL. */
  readonly loginService?: string | undefined;
  /** CA for an https:// login service. */
  readonly loginServiceCa?: string | undefined;
  /** A provider given by flags (added after the login service's). */
  readonly oidc?: Partial<OidcProvider> & { readonly issuer: string };
  /** Overrides for the login service's entries: the portal's own client id, claim, prefix. */
  readonly clientId?: string | undefined;
  readonly usernameClaim?: string | undefined;
  readonly usernamePrefix?: string | undefined;
  /** What the sign-in button calls the provider(s); default the issuer's host. */
  readonly label?: string | undefined;
  readonly namespace?: string | undefined;
  /** Browser addresses by issuer (see OidcProvider.authority). */
  readonly browserUrls?: Readonly<Record<string, string>> | undefined;
}

interface LoginServiceAnswer {
  readonly namespace?: unknown;
  readonly oidc?: unknown;
}

function getJson(url: string, ca: string | undefined, timeoutMs: number): Promise<unknown> {
  const request = url.startsWith("https:") ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { timeout: timeoutMs, ...(ca === undefined ? {} : { ca }) }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => {
        if (res.statusCode !== 200) return reject(new Error(`${url}: HTTP ${res.statusCode ?? 0}`));
        try {
          resolve(JSON.parse(body));
        } catch {
          reject(new Error(`${url}: not JSON`));
        }
      });
    });
    req.on("timeout", () => req.destroy(new Error(`${url}: no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end();
  });
}

const labelOf = (issuer: string): string => {
  try {
    return new URL(issuer).host;
  } catch {
    return issuer;
  }
};

function provider(issuer: string, options: PortalConfigOptions, audiences: readonly string[], fallbackClientId: string): OidcProvider {
  const authority = options.browserUrls?.[issuer];
  return {
    issuer,
    clientId: options.clientId ?? fallbackClientId,
    audiences,
    usernameClaim: options.usernameClaim ?? "sub",
    usernamePrefix: options.usernamePrefix ?? "",
    label: options.label ?? labelOf(issuer),
    ...(authority === undefined ? {} : { authority }),
  };
}

/** Reads the login service's providers; a failure is reported, and the flags' provider still counts. */
export async function loadPortalConfig(options: PortalConfigOptions): Promise<{ config: PortalConfig; problem: string | undefined }> {
  const providers: OidcProvider[] = [];
  let namespace = options.namespace;
  let problem: string | undefined;
  if (options.loginService !== undefined) {
    try {
      const answer = (await getJson(`${options.loginService.replace(/\/+$/, "")}/v1/auth/config`, options.loginServiceCa, 5_000)) as LoginServiceAnswer;
      if (namespace === undefined && typeof answer.namespace === "string") namespace = answer.namespace;
      for (const entry of Array.isArray(answer.oidc) ? (answer.oidc as Record<string, unknown>[]) : []) {
        if (typeof entry.issuer !== "string") continue;
        const audiences = Array.isArray(entry.audiences) ? entry.audiences.filter((a): a is string => typeof a === "string") : [];
        providers.push(provider(entry.issuer, options, audiences, typeof entry.clientId === "string" ? entry.clientId : "jumpstarter-cli"));
      }
    } catch (e) {
      problem = `the login service at ${options.loginService} did not answer: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  const flagged = options.oidc;
  if (flagged !== undefined && !providers.some((p) => p.issuer === flagged.issuer)) {
    providers.push({ ...provider(flagged.issuer, options, flagged.audiences ?? [], flagged.clientId ?? "jumpstarter-cli"), ...(flagged.label === undefined ? {} : { label: flagged.label }) });
  }
  return { config: { namespace, providers }, problem };
}

/** The origins the browser must reach for these providers (for connect-src). */
export function providerOrigins(config: PortalConfig): string[] {
  const origins = new Set<string>();
  for (const p of config.providers) {
    for (const url of [p.issuer, p.authority]) {
      const parsed = url === undefined ? null : URL.parse(url);
      if (parsed !== null) origins.add(parsed.origin);
    }
  }
  return [...origins];
}
