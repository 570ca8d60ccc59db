// The boot frame (issue 13: first paint from the HTML alone): index.html
// draws the page's frame in the user's theme before any script or stylesheet
// has arrived, under the gateway's real CSP, and the app replaces it.
import { expect, signInWithToken, test } from "./fixtures";
import type { Page } from "@playwright/test";

/** CSP violations the page reports, collected from the moment it starts. */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction("reportCspViolation", (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      void (window as unknown as { reportCspViolation(v: string): Promise<void> }).reportCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return violations;
}

/** Holds back every script and stylesheet, so only the HTML can paint. */
async function holdAssets(page: Page): Promise<void> {
  await page.route(/\/assets\/.*\.(js|css)$/, (route) => route.abort());
}

test("the boot frame is the signed-in frame, in the stored dark theme, before any script arrives", async ({ page, stack }) => {
  const violations = await watchCsp(page);
  await signInWithToken(page, stack);
  await page.evaluate(() => localStorage.setItem("jumpstarter-portal.theme", "dark"));
  await holdAssets(page);
  await page.goto(`${stack.url}/leases`);
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-boot", "shell");
  await expect(html).toHaveClass(/pf-v6-theme-dark/);
  await expect(page.getByRole("status")).toHaveText("Loading the portal…");
  // The masthead's place and the dark page colour, from the inline style alone.
  const masthead = page.getByText("Jumpstarter Lab Portal", { exact: true }).first();
  await expect(masthead).toBeVisible();
  expect(await page.locator(".boot").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(21, 21, 21)");
  expect(violations).toEqual([]);
});

test("a visitor with no session gets the sign-in card's frame, and the wall its own", async ({ page, stack }) => {
  const violations = await watchCsp(page);
  await holdAssets(page);
  await page.goto(`${stack.url}/exporters`);
  await expect(page.locator("html")).toHaveAttribute("data-boot", "sign-in");
  await expect(page.getByRole("status")).toHaveText("Loading the portal…");
  await page.goto(`${stack.url}/wall`);
  await expect(page.locator("html")).toHaveAttribute("data-boot", "wall");
  expect(await page.locator(".boot").evaluate((e) => getComputedStyle(e).backgroundColor)).toBe("rgb(11, 15, 20)");
  expect(violations).toEqual([]);
});

test("the app replaces the boot frame once its code and styles are in", async ({ page, stack }) => {
  const violations = await watchCsp(page);
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases`);
  await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();
  await expect(page.locator(".boot")).toHaveCount(0);
  // Every stylesheet the HTML preloaded is applied.
  expect(await page.locator('link[data-app-style]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).rel))).not.toContain("preload");
  expect(await page.locator('link[data-app-style]').count()).toBeGreaterThan(0);
  expect(violations).toEqual([]);
});
