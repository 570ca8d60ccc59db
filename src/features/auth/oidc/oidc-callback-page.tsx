// /sign-in/oidc: where the provider sends the browser back with the code.
// Finishes the sign-in this tab started, then goes where the user was going.
import { ActionGroup } from "@/components/form/form";
import { Content } from "@/components/content";
import { Title } from "@/components/title";
import { Spinner } from "@/components/spinner";
import { Button } from "@/components/button/button";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { InlineAlert } from "@/components/inline-alert";
import { RouterAnchor } from "@/components/router-anchor";
import { signInPath } from "@/features/auth/next-path";
import { completeOidcSignIn, pendingSignIn, startOidcSignIn, type PendingSignIn } from "@/features/auth/oidc/oidc-client";
import { finishOidcSignIn, SignInStepError } from "@/features/auth/oidc/finish-oidc-sign-in";
import { signInErrorText } from "@/features/auth/sign-in-advice";
import { verifySession } from "@/features/auth/verify-session";
import { capitalise } from "@/lib/capitalise";
import { useSessionStore } from "@/lib/session-context";
import { SignInCard } from "@/features/auth/sign-in-card";

type Failure = { readonly title: string; readonly message: string };

/** The provider's error answer (`error`, `error_description`), else the message. */
function providerWords(cause: unknown, fallback: string): string {
  if (typeof cause === "object" && cause !== null) {
    const { error, error_description: description } = cause as { error?: unknown; error_description?: unknown };
    if (typeof description === "string" && description !== "") return description;
    if (typeof error === "string") return error;
  }
  return fallback;
}

function failureText(e: unknown, pending: PendingSignIn): Failure {
  const label = pending.provider.label;
  if (!(e instanceof SignInStepError)) return { title: "The sign-in did not finish", message: e instanceof Error ? e.message : String(e) };
  switch (e.step) {
    case "provider":
      return { title: `${capitalise(label)} did not sign you in`, message: `${providerWords(e.cause, e.message).replace(/\.$/, "")}. Try again.` };
    case "token":
      return { title: `The controller cannot use ${label}'s token`, message: e.message };
    case "controller":
      return signInErrorText(e.cause, { kind: "oidc", label });
  }
}

export function OidcCallbackPage() {
  const store = useSessionStore();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [pending] = useState(pendingSignIn);
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [retrying, setRetrying] = useState(false);
  // The code can be redeemed once: StrictMode's second effect run must not try again.
  const started = useRef(false);

  useEffect(() => {
    if (pending === undefined || started.current) return;
    started.current = true;
    finishOidcSignIn(pending, { complete: (p) => completeOidcSignIn(p, window.location.href), verify: verifySession, now: Date.now }).then(
      (session) => {
        // Nothing cached for a previous session may show under the new one.
        queryClient.clear();
        store.signIn(session, false);
        void navigate(pending.next, { replace: true });
      },
      (e: unknown) => setFailure(failureText(e, pending)),
    );
  }, [pending, queryClient, store, navigate]);

  const back = signInPath(pending?.next ?? "/", null);
  const tryAgain = (): void => {
    if (pending === undefined) return;
    setRetrying(true);
    startOidcSignIn(pending).catch((e: unknown) => {
      setRetrying(false);
      setFailure({
        title: `${capitalise(pending.provider.label)} did not answer`,
        message: `The portal could not reach ${pending.provider.label} (${(e instanceof Error ? e.message : String(e)).replace(/\.$/, "")}). Try again, or sign in with a token.`,
      });
    });
  };

  const shown: Failure | undefined =
    pending === undefined ? { title: "No sign-in to finish", message: "This tab did not start a sign-in, or it has already finished. Start again from the sign-in page." } : failure;

  return (
    <SignInCard>
      <Title headingLevel="h1" size="2xl">
        {shown === undefined ? "Signing you in…" : "Sign-in did not finish"}
      </Title>
      {shown === undefined ? (
        <Content className="portal-sign-in__section">
          <p>
            <Spinner size="md" aria-hidden /> {`Checking your sign-in with ${pending?.provider.label ?? "the provider"} and the lab controller.`}
          </p>
        </Content>
      ) : (
        <>
          <InlineAlert variant="danger" title={shown.title} className="portal-sign-in__reason" isLiveRegion>
            <p>{shown.message}</p>
          </InlineAlert>
          <ActionGroup className="portal-sign-in__section">
            {pending !== undefined && (
              <Button variant="primary" onClick={tryAgain} isLoading={retrying} isDisabled={retrying}>
                Try again
              </Button>
            )}
            <Button variant={pending === undefined ? "primary" : "secondary"} component={RouterAnchor} href={back}>
              Back to sign-in
            </Button>
          </ActionGroup>
        </>
      )}
    </SignInCard>
  );
}
