// Issue 8, item 3: toasts never cover the page's actions or the status in
// its heading, on a desktop and on a phone; a repeat replaces the toast it
// repeats instead of stacking.
import { expect, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus, isUncovered, toasts } from "./lease-helpers.js";

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`at ${viewport.width}x${viewport.height}, after the ready toast and two extensions, Release and the status stay uncovered`, async ({ page, stack }) => {
    await page.setViewportSize(viewport);
    await signInWithToken(page, stack);
    await createLease(page, stack, { selector: "board=rcar-s4,site=bcn", duration: "1 h" });
    await expect(headingStatus(page)).toHaveText("Ready");
    await expect(toasts(page).getByText(/is ready/)).toBeVisible();

    await page.getByRole("button", { name: "+30 min" }).click();
    await expect(toasts(page).getByText(/extended by 30 min/)).toBeVisible();
    await page.getByRole("button", { name: "+1 h" }).click();
    // The same kind of news replaces the one before it.
    await expect(toasts(page).getByText(/extended by 1 h/)).toBeVisible();
    await expect(toasts(page).getByText(/extended by/)).toHaveCount(1);
    await expect(toasts(page).getByText(/is ready/)).toBeVisible();

    for (const control of [
      page.getByRole("button", { name: "Release" }),
      page.getByRole("button", { name: "+30 min" }),
      page.getByRole("button", { name: "+1 h" }),
      headingStatus(page),
      page.getByRole("heading", { level: 1 }),
    ]) {
      await expect(control).toBeVisible();
      expect(await isUncovered(control), `${await control.textContent()} is not under a toast`).toBe(true);
    }
  });
}
