import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corsAllowed, startDemoIdp, type RunningIdp } from "./demo-idp.js";
import { logoutPage } from "./login-page.js";

describe("which browser origins may call the demo provider (CORS)", () => {
  const portal = ["http://127.0.0.1/sign-in/oidc", "http://localhost/sign-in/oidc", "https://portal.example/sign-in/oidc"];
  it("a loopback redirect URI allows its host on any port, as loopback redirects do", () => {
    expect(corsAllowed("http://127.0.0.1:8080", portal)).toBe(true);
    expect(corsAllowed("http://localhost:41234", portal)).toBe(true);
  });
  it("another redirect URI allows exactly its origin", () => {
    expect(corsAllowed("https://portal.example", portal)).toBe(true);
    expect(corsAllowed("https://portal.example:8443", portal)).toBe(false);
    expect(corsAllowed("https://evil.example", portal)).toBe(false);
  });
  it("https on a loopback host, or a hostile string, is not loopback http", () => {
    expect(corsAllowed("https://127.0.0.1:8080", portal)).toBe(false);
    expect(corsAllowed("not a url", portal)).toBe(false);
    expect(corsAllowed("http://127.0.0.1.evil.example:80", portal)).toBe(false);
  });
});

describe("the demo provider's browser address", () => {
  let dir: string;
  let idp: RunningIdp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "demo-idp-"));
    idp = await startDemoIdp({
      dataDir: dir,
      users: [{ username: "dana", password: "dana-lab-1", name: "Dana", email: "dana@lab.example" }],
      clients: [{ clientId: "portal", redirectUris: ["http://127.0.0.1/sign-in/oidc"], postLogoutRedirectUris: ["http://127.0.0.1/sign-in"] }],
      audience: "jumpstarter",
      browserAddress: true,
    });
  });
  afterAll(async () => {
    await idp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("serves discovery over plain http with its endpoints there, and keeps the https issuer of the tokens", async () => {
    expect(idp.browserUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const doc = (await (await fetch(`${idp.browserUrl}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(doc.issuer).toBe(idp.issuer);
    expect(idp.issuer).toMatch(/^https:/);
    expect(String(doc.authorization_endpoint)).toMatch(new RegExp(`^${idp.browserUrl}/`));
    expect(String(doc.token_endpoint)).toMatch(new RegExp(`^${idp.browserUrl}/`));
    expect(doc.end_session_endpoint).toBeDefined();
  });

  it("lets the portal's origin call its token endpoint, and no other (the answer to a bad grant shows it)", async () => {
    const refresh = (origin: string) =>
      fetch(`${idp.browserUrl}/token`, {
        method: "POST",
        headers: { origin, "content-type": "application/x-www-form-urlencoded" },
        body: "grant_type=refresh_token&refresh_token=not-one&client_id=portal",
      });
    const ours = await refresh("http://127.0.0.1:8080");
    expect(ours.headers.get("access-control-allow-origin")).toBe("http://127.0.0.1:8080");
    expect(((await ours.json()) as { error: string }).error).toBe("invalid_grant");
    const theirs = await refresh("https://evil.example");
    expect(theirs.headers.get("access-control-allow-origin")).toBeNull();
    expect(((await theirs.json()) as { error_description: string }).error_description).toContain("origin https://evil.example not allowed");
  });

  it("refuses a browser address on a host that is not loopback", async () => {
    await expect(
      startDemoIdp({ dataDir: join(dir, "other"), host: "0.0.0.0", users: [], clients: [], audience: "a", browserAddress: true }),
    ).rejects.toThrow(/loopback/);
  });
});

describe("the demo provider's sign-out question", () => {
  it("asks, with buttons that post the provider's own logout form, and escapes what it shows", () => {
    const html = logoutPage({ issuer: "https://127.0.0.1:1/<x>", form: '<form id="op.logoutForm" method="post"></form>' });
    expect(html).toContain("Sign out of the demo identity provider?");
    expect(html).toMatch(/<button[^>]*type="submit" form="op\.logoutForm" name="logout" value="yes">Sign out<\/button>/);
    expect(html).toMatch(/<button[^>]*form="op\.logoutForm">Stay signed in<\/button>/);
    expect(html).toContain("https://127.0.0.1:1/&#60;x&#62;");
    expect(html).not.toContain("<script");
  });
});
