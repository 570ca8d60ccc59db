// /sign-in?next=&reason= : sign in through the lab's identity provider, or
// import a client config or paste a token and check it with the controller,
// then go back where the user was.
import { Divider } from "@patternfly/react-core";
import { Content } from "@/components/content";
import { Title } from "@/components/title";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router";
import { InlineAlert } from "@/components/inline-alert";
import { validateObjectName } from "@/domain/resource-names";
import { MAX_CLIENT_CONFIG_BYTES } from "@/features/auth/client-config-size";
import { ConfigDropZone } from "@/features/auth/config-drop-zone";
import { safeNextPath } from "@/features/auth/next-path";
import { SignInForm, type SignInFieldErrors, type SignInValues } from "@/features/auth/sign-in-form";
import { fillFromToken, signInHints, TYPED, type SignInSources } from "@/features/auth/sign-in-prefill";
import { BY_TOKEN, signInErrorText } from "@/features/auth/sign-in-advice";
import { useVerifySession } from "@/features/auth/verify-session";
import { forgetSignedOutNotice, readSignedOutNotice, startOidcSignIn } from "@/features/auth/oidc/oidc-client";
import { OidcSignInSection } from "@/features/auth/oidc/oidc-sign-in-section";
import type { PortalProvider } from "@/features/auth/oidc/portal-config";
import { usePortalConfig } from "@/features/auth/oidc/use-portal-config";
import type { Session } from "@/lib/session";
import { useSessionState, useSessionStore } from "@/lib/session-context";
import { SignInCard } from "@/features/auth/sign-in-card";
import { useNow } from "@/lib/use-now";

function checkFields(v: SignInValues): SignInFieldErrors {
  const namespace = v.namespace.trim() === "" ? "Enter the namespace of your client (for example lab)." : validateObjectName(v.namespace.trim(), "namespace");
  const clientName = v.clientName.trim() === "" ? "Enter your client's name (for example alice)." : validateObjectName(v.clientName.trim(), "client name");
  const token = v.token.trim() === "" ? "Paste the token of your client, or import its config file above." : undefined;
  return {
    ...(namespace === undefined ? {} : { namespace }),
    ...(clientName === undefined ? {} : { clientName }),
    ...(token === undefined ? {} : { token }),
  };
}

