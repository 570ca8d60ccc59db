// Filling the sign-in form from what the user gave: an internal token names
// its namespace and client ([A2]), so pasting one fills both fields (the
// user may still change them: a Client migrated from another namespace keeps
// its old values in the token). A client config file names them in its
// metadata ([J1]). Pure: the page keeps the state, the form shows the hints.
import { readTokenIdentity, type TokenIdentity } from "@/domain/client-token";
import type { SignInValues } from "@/features/auth/sign-in-form";
import { formatAbsolute } from "@/lib/format-date";

/** Where a field's value came from. */
export type FieldSource = "typed" | "token" | "config";

export interface SignInSources {
  readonly namespace: FieldSource;
  readonly clientName: FieldSource;
}

export const TYPED: SignInSources = { namespace: "typed", clientName: "typed" };

export interface FieldHint {
  readonly text: string;
  readonly variant: "default" | "warning";
}

export interface SignInHints {
  readonly namespace?: FieldHint;
  readonly clientName?: FieldHint;
  readonly token?: FieldHint;
}

type NameField = "namespace" | "clientName";

/**
 * The form after its token changed: an internal token fills namespace and
 * client name, except where the user typed a value of their own. Values the
 * previous token filled in are taken back when the new one names no client.
 */
export function fillFromToken(values: SignInValues, sources: SignInSources): { values: SignInValues; sources: SignInSources } {
  const identity = readTokenIdentity(values.token);
  const next = { ...values };
  const nextSources = { ...sources };
  const fill = (field: NameField, value: string | undefined): void => {
    const own = sources[field] !== "token" && values[field].trim() !== "";
    if (own) return;
    next[field] = value ?? "";
    nextSources[field] = value === undefined ? "typed" : "token";
  };
  if (identity.kind === "internal") {
    fill("namespace", identity.namespace);
    fill("clientName", identity.name);
  } else {
    fill("namespace", undefined);
    fill("clientName", undefined);
  }
  return { values: next, sources: nextSources };
}

function nameHint(field: NameField, values: SignInValues, sources: SignInSources, identity: TokenIdentity): FieldHint | undefined {
  const value = values[field].trim();
  const what = field === "namespace" ? "namespace" : "client";
  if (identity.kind === "internal") {
    const fromToken = field === "namespace" ? identity.namespace : identity.name;
    if (value !== "" && value !== fromToken) return { variant: "warning", text: `The token was issued for ${what} ${fromToken}.` };
    if (sources[field] === "token") return { variant: "default", text: "Read from the token. Change it if your client has moved." };
  }
  if (sources[field] === "config" && value !== "") return { variant: "default", text: "From the client config file." };
  return undefined;
}

function expiryHint(expiresAtMs: number | undefined, nowMs: number): FieldHint | undefined {
  if (expiresAtMs === undefined || expiresAtMs > nowMs) return undefined;
  return { variant: "warning", text: `This token expired ${formatAbsolute(expiresAtMs)}: the controller will refuse it.` };
}

function tokenHint(identity: TokenIdentity, nowMs: number): FieldHint | undefined {
  switch (identity.kind) {
    case "opaque":
      return undefined;
    case "internal":
      return (
        expiryHint(identity.expiresAtMs, nowMs) ?? {
          variant: "default",
          text: `A client token for ${identity.namespace}/${identity.name}${identity.expiresAtMs === undefined ? "" : `, valid until ${formatAbsolute(identity.expiresAtMs)}`}.`,
        }
      );
    case "other-jwt":
      if (identity.subject?.startsWith("exporter:") === true) return { variant: "warning", text: "This is an exporter's token: sign in with a client's." };
      return expiryHint(identity.expiresAtMs, nowMs) ?? { variant: "default", text: "This token names no Jumpstarter client: enter the namespace and client name yourself." };
  }
}

/** What to say next to each field about where its value came from, and what the token says. */
export function signInHints(values: SignInValues, sources: SignInSources, nowMs: number): SignInHints {
  const identity = readTokenIdentity(values.token);
  const namespace = nameHint("namespace", values, sources, identity);
  const clientName = nameHint("clientName", values, sources, identity);
  const token = values.token.trim() === "" ? undefined : tokenHint(identity, nowMs);
  return {
    ...(namespace === undefined ? {} : { namespace }),
    ...(clientName === undefined ? {} : { clientName }),
    ...(token === undefined ? {} : { token }),
  };
}
