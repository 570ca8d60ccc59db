// Issue 8, item 9: keyboard focus is never dropped to <body>: not after
// "Add to selector", not on a new page, not after going Back.
import type { Page } from "@playwright/test";
import { expect, signInWithToken, test } from "./fixtures.js";

/** The focused element's tag, as a keyboard user's position on the page. */
function focusedTag(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.tagName);
}

test("after Add to selector, focus stays on the button the user pressed", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label key").selectOption("board");
  await page.getByLabel("Label value").selectOption("rpi5");
  const add = page.getByRole("button", { name: "Add to selector" });
  await add.focus();
  await page.keyboard.press("Enter");

  await expect(page.getByLabel("Label selector")).toHaveValue("board=rpi5");
  await expect(add).toBeFocused();
  expect(await focusedTag(page)).toBe("BUTTON");
  // Nothing is left to add until another value is picked, and it says so without losing focus.
  await expect(add).toHaveAttribute("aria-disabled", "true");
});

test("opening a board puts focus on its page's heading, and Back puts it on the row the user left from", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  const row = page.getByRole("row", { name: /rcar-s4-02/ });
  await row.focus();
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { name: "rcar-s4-02", level: 1 });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();

  await page.goBack();
  await expect(page.getByRole("heading", { name: "Exporters", level: 1 })).toBeVisible();
  await expect(row).toBeFocused();
  expect(await focusedTag(page)).toBe("TR");
  // Keyboard navigation goes on from there.
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("row", { name: /rcar-s4-03/ })).toBeFocused();
});

test("Back from the new-lease form puts focus on the link that led there", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/exporters/rpi5-01`);
  const lease = page.getByRole("link", { name: "Lease this board" });
  await lease.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "New lease", level: 1 })).toBeVisible();
  expect(await focusedTag(page)).not.toBe("BODY");

  await page.goBack();
  await expect(page.getByRole("heading", { name: "rpi5-01", level: 1 })).toBeVisible();
  await expect(lease).toBeFocused();
});
