// Who an OIDC access token makes its bearer, as the controller's JWT
// authenticator sees it ([A3]: prefix + the username claim) and which Client
// that is ([Z2]). The portal works it out from the token it got, so the
// call metadata names the right client ([H4]) and "mine" is right at once.
import { deriveClientName } from "./client-names.js";
import { jwtPayload } from "./client-token.js";

export interface UsernameMapping {
  /** The claim the lab's authenticator reads (claimMappings.username.claim). */
  readonly usernameClaim: string;
  /** Its prefix (claimMappings.username.prefix), "" for none. */
  readonly usernamePrefix: string;
}

export type OidcIdentity =
  | { readonly ok: true; readonly username: string; readonly clientName: string; readonly expiresAtMs: number | undefined }
  | { readonly ok: false; readonly message: string };

export function oidcIdentity(accessToken: string, mapping: UsernameMapping): OidcIdentity {
  const payload = jwtPayload(accessToken);
  if (payload === undefined) {
    return { ok: false, message: "The provider's access token is not a JWT, so the controller cannot accept it: ask the lab to issue JWT access tokens for the controller's audience." };
  }
  const value = payload[mapping.usernameClaim];
  if (typeof value !== "string" || value === "") {
    return { ok: false, message: `The provider's token has no "${mapping.usernameClaim}" claim, which the controller names users by.` };
  }
  const username = `${mapping.usernamePrefix}${value}`;
  const clientName = deriveClientName(username);
  if (clientName === "") return { ok: false, message: `No client name can be derived from the user name "${username}".` };
  const exp = payload.exp;
  return { ok: true, username, clientName, expiresAtMs: typeof exp === "number" ? exp * 1000 : undefined };
}

/**
 * [H4] The name the controller derived, from its refusal of another one:
 * `resource name mismatch: provided "<given>" but expected "<derived>" ...`.
 * A lab whose username mapping the portal was told wrongly still signs in.
 */
export function derivedNameFromMismatch(message: string): string | undefined {
  const m = /resource name mismatch: provided "[^"]*" but expected "([^"]+)"/.exec(message);
  return m?.[1];
}
