// The app's token renewal for OIDC sessions: the renewal rules with the
// provider's refresh-token grant (loaded only when a session needs it).
import { renewOidcToken } from "@/features/auth/oidc/oidc-client";
import { createTokenRenewal, type TokenRenewal, type TokenRenewalOptions } from "@/features/auth/oidc/token-renewal";

export function createOidcTokenRenewal(store: TokenRenewalOptions["store"]): TokenRenewal {
  return createTokenRenewal({ store, renew: renewOidcToken });
}
