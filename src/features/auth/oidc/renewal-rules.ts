// When an OIDC session renews its access token, and what to tell the user
// when it cannot. Pure: the timers and the provider live elsewhere.
import type { OidcSignIn } from "@/lib/session";

/** Renew at most this long before the token expires. */
export const RENEW_LEAD_MAX_MS = 60_000;
/** A provider that did not answer is asked again this often (until the token expires). */
export const RENEW_RETRY_MS = 10_000;
/** Closer than this to expiry, a call waits for the renewed token instead of sending the old one. */
export const EXPIRY_MARGIN_MS = 5_000;

type Lifetime = Pick<OidcSignIn, "obtainedAtMs" | "expiresAtMs">;

/** A quarter of the token's life before it expires, and at most a minute before. */
export function renewalDueAtMs(t: Lifetime): number {
  const life = Math.max(0, t.expiresAtMs - t.obtainedAtMs);
  return t.expiresAtMs - Math.min(RENEW_LEAD_MAX_MS, life / 4);
}

/** Too close to expiry to send: the call waits for the renewal. */
export function mustRenewBeforeSending(t: Lifetime, nowMs: number): boolean {
  return nowMs >= t.expiresAtMs - EXPIRY_MARGIN_MS;
}

export type RenewalFailure =
  /** The provider answered and refused (an OAuth error such as invalid_grant): only a new sign-in helps. */
  | { readonly kind: "refused"; readonly detail: string }
  /** The provider gave no refresh token, so there is nothing to renew with. */
  | { readonly kind: "no-refresh-token" }
  /** No answer (network, timeout): worth asking again while the token lasts. */
  | { readonly kind: "unreachable"; readonly detail: string };

/** A failure the portal itself found (no refresh token), already classified. */
export class RenewalError extends Error {
  constructor(readonly renewal: RenewalFailure) {
    super(renewal.kind);
    this.name = "RenewalError";
  }
}

/** Classifies what renewing threw; an OAuth error response carries `error` (and maybe `error_description`). */
export function classifyRenewalError(e: unknown): RenewalFailure {
  if (e instanceof RenewalError) return e.renewal;
  if (typeof e === "object" && e !== null && typeof (e as { error?: unknown }).error === "string") {
    const { error, error_description: description } = e as { error: string; error_description?: unknown };
    return { kind: "refused", detail: typeof description === "string" && description !== "" ? description : error };
  }
  return { kind: "unreachable", detail: e instanceof Error ? e.message : String(e) };
}

/** A failure renewing is final now when only a new sign-in can help, or when the token has run out. */
export function endsTheSession(failure: RenewalFailure, t: Lifetime, nowMs: number): boolean {
  return failure.kind !== "unreachable" || nowMs >= t.expiresAtMs;
}

/** The reason the sign-in page shows (it adds "Sign in again."). */
export function renewalEndedReason(label: string, failure: RenewalFailure): string {
  switch (failure.kind) {
    case "refused":
      return `Your sign-in with ${label} has ended: it would not renew it (${failure.detail.replace(/\.$/, "")}).`;
    case "no-refresh-token":
      return `Your sign-in with ${label} has expired, and it gave the portal no refresh token to renew it with.`;
    case "unreachable":
      return `Your sign-in with ${label} has expired, and ${label} did not answer to renew it (${failure.detail.replace(/\.$/, "")}).`;
  }
}
