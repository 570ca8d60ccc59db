import { describe, expect, it } from "vitest";
import { fillFromToken, signInHints, TYPED, type SignInSources } from "@/features/auth/sign-in-prefill";
import type { SignInValues } from "@/features/auth/sign-in-form";

function jwt(payload: unknown): string {
  const part = (v: unknown): string => btoa(JSON.stringify(v)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  return `${part({ alg: "ES256", typ: "JWT" })}.${part(payload)}.c2ln`;
}

const NOW = Date.UTC(2026, 11, 1);
const aliceToken = jwt({ iss: "https://localhost:8085", sub: "client:lab:alice:u-1", exp: NOW / 1000 + 86_400 });
const empty: SignInValues = { namespace: "", clientName: "", token: "", remember: false };

describe("fillFromToken [A2]", () => {
  it("fills namespace and client name from an internal token's sub", () => {
    const r = fillFromToken({ ...empty, token: aliceToken }, TYPED);
    expect(r.values).toMatchObject({ namespace: "lab", clientName: "alice" });
    expect(r.sources).toEqual({ namespace: "token", clientName: "token" });
  });

  it("keeps what the user typed, and fills only the empty field", () => {
    const r = fillFromToken({ ...empty, namespace: "lab-old", token: aliceToken }, TYPED);
    expect(r.values).toMatchObject({ namespace: "lab-old", clientName: "alice" });
    expect(r.sources).toEqual({ namespace: "typed", clientName: "token" });
  });

  it("replaces values an earlier token filled in, and a config's are the user's", () => {
    const bobToken = jwt({ sub: "client:lab:bob:u-2" });
    const fromToken: SignInSources = { namespace: "token", clientName: "token" };
    expect(fillFromToken({ ...empty, namespace: "lab", clientName: "alice", token: bobToken }, fromToken).values.clientName).toBe("bob");
    const fromConfig: SignInSources = { namespace: "config", clientName: "config" };
    expect(fillFromToken({ ...empty, namespace: "lab", clientName: "alice", token: bobToken }, fromConfig).values.clientName).toBe("alice");
  });

  it("leaves the fields to the user for a non-JWT or another sub shape, taking back what a token filled in", () => {
    for (const token of ["alice-token", jwt({ sub: "keycloak:developer-1" })]) {
      expect(fillFromToken({ ...empty, namespace: "lab", clientName: "me", token }, TYPED).values).toMatchObject({ namespace: "lab", clientName: "me" });
      const r = fillFromToken({ ...empty, namespace: "lab", clientName: "alice", token }, { namespace: "token", clientName: "token" });
      expect(r.values).toMatchObject({ namespace: "", clientName: "" });
      expect(r.sources).toEqual(TYPED);
    }
  });
});

describe("signInHints", () => {
  it("says a value was read from the token, next to the field", () => {
    const hints = signInHints({ ...empty, namespace: "lab", clientName: "alice", token: aliceToken }, { namespace: "token", clientName: "token" }, NOW);
    expect(hints.namespace).toEqual({ variant: "default", text: "Read from the token. Change it if your client has moved." });
    expect(hints.clientName?.variant).toBe("default");
    expect(hints.token?.text).toMatch(/^A client token for lab\/alice, valid until /);
  });

  it("warns when a typed value differs from the token's", () => {
    const hints = signInHints({ ...empty, namespace: "lab", clientName: "bob", token: aliceToken }, TYPED, NOW);
    expect(hints.clientName).toEqual({ variant: "warning", text: "The token was issued for client alice." });
    expect(hints.namespace).toBeUndefined();
  });

  it("warns about an expired token before the controller refuses it", () => {
    const old = jwt({ sub: "client:lab:alice:u-1", exp: NOW / 1000 - 60 });
    expect(signInHints({ ...empty, token: old }, TYPED, NOW).token).toMatchObject({ variant: "warning", text: expect.stringMatching(/^This token expired .*: the controller will refuse it\.$/) as unknown });
  });

  it("tells that a JWT of another shape names no client, and spots an exporter's token", () => {
    expect(signInHints({ ...empty, token: jwt({ sub: "developer-1" }) }, TYPED, NOW).token?.text).toBe(
      "This token names no Jumpstarter client: enter the namespace and client name yourself.",
    );
    expect(signInHints({ ...empty, token: jwt({ sub: "exporter:lab:rpi5-01:u" }) }, TYPED, NOW).token?.variant).toBe("warning");
  });

  it("says nothing for an opaque token, and credits the config file", () => {
    expect(signInHints({ ...empty, namespace: "lab", clientName: "alice", token: "alice-token" }, { namespace: "config", clientName: "config" }, NOW)).toEqual({
      namespace: { variant: "default", text: "From the client config file." },
      clientName: { variant: "default", text: "From the client config file." },
    });
  });
});
