// Keeps an OIDC session's access token fresh: renews it with the refresh
// token a little before it expires (a timer), and makes a call that would
// otherwise send a token about to run out wait for the renewed one, so a
// form submitted at the wrong moment is not lost. When renewal cannot work,
// the session ends with the reason and the sign-in page shows it.
import type { OidcSignIn, Session, SessionStore } from "@/lib/session";
import {
  RENEW_RETRY_MS,
  classifyRenewalError,
  endsTheSession,
  mustRenewBeforeSending,
  renewalDueAtMs,
  renewalEndedReason,
} from "@/features/auth/oidc/renewal-rules";

export interface RenewedToken {
  readonly token: string;
  readonly obtainedAtMs: number;
  readonly expiresAtMs: number;
}

export interface TokenRenewalOptions {
  readonly store: Pick<SessionStore, "getState" | "subscribe" | "renewToken" | "reject">;
  /** Asks the provider for a new access token (the refresh-token grant); throws when it cannot. */
  readonly renew: (oidc: OidcSignIn) => Promise<RenewedToken>;
  readonly now?: () => number;
}

export interface TokenRenewal {
  /** The token a call should send now: the session's, renewed first if it is about to run out. */
  readonly currentToken: () => Promise<string>;
  readonly stop: () => void;
}

export function createTokenRenewal({ store, renew, now = Date.now }: TokenRenewalOptions): TokenRenewal {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inflight: Promise<void> | undefined;
  let scheduledFor: Session | null = null;

  const session = (): Session | null => store.getState().session;

  function schedule(atMs: number): void {
    clearTimeout(timer);
    timer = setTimeout(() => void renewNow(), Math.max(0, atMs - now()));
  }

  function renewNow(): Promise<void> {
    if (inflight !== undefined) return inflight;
    const current = session();
    const oidc = current?.oidc;
    if (current === null || oidc === undefined) return Promise.resolve();
    inflight = renew(oidc)
      .then(
        (renewed) => {
          // Signed out or signed in anew meanwhile: this token belongs to nobody now.
          if (session() === current) store.renewToken(renewed.token, renewed.obtainedAtMs, renewed.expiresAtMs);
        },
        (e: unknown) => {
          if (session() !== current) return;
          const failure = classifyRenewalError(e);
          if (endsTheSession(failure, oidc, now())) store.reject(renewalEndedReason(oidc.label, failure));
          else schedule(Math.min(now() + RENEW_RETRY_MS, oidc.expiresAtMs));
        },
      )
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  }

  function follow(): void {
    const current = session();
    if (current === scheduledFor) return;
    scheduledFor = current;
    clearTimeout(timer);
    if (current?.oidc !== undefined) schedule(renewalDueAtMs(current.oidc));
  }

  const unsubscribe = store.subscribe(follow);
  follow();

  return {
    currentToken: async () => {
      const current = session();
      if (current === null) return "";
      if (current.oidc !== undefined && mustRenewBeforeSending(current.oidc, now())) {
        await renewNow();
        // Renewed: the new token; failed: the old one, and the session has ended with the reason.
        return session()?.token ?? current.token;
      }
      return current.token;
    },
    stop: () => {
      unsubscribe();
      clearTimeout(timer);
    },
  };
}
