import { describe, expect, it } from "vitest";
import { derivedNameFromMismatch, oidcIdentity } from "./oidc-identity.js";

const b64 = (o: object): string => btoa(JSON.stringify(o)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const jwt = (payload: object): string => `${b64({ alg: "ES256" })}.${b64(payload)}.sig`;

describe("oidcIdentity [A3], [Z2]", () => {
  it("prefix + claim is the user name; the client name is derived from it", () => {
    expect(oidcIdentity(jwt({ preferred_username: "Dana", exp: 100 }), { usernameClaim: "preferred_username", usernamePrefix: "demo:" })).toEqual({
      ok: true,
      username: "demo:Dana",
      clientName: "dana",
      expiresAtMs: 100_000,
    });
    expect(oidcIdentity(jwt({ email: "Test-Client@Example.com" }), { usernameClaim: "email", usernamePrefix: "dex:" })).toMatchObject({
      ok: true,
      clientName: "test-client-example-com",
    });
  });

  it("says what is missing", () => {
    expect(oidcIdentity("opaque", { usernameClaim: "sub", usernamePrefix: "" })).toMatchObject({ ok: false, message: expect.stringContaining("not a JWT") as unknown });
    expect(oidcIdentity(jwt({ sub: "x" }), { usernameClaim: "email", usernamePrefix: "" })).toEqual({
      ok: false,
      message: 'The provider\'s token has no "email" claim, which the controller names users by.',
    });
  });
});

describe("derivedNameFromMismatch [H4]", () => {
  it("reads the derived name out of the controller's refusal", () => {
    expect(derivedNameFromMismatch('resource name mismatch: provided "dana" but expected "dana-example-com" (derived from OIDC username "dex:Dana@Example.com")')).toBe("dana-example-com");
  });

  it("finds nothing in other texts", () => {
    expect(derivedNameFromMismatch("resource name required for pre-existing authentication")).toBeUndefined();
    expect(derivedNameFromMismatch('resource name mismatch: provided "a" but expected ""')).toBeUndefined();
  });
});
