// The demo lab's identity provider: a real OpenID provider (node
// oidc-provider, certified by the OpenID Foundation) on loopback, over TLS
// with its own CA, with a few demo users and passwords. It issues JWT access
// tokens for the controller's audience, which the lab simulator accepts
// through a JWT authenticator as the controller would [A3], [A5]. Its login
// page is the only interaction: consent is given for the lab's own clients.
//
// The issuer is https (the controller requires it [A3]) under the lab's own
// CA, which a person's browser does not trust. So that the portal's sign-in
// works in any browser without a certificate warning, the same provider also
// answers browsers on plain http on loopback (its "browser address"): it
// builds its endpoint URLs from the request, while its tokens keep the https
// issuer. A real lab's provider has a certificate browsers trust and needs
// nothing of the kind.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { exportJWK, generateKeyPair, type JWK } from "jose";
import type ProviderClass from "oidc-provider";
import { ensureTlsMaterial } from "../lab/tls-material.js";
import { MemoryStorage } from "./memory-storage.js";
import { loginPage, logoutPage } from "./login-page.js";

export interface DemoUser {
  /** What the user types, and the `preferred_username` claim. */
  readonly username: string;
  readonly password: string;
  readonly name: string;
  readonly email: string;
}

export interface DemoClient {
  readonly clientId: string;
  /** Exact redirect URIs, or loopback ones (any port, as for `jmp login`'s `http://localhost:<port>/callback`). */
  readonly redirectUris: readonly string[];
  /** Where RP-initiated logout may return to (loopback ones: any port). */
  readonly postLogoutRedirectUris?: readonly string[];
}

export interface DemoIdpOptions {
  readonly dataDir: string;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  readonly users: readonly DemoUser[];
  readonly clients: readonly DemoClient[];
  /** The `aud` of the access tokens: what the controller's authenticator expects. */
  readonly audience: string;
  /** Default 1 h. */
  readonly accessTokenTtlSeconds?: number;
  /** Also answer browsers on plain http on a loopback port (see the header); default off. */
  readonly browserAddress?: boolean;
}

export interface RunningIdp {
  /** https://127.0.0.1:PORT — the `iss` of its tokens and the issuer URL to configure. */
  readonly issuer: string;
  /** The CA that signs its certificate, for the authenticator's `certificateAuthority`. */
  readonly caPem: string;
  readonly caFile: string;
  /** http://127.0.0.1:PORT — where browsers reach the same provider, when `browserAddress` was asked for. */
  readonly browserUrl: string | undefined;
  stop(): Promise<void>;
}

/** The resource indicator of the controller; tokens for it carry `aud` = the configured audience. */
export const CONTROLLER_RESOURCE = "urn:jumpstarter:controller";

/** Signing keys kept in the data folder, so a restart keeps issued tokens valid. */
async function signingKeys(dir: string): Promise<JWK[]> {
  const file = join(dir, "jwks.json");
  try {
    return (JSON.parse(readFileSync(file, "utf8")) as { keys: JWK[] }).keys;
  } catch {
    const es = await generateKeyPair("ES256", { extractable: true });
    const rs = await generateKeyPair("RS256", { extractable: true });
    const keys = [
      { ...(await exportJWK(es.privateKey)), alg: "ES256", use: "sig", kid: `es-${randomBytes(4).toString("hex")}` },
      { ...(await exportJWK(rs.privateKey)), alg: "RS256", use: "sig", kid: `rs-${randomBytes(4).toString("hex")}` },
    ];
    writeFileSync(file, JSON.stringify({ keys }), { mode: 0o600 });
    return keys;
  }
}

function persistedSecret(dir: string, name: string): string {
  const file = join(dir, name);
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}

/**
 * oidc-provider states that it wants the newest Node LTS at import; it runs on
 * Node 20.19 (which this project supports), so that one line is left out.
 */
async function loadProvider(): Promise<typeof ProviderClass> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].includes("Unsupported runtime")) return;
    warn(...args);
  };
  try {
    return (await import("oidc-provider")).default;
  } finally {
    console.warn = warn;
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * CORS for a public client's token requests: from the origin of one of its
 * redirect URIs; for a loopback one (native, any port) from that host on any port.
 */
export function corsAllowed(origin: string, redirectUris: readonly string[]): boolean {
  const from = URL.parse(origin);
  if (from === null) return false;
  return redirectUris.some((uri) => {
    const allowed = URL.parse(uri);
    if (allowed === null) return false;
    if (allowed.origin === from.origin) return true;
    return allowed.protocol === "http:" && from.protocol === "http:" && LOOPBACK_HOSTS.has(allowed.hostname) && allowed.hostname === from.hostname;
  });
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
      if (body.length > 16_384) req.destroy(new Error("form too large"));
    });
    req.on("end", () => resolve(new URLSearchParams(body)));
    req.on("error", reject);
  });
}

