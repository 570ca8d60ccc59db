import { describe, expect, it } from "vitest";
import { NO_PORTAL_CONFIG, parsePortalConfig } from "@/features/auth/oidc/portal-config";

describe("the portal config the gateway serves", () => {
  it("reads the namespace and each provider, the authority defaulting to the issuer", () => {
    const config = parsePortalConfig({
      namespace: "lab",
      providers: [
        { issuer: "https://idp.example/realms/lab", clientId: "jumpstarter-portal", audiences: ["jumpstarter"], usernameClaim: "preferred_username", usernamePrefix: "keycloak:", label: "Keycloak" },
        { issuer: "https://127.0.0.1:9443", authority: "http://127.0.0.1:9080", clientId: "portal", usernamePrefix: "" },
      ],
    });
    expect(config.namespace).toBe("lab");
    expect(config.providers).toEqual([
      { issuer: "https://idp.example/realms/lab", authority: "https://idp.example/realms/lab", clientId: "jumpstarter-portal", label: "Keycloak", usernameClaim: "preferred_username", usernamePrefix: "keycloak:" },
      { issuer: "https://127.0.0.1:9443", authority: "http://127.0.0.1:9080", clientId: "portal", label: "127.0.0.1:9443", usernameClaim: "sub", usernamePrefix: "" },
    ]);
  });

  it("leaves out what cannot be used, and survives anything", () => {
    expect(parsePortalConfig("<html>")).toEqual(NO_PORTAL_CONFIG);
    expect(parsePortalConfig(null)).toEqual(NO_PORTAL_CONFIG);
    const config = parsePortalConfig({
      namespace: " ",
      providers: [{ issuer: "not a url", clientId: "x" }, { issuer: "https://idp.example" }, { issuer: "javascript:alert(1)", clientId: "x" }, { issuer: "https://idp.example", clientId: "x", authority: "ftp://x" }],
    });
    expect(config.namespace).toBeUndefined();
    expect(config.providers).toEqual([{ issuer: "https://idp.example", authority: "https://idp.example", clientId: "x", label: "idp.example", usernameClaim: "sub", usernamePrefix: "" }]);
  });
});
