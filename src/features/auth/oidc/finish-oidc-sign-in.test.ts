import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { finishOidcSignIn, SignInStepError } from "@/features/auth/oidc/finish-oidc-sign-in";
import type { PendingSignIn } from "@/features/auth/oidc/oidc-client";
import type { Session } from "@/lib/session";

const b64 = (v: unknown) => btoa(JSON.stringify(v)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
const jwt = (claims: Record<string, unknown>) => `${b64({ alg: "RS256" })}.${b64(claims)}.c2ln`;

const pending: PendingSignIn = {
  provider: {
    issuer: "https://idp.example",
    authority: "https://idp.example",
    clientId: "portal",
    label: "the demo provider",
    usernameClaim: "sub",
    usernamePrefix: "demo:",
  },
  namespace: "lab",
  next: "/leases",
};
const token = jwt({ iss: "https://idp.example", sub: "dana", exp: 5_000 });
const complete = () => Promise.resolve({ accessToken: token, expiresAtMs: undefined });

describe("finishing an OIDC sign-in", () => {
  it("[A3] [Z2] verifies the session of the derived client and returns it", async () => {
    const verified: Session[] = [];
    const session = await finishOidcSignIn(pending, {
      complete,
      verify: (s) => (verified.push(s), Promise.resolve(s)),
      now: () => 1_000,
    });
    expect(session.clientName).toBe("dana");
    expect(session.oidc).toMatchObject({ username: "demo:dana", obtainedAtMs: 1_000, expiresAtMs: 5_000_000 });
    expect(verified.map((s) => s.clientName)).toEqual(["dana"]);
  });

  it("[H4] adopts the name the controller derived when it refuses the portal's", async () => {
    const names: string[] = [];
    const session = await finishOidcSignIn(pending, {
      complete,
      verify: (s) => {
        names.push(s.clientName);
        if (s.clientName === "dana") {
          return Promise.reject(new ConnectError('resource name mismatch: provided "dana" but expected "demo-dana" (derived from OIDC username "demo-dana")', Code.InvalidArgument));
        }
        return Promise.resolve(s);
      },
      now: () => 1_000,
    });
    expect(names).toEqual(["dana", "demo-dana"]);
    expect(session.clientName).toBe("demo-dana");
  });

  it("says at which step it failed, keeping the cause", async () => {
    const refused = new ConnectError('client lab/dana: clients.jumpstarter.dev "dana" not found', Code.Unknown);
    const controller = finishOidcSignIn(pending, { complete, verify: () => Promise.reject(refused), now: () => 1_000 });
    await expect(controller).rejects.toMatchObject({ step: "controller", cause: refused });

    const provider = finishOidcSignIn(pending, { complete: () => Promise.reject(new Error("invalid_grant")), verify: Promise.resolve.bind(Promise), now: () => 1 });
    await expect(provider).rejects.toBeInstanceOf(SignInStepError);
    await expect(provider).rejects.toMatchObject({ step: "provider", message: "invalid_grant" });

    const opaque = finishOidcSignIn(pending, { complete: () => Promise.resolve({ accessToken: "opaque", expiresAtMs: undefined }), verify: Promise.resolve.bind(Promise), now: () => 1 });
    await expect(opaque).rejects.toMatchObject({ step: "token" });
  });
});
