// The portal session an OIDC sign-in makes: the provider's access token as
// the bearer token, the lab's namespace, and the client name the controller
// derives from the user name ([A3], [Z2]), so "mine" is right at once.
import { oidcIdentity } from "@/domain/oidc-identity";
import type { PortalProvider } from "@/features/auth/oidc/portal-config";
import type { Session } from "@/lib/session";

/** A token that says nothing of its expiry is renewed after this long. */
const UNKNOWN_LIFETIME_MS = 5 * 60_000;

export interface OidcTokens {
  readonly accessToken: string;
  /** What the token response said (expires_in), when the token itself does not. */
  readonly expiresAtMs: number | undefined;
}

export type OidcSessionResult = { readonly ok: true; readonly session: Session } | { readonly ok: false; readonly message: string };

export function oidcSession(tokens: OidcTokens, provider: PortalProvider, namespace: string, nowMs: number): OidcSessionResult {
  const identity = oidcIdentity(tokens.accessToken, provider);
  if (!identity.ok) return identity;
  return {
    ok: true,
    session: {
      token: tokens.accessToken,
      namespace,
      clientName: identity.clientName,
      oidc: {
        issuer: provider.issuer,
        authority: provider.authority,
        clientId: provider.clientId,
        label: provider.label,
        username: identity.username,
        obtainedAtMs: nowMs,
        expiresAtMs: identity.expiresAtMs ?? tokens.expiresAtMs ?? nowMs + UNKNOWN_LIFETIME_MS,
      },
    },
  };
}