export async function startDemoIdp(options: DemoIdpOptions): Promise<RunningIdp> {
  const host = options.host ?? "127.0.0.1";
  if (options.browserAddress === true && host !== "127.0.0.1" && host !== "localhost") {
    throw new Error(`the demo provider answers browsers over plain http on loopback only, not on ${host}`);
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const tls = await ensureTlsMaterial(options.dataDir, { listenHost: host });
  const users = new Map(options.users.map((u) => [u.username, u]));
  const Provider = await loadProvider();
  const storage = new MemoryStorage();

  // The issuer needs the port, and the port is known once listening: listen first, mount after.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server: Server = createServer({ cert: tls.certPem + tls.caPem, key: tls.keyPem }, (req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const issuer = `https://${host.includes(":") ? `[${host}]` : host}:${port}`;

  const claimsOf = (accountId: string) => {
    const user = users.get(accountId);
    return user === undefined
      ? { sub: accountId }
      : { sub: user.username, preferred_username: user.username, name: user.name, email: user.email, email_verified: true };
  };

  const provider = new Provider(issuer, {
    adapter: storage.adapterFor.bind(storage),
    jwks: { keys: await signingKeys(options.dataDir) },
    cookies: { keys: [persistedSecret(options.dataDir, "cookie-key")] },
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      token_endpoint_auth_method: "none",
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      redirect_uris: [...c.redirectUris],
      post_logout_redirect_uris: [...(c.postLogoutRedirectUris ?? [])],
      application_type: "native",
    })),
    claims: { openid: ["sub"], profile: ["name", "preferred_username"], email: ["email", "email_verified"] },
    scopes: ["openid", "profile", "email", "offline_access"],
    findAccount: (_ctx, id) => (users.has(id) ? { accountId: id, claims: () => claimsOf(id) } : undefined),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "html";
          ctx.body = logoutPage({ issuer, form });
        },
      },
      resourceIndicators: {
        enabled: true,
        // Every token is for the controller, whether or not the client names it [A5].
        defaultResource: () => CONTROLLER_RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          scope: "",
          audience: options.audience,
          accessTokenFormat: "jwt",
          accessTokenTTL: options.accessTokenTtlSeconds ?? 3600,
          jwt: { sign: { alg: "ES256" } },
        }),
      },
    },
    // What the controller's username claim may name (preferred_username, email) travels in the access token.
    extraTokenClaims: (_ctx, token) => {
      const accountId = (token as { accountId?: string }).accountId;
      if (accountId === undefined) return undefined;
      const { sub: _sub, ...claims } = claimsOf(accountId);
      return claims;
    },
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    // The lab's own clients: consent is implied; the login page is the one interaction.
    loadExistingGrant: async (ctx) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (session?.accountId === undefined || client === undefined) return undefined;
      const existing = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
      if (existing !== undefined) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: client.clientId, accountId: session.accountId });
      grant.addOIDCScope("openid profile email offline_access");
      grant.addOIDCClaims(["name", "preferred_username", "email", "email_verified"]);
      grant.addResourceScope(CONTROLLER_RESOURCE, "");
      await grant.save();
      return grant;
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    // Every lifetime is set (the library warns on the console about any left to its default).
    ttl: {
      Session: 8 * 3600,
      Interaction: 600,
      Grant: 8 * 3600,
      RefreshToken: 8 * 3600,
      AccessToken: options.accessTokenTtlSeconds ?? 3600,
      IdToken: options.accessTokenTtlSeconds ?? 3600,
      AuthorizationCode: 60,
    },
    pkce: { required: () => true },
    clientBasedCORS: (_ctx, origin, client) => corsAllowed(origin, client.redirectUris ?? []),
  });
  provider.proxy = false;

  const callback = provider.callback();
  handle = (req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const login = /^\/interaction\/([^/]+)$/.exec(url.pathname);
    if (login === null) {
      void callback(req, res);
      return;
    }
    void (async () => {
      try {
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === "consent") {
          // The lab's own clients: what they ask for is granted without a page.
          const asked = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[]; missingResourceScopes?: Record<string, string[]> };
          const accountId = details.session?.accountId;
          const clientId = details.params.client_id;
          if (accountId === undefined || typeof clientId !== "string") throw new Error("consent without a signed-in user");
          const grant = details.grantId === undefined ? new provider.Grant({ accountId, clientId }) : ((await provider.Grant.find(details.grantId)) ?? new provider.Grant({ accountId, clientId }));
          if (asked.missingOIDCScope !== undefined) grant.addOIDCScope(asked.missingOIDCScope.join(" "));
          if (asked.missingOIDCClaims !== undefined) grant.addOIDCClaims(asked.missingOIDCClaims);
          for (const [indicator, scopes] of Object.entries(asked.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
          await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
          return;
        }
        if (req.method === "GET") {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(loginPage({ issuer, users: options.users, problem: undefined }));
          return;
        }
        const form = await readForm(req);
        const user = users.get(form.get("username")?.trim() ?? "");
        if (user === undefined || user.password !== form.get("password")) {
          res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
          res.end(loginPage({ issuer, users: options.users, problem: "That user name and password do not match a demo user." }));
          return;
        }
        await provider.interactionFinished(req, res, { login: { accountId: user.username } }, { mergeWithLastSubmission: false });
      } catch (e) {
        res.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end(`sign-in failed: ${e instanceof Error ? e.message : String(e)}\n`);
      }
    })();
  };

  const servers: { close(cb: () => void): unknown; closeAllConnections(): void }[] = [server];
  let browserUrl: string | undefined;
  if (options.browserAddress === true) {
    const browser = createHttpServer((req, res) => handle(req, res));
    await new Promise<void>((resolve, reject) => {
      browser.once("error", reject);
      browser.listen(0, host, () => resolve());
    });
    servers.push(browser);
    browserUrl = `http://${host}:${(browser.address() as AddressInfo).port}`;
  }

  return {
    issuer,
    caPem: tls.caPem,
    caFile: tls.caFile,
    browserUrl,
    stop: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.close(() => resolve());
              s.closeAllConnections();
            }),
        ),
      ).then(() => undefined),
  };
}
