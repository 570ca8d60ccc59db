// "Sign in with <provider>": the lab's identity providers, first on the
// sign-in page. Pressing one leaves for the provider's own login page; the
// callback page (oidc-callback-page.tsx) finishes the sign-in.
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { FormHelperText, FormGroup, Form } from "@/components/form/form";
import { Button } from "@/components/button/button";
import { useState, type FormEvent } from "react";
import { InlineAlert } from "@/components/inline-alert";
import { validateObjectName } from "@/domain/resource-names";
import type { PortalConfig, PortalProvider } from "@/features/auth/oidc/portal-config";
import { capitalise } from "@/lib/capitalise";

export interface OidcSignInSectionProps {
  readonly config: PortalConfig;
  /** Where to go after signing in. */
  readonly next: string;
  /** Leaves for the provider; rejects (staying here) when it cannot be reached. */
  readonly start: (provider: PortalProvider, namespace: string, next: string) => Promise<void>;
}

export function OidcSignInSection({ config, next, start }: OidcSignInSectionProps) {
  const [namespace, setNamespace] = useState("");
  const [namespaceError, setNamespaceError] = useState<string | undefined>(undefined);
  const [starting, setStarting] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<{ label: string; detail: string } | undefined>(undefined);
  const needsNamespace = config.namespace === undefined;

  const signIn = (provider: PortalProvider) => (e: FormEvent) => {
    e.preventDefault();
    const ns = config.namespace ?? namespace.trim();
    const problem = ns === "" ? "Enter your lab's namespace (for example lab)." : validateObjectName(ns, "namespace");
    setNamespaceError(problem);
    if (problem !== undefined) {
      document.getElementById("oidc-namespace")?.focus();
      return;
    }
    setFailure(undefined);
    setStarting(provider.issuer);
    start(provider, ns, next).catch((err: unknown) => {
      setStarting(undefined);
      setFailure({ label: provider.label, detail: err instanceof Error ? err.message : String(err) });
    });
  };

  return (
    <div className="portal-sign-in__oidc">
      {needsNamespace && (
        <FormGroup label="Namespace" isRequired fieldId="oidc-namespace">
          <TextInput
            id="oidc-namespace"
            value={namespace}
            onChange={(_e, v) => {
              setNamespace(v);
              setNamespaceError(undefined);
            }}
            validated={namespaceError === undefined ? "default" : "error"}
            aria-describedby={namespaceError === undefined ? undefined : "oidc-namespace-error"}
            autoComplete="off"
            spellCheck={false}
          />
          {namespaceError !== undefined && (
            <FormHelperText>
              <HelperText isLiveRegion>
                <HelperTextItem id="oidc-namespace-error" variant="error">
                  {namespaceError}
                </HelperTextItem>
              </HelperText>
            </FormHelperText>
          )}
        </FormGroup>
      )}
      {config.providers.map((p) => (
        <Form key={`${p.issuer} ${p.clientId}`} onSubmit={signIn(p)} className="portal-sign-in__oidc-form">
          <Button type="submit" variant="primary" isBlock isLoading={starting === p.issuer} isDisabled={starting !== undefined}>
            {`Sign in with ${p.label}`}
          </Button>
        </Form>
      ))}
      {failure !== undefined && (
        <InlineAlert variant="danger" title={`${capitalise(failure.label)} did not answer`} isLiveRegion className="portal-sign-in__reason">
          <p>{`The portal could not reach ${failure.label} to sign you in (${failure.detail.replace(/\.$/, "")}). Try again, or sign in with a token below.`}</p>
        </InlineAlert>
      )}
    </div>
  );
}
