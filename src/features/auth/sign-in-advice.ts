// What a sign-in refusal means for the person signing in ([A6]-[A15],
// [H2]-[H4]): a heading and what to check, with the controller's own words
// kept. A pasted token and an OIDC sign-in fail for different reasons, so
// each gets its own advice.
import { describeError, type ErrorKind } from "@/lib/errors";

type Advice = Partial<Readonly<Record<ErrorKind, readonly [title: string, advice: string]>>>;

const TOKEN_ADVICE: Advice = {
  "bad-token": ["The controller did not accept this token", "Check the token, or import your client config again."],
  "token-expired": ["This token has expired", "Get a new one (jmp login, or from the lab's administrator)."],
  "unknown-client": ["The controller knows no such client", "Check the namespace and the client name."],
  "client-refused": ["This token belongs to another client", "Check the client name."],
  "namespace-mismatch": ["This token belongs to another namespace", "Check the namespace."],
  "metadata-refused": ["The controller refused the namespace or client name", "Check the namespace and the client name."],
};

function oidcAdvice(label: string): Advice {
  return {
    "bad-token": [
      `The controller does not accept sign-ins from ${label}`,
      `Ask the lab's administrator to add ${label} (its issuer and the portal's audience) to the controller's JWT authenticators.`,
    ],
    "token-expired": [`Your sign-in with ${label} had already expired`, "Sign in again; if this repeats, check this computer's clock."],
    "unknown-client": [
      "The controller has no client for you yet",
      "Ask the lab's administrator to create your client, or to turn on provisioning so the controller makes it on first use.",
    ],
    "client-refused": ["Your client does not accept this user", "Ask the lab's administrator which user your client is for."],
    "namespace-mismatch": ["Your client is in another namespace", "Check the namespace."],
    "metadata-refused": ["The controller refused the client name the portal worked out", "Tell the lab's administrator how the portal names users (its username claim and prefix)."],
  };
}

export type SignInWay = { readonly kind: "token" } | { readonly kind: "oidc"; readonly label: string };

export const BY_TOKEN: SignInWay = { kind: "token" };

export function signInErrorText(error: unknown, way: SignInWay): { title: string; message: string } {
  const d = describeError(error);
  const advice = (way.kind === "oidc" ? oidcAdvice(way.label) : TOKEN_ADVICE)[d.kind];
  if (advice === undefined) return { title: d.title, message: d.message };
  const answer = d.detail === "" ? "" : `The controller answered: ${d.detail.replace(/\.$/, "")}.`;
  return { title: advice[0], message: `${answer} ${advice[1]}`.trim() };
}
