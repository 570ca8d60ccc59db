// The browser side of OIDC, through oidc-client-ts (Authorization Code with
// PKCE, refresh-token renewal, RP-initiated logout). The library is loaded
// only when someone signs in or renews this way, not with the portal's first
// page. Its state and tokens stay in this tab's sessionStorage.
import type { User, UserManager } from "oidc-client-ts";
import { jwtPayload } from "@/domain/client-token";
import { parsePortalConfig, type PortalProvider } from "@/features/auth/oidc/portal-config";
import { RenewalError } from "@/features/auth/oidc/renewal-rules";
import type { RenewedToken } from "@/features/auth/oidc/token-renewal";
import type { OidcSignIn } from "@/lib/session";

/** The redirect URI to register at the provider: `<portal origin>/sign-in/oidc`. */
export const OIDC_CALLBACK_PATH = "/sign-in/oidc";
/** Where the provider sends the browser back after signing out. */
export const OIDC_SIGNED_OUT_PATH = "/sign-in";
/** offline_access: providers such as Dex issue a refresh token only for it. */
export const OIDC_SCOPE = "openid profile email offline_access";

const PENDING_KEY = "jumpstarter-portal.oidc-pending";
const SIGNED_OUT_KEY = "jumpstarter-portal.oidc-signed-out";

/** What the callback needs to finish a sign-in this tab started. */
export interface PendingSignIn {
  readonly provider: PortalProvider;
  readonly namespace: string;
  readonly next: string;
}

type ProviderAddress = Pick<PortalProvider, "authority" | "clientId">;

const managers = new Map<string, Promise<UserManager>>();

function userManagerFor(p: ProviderAddress): Promise<UserManager> {
  const key = `${p.authority} ${p.clientId}`;
  let made = managers.get(key);
  if (made === undefined) {
    made = import("oidc-client-ts").then(({ UserManager, WebStorageStateStore }) => {
      const store = new WebStorageStateStore({ store: window.sessionStorage });
      return new UserManager({
        authority: p.authority,
        client_id: p.clientId,
        redirect_uri: `${window.location.origin}${OIDC_CALLBACK_PATH}`,
        post_logout_redirect_uri: `${window.location.origin}${OIDC_SIGNED_OUT_PATH}`,
        response_type: "code",
        scope: OIDC_SCOPE,
        userStore: store,
        stateStore: store,
        // The portal renews itself (token-renewal.ts); user info is in the access token.
        automaticSilentRenew: false,
        loadUserInfo: false,
        // A provider that is away must not leave a button spinning.
        requestTimeoutInSeconds: 10,
      });
    });
    // A failed load (offline) may be tried again.
    made.catch(() => managers.delete(key));
    managers.set(key, made);
  }
  return made;
}

/** Goes to the provider's sign-in page; throws (without leaving) when the provider cannot be reached. */
export async function startOidcSignIn(pending: PendingSignIn): Promise<void> {
  window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  try {
    const manager = await userManagerFor(pending.provider);
    await manager.signinRedirect();
  } catch (e) {
    window.sessionStorage.removeItem(PENDING_KEY);
    throw e;
  }
}

/** The sign-in this tab started, if any. */
export function pendingSignIn(): PendingSignIn | undefined {
  let v: unknown;
  try {
    v = JSON.parse(window.sessionStorage.getItem(PENDING_KEY) ?? "null");
  } catch {
    return undefined;
  }
  if (typeof v !== "object" || v === null) return undefined;
  const { provider, namespace, next } = v as Record<string, unknown>;
  const [parsed] = parsePortalConfig({ providers: [provider] }).providers;
  if (parsed === undefined || typeof namespace !== "string" || typeof next !== "string") return undefined;
  return { provider: parsed, namespace, next };
}

/** Expiry from the token itself, else from the token response. */
function expiresAtMs(user: User): number | undefined {
  const exp = jwtPayload(user.access_token)?.exp;
  if (typeof exp === "number") return exp * 1000;
  return user.expires_at === undefined ? undefined : user.expires_at * 1000;
}

/** Finishes the sign-in on the callback URL: the code for tokens (PKCE). */
export async function completeOidcSignIn(pending: PendingSignIn, url: string): Promise<{ accessToken: string; expiresAtMs: number | undefined }> {
  const manager = await userManagerFor(pending.provider);
  const user = await manager.signinRedirectCallback(url);
  window.sessionStorage.removeItem(PENDING_KEY);
  return { accessToken: user.access_token, expiresAtMs: expiresAtMs(user) };
}

/** A new access token with the refresh token (token-renewal.ts decides when). */
export async function renewOidcToken(oidc: OidcSignIn): Promise<RenewedToken> {
  const manager = await userManagerFor(oidc);
  const user = await manager.getUser();
  if (user?.refresh_token === undefined) throw new RenewalError({ kind: "no-refresh-token" });
  const renewed = await manager.signinSilent();
  if (renewed === null) throw new RenewalError({ kind: "no-refresh-token" });
  const obtainedAtMs = Date.now();
  return { token: renewed.access_token, obtainedAtMs, expiresAtMs: expiresAtMs(renewed) ?? obtainedAtMs + 5 * 60_000 };
}

/**
 * Ends the sign-in at the provider too (RP-initiated logout), so the next
 * person at this browser must give their own password. Leaves the page when
 * it works; otherwise forgets the tokens here and says what happened.
 */
export async function signOutAtProvider(oidc: OidcSignIn): Promise<{ left: boolean }> {
  try {
    const manager = await userManagerFor(oidc);
    window.sessionStorage.setItem(SIGNED_OUT_KEY, JSON.stringify({ label: oidc.label, atMs: Date.now() }));
    await manager.signoutRedirect();
    return { left: true };
  } catch {
    window.sessionStorage.removeItem(SIGNED_OUT_KEY);
    // No logout endpoint, or the provider is away: the tokens at least go.
    for (const key of Object.keys(window.sessionStorage)) if (key.startsWith("oidc.")) window.sessionStorage.removeItem(key);
    return { left: false };
  }
}

/**
 * "the demo provider" when the user has just come back from signing out
 * there. Only a page loaded after the sign-out began reads it: the sign-in
 * page this tab shows while leaving for the provider must not. Pure, so a
 * render may call it (React may render a page more than once before showing
 * it); the page forgets the notice once shown (forgetSignedOutNotice).
 */
export function readSignedOutNotice(): string | undefined {
  let v: unknown;
  try {
    v = JSON.parse(window.sessionStorage.getItem(SIGNED_OUT_KEY) ?? "null");
  } catch {
    v = null;
  }
  if (typeof v !== "object" || v === null) return undefined;
  const { label, atMs } = v as { label?: unknown; atMs?: unknown };
  if (typeof atMs === "number" && atMs >= performance.timeOrigin) return undefined;
  return typeof label === "string" ? label : undefined;
}

/** The notice is read once: after the page showing it has been committed. */
export function forgetSignedOutNotice(): void {
  window.sessionStorage.removeItem(SIGNED_OUT_KEY);
}
