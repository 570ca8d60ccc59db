// Issue 11: signing in through the lab's identity provider, as a real lab
// does it. The demo provider is a real OpenID provider (oidc-provider); the
// simulator accepts its access tokens through a JWT authenticator [A3] with
// provisioning on [Z3]; the gateway learns the provider from the lab's
// login service [CF3]. Tokens here live 20 s, so a journey sees a renewal.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test as base, expect, type Page, type Request } from "@playwright/test";
import { startGateway, type RunningGateway } from "../server/gateway/gateway.js";
import { DEMO_PROVIDER_LABEL, startDemoLab, type DemoLab } from "../scripts/demo-lab.js";
import { expectAccessible, scenarioPath, signInWithToken } from "./fixtures.js";
import { clientAs } from "../server/lab/testing/lab-harness.js";
import { createLease, headingStatus } from "./lease-helpers.js";

const TOKEN_LIFETIME_S = 20;

interface OidcStack {
  readonly url: string;
  readonly demo: DemoLab;
  readonly gateway: RunningGateway;
}

const test = base.extend<{ oidc: OidcStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
  oidc: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), "portal-e2e-oidc-"));
    const demo = await startDemoLab({ dataDir, scenarioFile: scenarioPath, accessTokenTtlSeconds: TOKEN_LIFETIME_S });
    const gateway = await startGateway({ port: 0, controller: demo.lab.url, caFile: demo.lab.caFile, staticDir: "dist", portal: demo.portal, log: () => undefined });
    try {
      await use({ url: gateway.url, demo, gateway });
    } finally {
      await gateway.stop();
      await demo.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

const SIGN_IN_WITH = `Sign in with ${DEMO_PROVIDER_LABEL}`;

/** On the provider's own login page. */
async function logInAtProvider(page: Page, user: string, password: string): Promise<void> {
  await expect(page.getByRole("heading", { name: /sign in/i })).toBeVisible();
  await page.getByLabel("User name").fill(user);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

const isRefresh = (r: Request): boolean => r.method() === "POST" && /\/token$/.test(new URL(r.url()).pathname) && (r.postData() ?? "").includes("grant_type=refresh_token");

test("[A3] [Z3] sign in on the provider's page, lease a board as the provisioned client, survive a renewal, sign out", async ({ page, oidc }, testInfo) => {
  test.setTimeout(120_000);
  await page.goto(`${oidc.url}/leases`);
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fleases/);
  await expectAccessible(page, testInfo, "sign-in with a provider");
  await page.getByRole("button", { name: SIGN_IN_WITH }).click();

  // The provider's own page, at its own origin: the portal never sees the password.
  await expect(page).not.toHaveURL(new RegExp(`^${oidc.url}`));
  await logInAtProvider(page, "dana", "dana-lab-1");

  // Back where dana was going, as the client the controller derives and provisions [Z2].
  await expect(page).toHaveURL(`${oidc.url}/leases`);
  await expect(page.locator(".portal-identity")).toContainText("Client dana");
  await expect(page.locator(".portal-identity")).toHaveAttribute("title", "Signed in with the demo provider as demo:dana");
  const signedInAt = Date.now();

  const lease = await createLease(page, oidc, { selector: "board=rpi5", duration: "1 h" });
  await expect(headingStatus(page)).toHaveText("Ready");
  await expect(page.getByText("you (dana)")).toBeVisible();
  // The controller made the Client on first use, and the lease is its [Z3].
  const stored = await clientAs(oidc.demo.lab, "alice").getLease({ name: `namespaces/${oidc.demo.lab.namespace}/leases/${lease}` });
  expect(stored.client).toBe(`namespaces/${oidc.demo.lab.namespace}/clients/dana`);

  // A renewal with the refresh token, before the 20 s token runs out.
  const refresh = await page.waitForRequest(isRefresh, { timeout: TOKEN_LIFETIME_S * 1000 });
  expect((await refresh.response())?.status()).toBe(200);
  // Past the first token's expiry, calls still work: they send the renewed token.
  await page.waitForTimeout(Math.max(0, signedInAt + (TOKEN_LIFETIME_S + 2) * 1000 - Date.now()));
  await page.getByRole("button", { name: "+30 min" }).click();
  await expect(page.getByText(/1 h 2\d min left|1 h 30 min left/).first()).toBeVisible();
  await page.getByRole("link", { name: "Leases", exact: true }).first().click();
  await expect(page.getByRole("link", { name: /rpi5-0\d/ }).first()).toBeVisible();
  await expect(page).toHaveURL(`${oidc.url}/leases`);

  // Sign out ends the session here and at the provider.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { name: /sign out/i })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(`${oidc.url}/sign-in`);
  await expect(page.getByText("Signed out, here and at the demo provider.")).toBeVisible();
  // The next person at this browser must give a password again.
  await page.getByRole("button", { name: SIGN_IN_WITH }).click();
  await expect(page.getByLabel("Password")).toBeVisible();
});

test("a provider that is down: the sign-in page says so, and the token way still works", async ({ page, oidc }, testInfo) => {
  await page.goto(`${oidc.url}/sign-in`);
  await expect(page.getByRole("button", { name: SIGN_IN_WITH })).toBeVisible();
  await oidc.demo.idp.stop();
  await page.getByRole("button", { name: SIGN_IN_WITH }).click();
  await expect(page.getByRole("heading", { name: "The demo provider did not answer" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/could not reach the demo provider to sign you in \(.+\)\. Try again, or sign in with a token below\./)).toBeVisible();
  await expect(page).toHaveURL(`${oidc.url}/sign-in`);
  await expectAccessible(page, testInfo, "provider down");

  const { lab } = oidc.demo;
  const client = (name: string) => {
    const found = lab.clients.find((c) => c.name === name);
    if (found === undefined) throw new Error(`no client ${name}`);
    return found;
  };
  await signInWithToken(page, { url: oidc.url, lab, client }, "alice");
});

test("the way back from the provider with an error says what it said", async ({ page, oidc }) => {
  await page.goto(`${oidc.url}/sign-in`);
  const authorize = page.waitForRequest((r) => new URL(r.url()).searchParams.has("code_challenge"));
  await page.getByRole("button", { name: SIGN_IN_WITH }).click();
  const state = new URL((await authorize).url()).searchParams.get("state");
  await expect(page.getByLabel("Password")).toBeVisible();
  // The user gives up at the provider: it sends the browser back with error=access_denied.
  const back = new URL(`${oidc.url}/sign-in/oidc`);
  back.searchParams.set("error", "access_denied");
  back.searchParams.set("error_description", "The user cancelled the sign-in");
  if (state !== null) back.searchParams.set("state", state);
  await page.goto(back.toString());
  await expect(page.getByRole("heading", { name: "Sign-in did not finish" })).toBeVisible();
  await expect(page.getByText("The user cancelled the sign-in")).toBeVisible();
  await page.getByRole("link", { name: "Back to sign-in" }).click();
  await expect(page).toHaveURL(new RegExp(`^${oidc.url}/sign-in(\\?|$)`));
  await expect(page.getByRole("button", { name: SIGN_IN_WITH })).toBeVisible();
});
