// Issue 13: what is not on a first paint loads when first used. The lease
// dialogs open from the keyboard on their first use (while their code loads
// the focus stays on the button; then it is in the dialog, and back on the
// button when it closes); a page that does not exist still says so.
import { expect, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus } from "./lease-helpers.js";

test("a lease dialog opens from the keyboard on its first use, and gives the focus back when closed", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await createLease(page, stack, { selector: "board=rcar-s4,site=bcn", duration: "1 h" });
  await expect(headingStatus(page)).toHaveText("Ready");

  const changeEnd = page.getByRole("button", { name: "Change end" });
  await changeEnd.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(/end/i);
  await expect.poll(() => dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(changeEnd).toBeFocused();

  const release = page.getByRole("button", { name: "Release", exact: true });
  await release.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: /Release rcar-s4-0\d\?/ })).toBeVisible();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(headingStatus(page)).toHaveText("Ready");
});

test("a path the portal has no page for says so, inside the shell", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/no-such-page`);
  await expect(page.getByText("This page does not exist")).toBeVisible();
  await expect(page.getByRole("link", { name: "Exporters", exact: true }).first()).toBeVisible();
  await expect(page).toHaveTitle(/Page not found/);
});
