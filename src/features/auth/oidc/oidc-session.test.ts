import { describe, expect, it } from "vitest";
import { oidcSession } from "@/features/auth/oidc/oidc-session";
import type { PortalProvider } from "@/features/auth/oidc/portal-config";

const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: "ES256" })}.${b64(claims)}.c2ln`;

const keycloak: PortalProvider = {
  issuer: "https://idp.example/realms/lab",
  authority: "https://idp.example/realms/lab",
  clientId: "jumpstarter-portal",
  label: "Keycloak",
  usernameClaim: "preferred_username",
  usernamePrefix: "keycloak:",
};

describe("the session an OIDC sign-in makes [A3] [Z2]", () => {
  it("acts as the client the controller derives from the prefixed user name, until the token's exp", () => {
    const token = jwt({ iss: keycloak.issuer, sub: "f3a1", preferred_username: "Developer.1", exp: 2_000 });
    const result = oidcSession({ accessToken: token, expiresAtMs: 9_999_999 }, keycloak, "lab", 1_000_000);
    expect(result).toEqual({
      ok: true,
      session: {
        token,
        namespace: "lab",
        clientName: "developer-1",
        oidc: { issuer: keycloak.issuer, authority: keycloak.authority, clientId: "jumpstarter-portal", label: "Keycloak", username: "keycloak:Developer.1", obtainedAtMs: 1_000_000, expiresAtMs: 2_000_000 },
      },
    });
  });

  it("falls back on the token response's lifetime when the token has no exp", () => {
    const result = oidcSession({ accessToken: jwt({ preferred_username: "dana" }), expiresAtMs: 4_000_000 }, keycloak, "lab", 1_000_000);
    expect(result.ok && result.session.oidc?.expiresAtMs).toBe(4_000_000);
  });

  it("refuses a token the controller could not map to a user, saying why", () => {
    const opaque = oidcSession({ accessToken: "opaque-token", expiresAtMs: undefined }, keycloak, "lab", 0);
    expect(opaque.ok ? "" : opaque.message).toMatch(/not a JWT/);
    const unnamed = oidcSession({ accessToken: jwt({ sub: "x" }), expiresAtMs: undefined }, keycloak, "lab", 0);
    expect(unnamed.ok ? "" : unnamed.message).toMatch(/"preferred_username"/);
  });
});
