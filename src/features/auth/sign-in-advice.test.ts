import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { BY_TOKEN, signInErrorText } from "@/features/auth/sign-in-advice";

const unknownClient = new ConnectError('client lab/dana: clients.jumpstarter.dev "dana" not found', Code.Unknown);
const notTrusted = new ConnectError("failed to authenticate token", Code.Unknown);

describe("signInErrorText", () => {
  it("[A13] a pasted token for an unknown client: check the names, with the controller's words", () => {
    const t = signInErrorText(unknownClient, BY_TOKEN);
    expect(t.title).toBe("The controller knows no such client");
    expect(t.message).toBe('The controller answered: client lab/dana: clients.jumpstarter.dev "dana" not found. Check the namespace and the client name.');
  });

  it("[A13], [Z3] an OIDC user without a client is sent to the administrator (or provisioning), not to fields they never typed", () => {
    const t = signInErrorText(unknownClient, { kind: "oidc", label: "Keycloak" });
    expect(t.title).toBe("The controller has no client for you yet");
    expect(t.message).toContain('clients.jumpstarter.dev "dana" not found');
    expect(t.message).toContain("provisioning");
  });

  it("[A9] a token from a provider the controller does not trust names the provider", () => {
    const t = signInErrorText(notTrusted, { kind: "oidc", label: "Keycloak" });
    expect(t.title).toBe("The controller does not accept sign-ins from Keycloak");
    expect(t.message).toContain("JWT authenticators");
  });

  it("an answer with no advice keeps the shared description", () => {
    const t = signInErrorText(new ConnectError("connection refused", Code.Unavailable), { kind: "oidc", label: "Keycloak" });
    expect(t.title).toBe("The lab controller cannot be reached");
  });
});
