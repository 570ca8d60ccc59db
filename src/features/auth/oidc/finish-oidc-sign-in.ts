// Finishing an OIDC sign-in, outside React: the code for tokens, the session
// they make, and one call to the controller to prove it accepts them. When
// the controller derived another client name than the portal worked out
// ([H4]: the lab's username mapping was given wrongly), its name is adopted.
import { ConnectError } from "@connectrpc/connect";
import { derivedNameFromMismatch } from "@/domain/oidc-identity";
import { oidcSession, type OidcTokens } from "@/features/auth/oidc/oidc-session";
import type { PendingSignIn } from "@/features/auth/oidc/oidc-client";
import type { Session } from "@/lib/session";

export interface FinishSteps {
  readonly complete: (pending: PendingSignIn) => Promise<OidcTokens>;
  readonly verify: (session: Session) => Promise<Session>;
  readonly now: () => number;
}

/** What went wrong, and at which step (the page words it). */
export class SignInStepError extends Error {
  constructor(
    readonly step: "provider" | "token" | "controller",
    readonly cause: unknown,
    message: string,
  ) {
    super(message);
    this.name = "SignInStepError";
  }
}

const text = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function finishOidcSignIn(pending: PendingSignIn, steps: FinishSteps): Promise<Session> {
  let tokens: OidcTokens;
  try {
    tokens = await steps.complete(pending);
  } catch (e) {
    throw new SignInStepError("provider", e, text(e));
  }
  const made = oidcSession(tokens, pending.provider, pending.namespace, steps.now());
  if (!made.ok) throw new SignInStepError("token", undefined, made.message);
  try {
    return await steps.verify(made.session);
  } catch (e) {
    const derived = e instanceof ConnectError ? derivedNameFromMismatch(e.rawMessage) : undefined;
    if (derived === undefined || derived === made.session.clientName) throw new SignInStepError("controller", e, text(e));
    try {
      return await steps.verify({ ...made.session, clientName: derived });
    } catch (again) {
      throw new SignInStepError("controller", again, text(again));
    }
  }
}
