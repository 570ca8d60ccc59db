import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import type { Scenario } from "../server/lab/lab.js";
import { attachScreenshot, expect, expectAccessible, scenarioPath, setTheme, signInWithToken, test } from "./fixtures.js";

test("a new user signs in by importing the client config file the lab gave them", async ({ page, stack }, testInfo) => {
  await page.goto(`${stack.url}/exporters?selector=board%3Drcar-s4`);
  await expect(page).toHaveURL(/\/sign-in\?/);
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `sign-in-${theme}`);
    await attachScreenshot(page, testInfo, `sign-in-${theme}`);
  }

  await page.getByLabel("Client config file").setInputFiles(stack.client("alice").configPath);
  await expect(page.getByText("client alice in namespace lab")).toBeVisible();
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  // Back where they were going, filter included.
  await expect(page.getByRole("heading", { name: "Exporters", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/exporters\?selector=board%3Drcar-s4/);
  await expect(page.getByText("alice", { exact: true }).first()).toBeVisible();
});

test("a wrong token is refused with the controller's words, and nothing typed is lost", async ({ page, stack }) => {
  await page.goto(`${stack.url}/sign-in`);
  await page.getByLabel("Namespace").fill("lab");
  await page.getByLabel("Client name").fill("alice");
  await page.getByLabel("Token", { exact: true }).fill("not-a-real-token");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  // A version 1 simulator says "invalid or expired token"; a real controller "failed to authenticate token" [A9].
  await expect(page.getByText(/invalid or expired token|failed to authenticate token/i)).toBeVisible();
  await expect(page.getByLabel("Namespace")).toHaveValue("lab");
  await expect(page.getByLabel("Client name")).toHaveValue("alice");
  await expect(page.getByLabel("Token", { exact: true })).toHaveValue("not-a-real-token");
});

test("a file that is not a client config says what is wrong with it", async ({ page, stack }) => {
  await page.goto(`${stack.url}/sign-in`);
  await page.getByLabel("Client config file").setInputFiles({ name: "notes.yaml", mimeType: "text/yaml", buffer: Buffer.from("hello: world\n") });
  await expect(page.getByText(/notes\.yaml/).getByText(/token|namespace/i).first()).toBeVisible();
});

test("a token that stops being valid sends the user to sign in with the reason, then back to the same page", async ({ page, stack }) => {
  await signInWithToken(page, stack, "alice");
  await page.goto(`${stack.url}/leases`);
  await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();
  const oldToken = stack.client("alice").token;

  // An administrator deletes alice's Client and creates it again: a new UID, so the
  // browser's token names a Client that no longer exists ([A2], [A14]).
  await stack.stopLab();
  await stack.startLab(parseYaml(readFileSync(scenarioPath, "utf8").replace(/\n {2}- name: alice\n/, "\n")) as Scenario);
  await stack.stopLab();
  await stack.startLab();
  const newToken = stack.client("alice").token;
  expect(newToken).not.toBe(oldToken);

  await expect(page).toHaveURL(/\/sign-in\?/, { timeout: 30_000 });
  await expect(page.getByText(/permission denied for client lab\/alice/)).toBeVisible();

  await page.getByLabel("Token", { exact: true }).fill(newToken);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/leases$/);
});
