import { attachScreenshot, expect, expectAccessible, labClientAs, setTheme, signInWithToken, test } from "./fixtures.js";

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
  await page.getByRole("button", { name: "Sign in" }).click();

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
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(/invalid or expired token/i)).toBeVisible();
  await expect(page.getByLabel("Namespace")).toHaveValue("lab");
  await expect(page.getByLabel("Client name")).toHaveValue("alice");
  await expect(page.getByLabel("Token", { exact: true })).toHaveValue("not-a-real-token");
});

test("a file that is not a client config says what is wrong with it", async ({ page, stack }) => {
  await page.goto(`${stack.url}/sign-in`);
  await page.getByLabel("Client config file").setInputFiles({ name: "notes.yaml", mimeType: "text/yaml", buffer: Buffer.from("hello: world\n") });
  await expect(page.getByText(/notes\.yaml/).getByText(/token|namespace/i).first()).toBeVisible();
});

test("a revoked token sends the user to sign in with the reason, then back to the same page", async ({ page, stack }) => {
  await signInWithToken(page, stack, "alice");
  await page.goto(`${stack.url}/leases`);
  await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();

  // Alice rotates her token from the command line: the browser's copy stops working.
  const rotated = await labClientAs(stack, "alice").rotateToken({ parent: "namespaces/lab" });
  await expect(page).toHaveURL(/\/sign-in\?/, { timeout: 20_000 });
  await expect(page.getByText(/Your session was rejected by the controller/)).toBeVisible();

  await page.getByLabel("Namespace").fill("lab");
  await page.getByLabel("Client name").fill("alice");
  await page.getByLabel("Token", { exact: true }).fill(rotated.token);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/leases$/);
});
