// The sign-in form (a view: values and callbacks in, no calls out).
import { InputGroup, InputGroupItem } from "@patternfly/react-core";
import { Checkbox } from "@/components/form/choice";
import { TextInput } from "@/components/form/text-input";
import { HelperTextItem, HelperText } from "@/components/form/helper-text";
import { ActionGroup, FormHelperText, FormGroup, Form } from "@/components/form/form";
import { Button } from "@/components/button/button";
import { EyeIcon, EyeSlashIcon } from "@patternfly/react-icons";
import { useState, type FormEvent } from "react";
import { InlineAlert } from "@/components/inline-alert";
import type { FieldHint, SignInHints } from "@/features/auth/sign-in-prefill";

export interface SignInValues {
  readonly namespace: string;
  readonly clientName: string;
  readonly token: string;
  readonly remember: boolean;
}

/** Problems found before asking the controller, per field. */
export interface SignInFieldErrors {
  readonly namespace?: string;
  readonly clientName?: string;
  readonly token?: string;
}

export interface SignInFormProps {
  readonly values: SignInValues;
  readonly fieldErrors: SignInFieldErrors;
  /** Where a field's value came from, and what the token says (shown when the field has no error). */
  readonly hints: SignInHints;
  readonly onChange: (values: SignInValues) => void;
  readonly onSubmit: () => void;
  readonly isVerifying: boolean;
  /** The controller's answer when it refused the token, in people's words. */
  readonly verifyError?: { readonly title: string; readonly message: string } | undefined;
}

/** A field's problem, or else its hint. */
function FieldHelp({ id, error, hint }: { id: string; error: string | undefined; hint: FieldHint | undefined }) {
  if (error === undefined && hint === undefined) return null;
  return (
    <FormHelperText>
      <HelperText isLiveRegion>
        {error !== undefined ? (
          <HelperTextItem id={id} variant="error">
            {error}
          </HelperTextItem>
        ) : (
          <HelperTextItem id={id} variant={hint?.variant ?? "default"}>
            {hint?.text}
          </HelperTextItem>
        )}
      </HelperText>
    </FormHelperText>
  );
}

export function SignInForm({ values, fieldErrors, hints, onChange, onSubmit, isVerifying, verifyError }: SignInFormProps) {
  const [showToken, setShowToken] = useState(false);
  const set = (patch: Partial<SignInValues>): void => onChange({ ...values, ...patch });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    onSubmit();
  };
  const described = (field: keyof SignInFieldErrors) =>
    fieldErrors[field] === undefined && hints[field] === undefined ? {} : { "aria-describedby": `sign-in-${field}-help` };

  // The token comes first: pasting an internal token fills the two fields under it.
  return (
    <Form onSubmit={submit} noValidate aria-label="Sign in with a token">
      <FormGroup label="Token" fieldId="sign-in-token">
        <InputGroup>
          <InputGroupItem isFill>
            <TextInput
              id="sign-in-token"
              name="token"
              type={showToken ? "text" : "password"}
              value={values.token}
              onChange={(_e, v) => set({ token: v })}
              validated={fieldErrors.token === undefined ? "default" : "error"}
              autoComplete="current-password"
              spellCheck={false}
              isRequired
              {...described("token")}
            />
          </InputGroupItem>
          <InputGroupItem>
            <Button
              variant="control"
              aria-label={showToken ? "Hide the token" : "Show the token"}
              aria-pressed={showToken}
              onClick={() => setShowToken((s) => !s)}
              icon={showToken ? <EyeSlashIcon /> : <EyeIcon />}
            />
          </InputGroupItem>
        </InputGroup>
        <FieldHelp id="sign-in-token-help" error={fieldErrors.token} hint={hints.token} />
      </FormGroup>
      <FormGroup label="Namespace" fieldId="sign-in-namespace">
        <TextInput
          id="sign-in-namespace"
          name="namespace"
          value={values.namespace}
          onChange={(_e, v) => set({ namespace: v })}
          validated={fieldErrors.namespace === undefined ? "default" : "error"}
          autoComplete="off"
          spellCheck={false}
          isRequired
          {...described("namespace")}
        />
        <FieldHelp id="sign-in-namespace-help" error={fieldErrors.namespace} hint={hints.namespace} />
      </FormGroup>
      <FormGroup label="Client name" fieldId="sign-in-client">
        <TextInput
          id="sign-in-client"
          name="client"
          value={values.clientName}
          onChange={(_e, v) => set({ clientName: v })}
          validated={fieldErrors.clientName === undefined ? "default" : "error"}
          autoComplete="username"
          spellCheck={false}
          isRequired
          {...described("clientName")}
        />
        <FieldHelp id="sign-in-clientName-help" error={fieldErrors.clientName} hint={hints.clientName} />
      </FormGroup>
      <FormGroup fieldId="sign-in-remember">
        <Checkbox
          id="sign-in-remember"
          label="Remember on this device"
          description="Keeps you signed in after the browser closes. Leave it off on shared computers."
          isChecked={values.remember}
          onChange={(_e, checked) => set({ remember: checked })}
        />
      </FormGroup>
      {verifyError !== undefined && (
        <InlineAlert variant="danger" title={verifyError.title} isLiveRegion>
          <p>{verifyError.message}</p>
        </InlineAlert>
      )}
      <ActionGroup>
        <Button type="submit" variant="primary" isLoading={isVerifying} isDisabled={isVerifying}>
          {isVerifying ? "Checking the token…" : "Sign in"}
        </Button>
      </ActionGroup>
    </Form>
  );
}