export function SignInPage() {
  const [params] = useSearchParams();
  const reason = params.get("reason");
  const next = safeNextPath(params.get("next"));
  const navigate = useNavigate();
  const store = useSessionStore();
  const current = useSessionState().session;
  const queryClient = useQueryClient();
  const verify = useVerifySession();
  const now = useNow();
  const portal = usePortalConfig();
  // Read once: back from signing out at the provider.
  const [signedOutAt] = useState(readSignedOutNotice);
  useEffect(() => {
    if (signedOutAt !== undefined) forgetSignedOutNotice();
  }, [signedOutAt]);
  const hasProviders = portal.config.providers.length > 0;
  const startOidc = (provider: PortalProvider, namespace: string, to: string) => startOidcSignIn({ provider, namespace, next: to });

  const [values, setValues] = useState<SignInValues>({ namespace: "", clientName: "", token: "", remember: false });
  const [sources, setSources] = useState<SignInSources>(TYPED);
  const [endpoint, setEndpoint] = useState<string | undefined>(undefined);
  const [fieldErrors, setFieldErrors] = useState<SignInFieldErrors>({});
  const [importResult, setImportResult] = useState<{ ok: boolean; text: string } | null>(null);

  const onChange = (changed: SignInValues): void => {
    // A field the user edits is theirs; a new token may fill the other two ([A2]).
    const edited: SignInSources = {
      namespace: changed.namespace !== values.namespace ? "typed" : sources.namespace,
      clientName: changed.clientName !== values.clientName ? "typed" : sources.clientName,
    };
    const { values: v, sources: nextSources } = changed.token !== values.token ? fillFromToken(changed, edited) : { values: changed, sources: edited };
    setValues(v);
    setSources(nextSources);
    // Clear a field's complaint as soon as it is edited; check again on submit.
    setFieldErrors((errs) => {
      const keep: { -readonly [K in keyof SignInFieldErrors]: SignInFieldErrors[K] } = { ...errs };
      if (v.namespace !== values.namespace) delete keep.namespace;
      if (v.clientName !== values.clientName) delete keep.clientName;
      if (v.token !== values.token) delete keep.token;
      return keep;
    });
  };

  const onSubmit = (): void => {
    const errs = checkFields(values);
    setFieldErrors(errs);
    if (Object.keys(errs).length > 0) {
      // Keyboard and screen-reader users land on the first field to fix.
      const first = errs.namespace !== undefined ? "sign-in-namespace" : errs.clientName !== undefined ? "sign-in-client" : "sign-in-token";
      document.getElementById(first)?.focus();
      return;
    }
    const session: Session = {
      token: values.token.trim(),
      namespace: values.namespace.trim(),
      clientName: values.clientName.trim(),
      ...(endpoint === undefined ? {} : { endpoint }),
    };
    verify.mutate(session, {
      onSuccess: (verified) => {
        // Nothing cached for a previous session may show under the new one.
        queryClient.clear();
        store.signIn(verified, values.remember);
        void navigate(next, { replace: true });
      },
    });
  };

  const onFile = (file: File): void => {
    verify.reset();
    if (file.size > MAX_CLIENT_CONFIG_BYTES) {
      setImportResult({ ok: false, text: `${file.name} is too big (${Math.round(file.size / 1024)} KiB) to be a jmp client config.` });
      return;
    }
    // The YAML parser (a third of this page's code) loads with the first file.
    Promise.all([file.text(), import("@/features/auth/client-config")]).then(
      ([text, { parseClientConfig }]) => {
        const parsed = parseClientConfig(text, file.name);
        if (!parsed.ok) {
          setImportResult({ ok: false, text: parsed.message });
          return;
        }
        const c = parsed.config;
        setValues((v) => ({ ...v, namespace: c.namespace, clientName: c.clientName, token: c.token }));
        // The config's metadata names the client jmp uses ([J1]); it wins over the token's sub.
        setSources({ namespace: "config", clientName: "config" });
        setEndpoint(c.endpoint);
        setFieldErrors({});
        setImportResult({
          ok: true,
          text: `Read ${file.name}: client ${c.clientName} in namespace ${c.namespace}. Press Sign in to continue.`,
        });
      },
      (e: unknown) => setImportResult({ ok: false, text: `${file.name} could not be read: ${e instanceof Error ? e.message : String(e)}` }),
    );
  };

  return (
    <SignInCard>
      <Title headingLevel="h1" size="2xl">
        Sign in
      </Title>
      <Content>
        <p>
          {hasProviders ? "Sign in with your lab account, or with " : "Use "}
          the client you already use with the <code>jmp</code> command line.
        </p>
      </Content>
      {signedOutAt !== undefined && reason === null && (
        <InlineAlert variant="info" isPlain title={`Signed out, here and at ${signedOutAt}.`} className="portal-sign-in__reason" />
      )}
      {reason !== null && (
        <InlineAlert variant="warning" title="Signed out" className="portal-sign-in__reason">
          <p>{`${reason.trim() === "" ? "Your session was rejected by the controller." : reason.trim()} Sign in again.`}</p>
        </InlineAlert>
      )}
      {current !== null && reason === null && (
        <InlineAlert variant="info" isPlain title={`Signed in as ${current.clientName} in namespace ${current.namespace}. Signing in again replaces that session.`} />
      )}

      {hasProviders && (
        <>
          <Title headingLevel="h2" size="lg" className="portal-sign-in__section">
            With your lab account
          </Title>
          <OidcSignInSection config={portal.config} next={next} start={startOidc} />
          <Divider className="portal-sign-in__divider" />
        </>
      )}
      <Title headingLevel="h2" size="lg" className="portal-sign-in__section">
        {hasProviders ? "Or import your client config" : "Import your client config"}
      </Title>
      <ConfigDropZone onFile={onFile} isDisabled={verify.isPending} />
      {importResult !== null && (
        <InlineAlert variant={importResult.ok ? "success" : "danger"} isPlain title={importResult.text} isLiveRegion />
      )}

      <Divider className="portal-sign-in__divider" />
      <Title headingLevel="h2" size="lg" className="portal-sign-in__section">
        Or enter a token
      </Title>
      <SignInForm
        values={values}
        fieldErrors={fieldErrors}
        hints={signInHints(values, sources, now)}
        onChange={onChange}
        onSubmit={onSubmit}
        isVerifying={verify.isPending}
        verifyError={verify.isError ? signInErrorText(verify.error, BY_TOKEN) : undefined}
      />
    </SignInCard>
  );
}
