import { expect, signInWithToken, test } from "./fixtures.js";

test("when the controller goes away the page keeps its data, says so, and recovers by itself", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await signInWithToken(page, stack);
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: "rcar-s4-01" })).toBeVisible();

  await stack.stopLab();
  const banner = page.getByText(/Showing data from .* ago/);
  await expect(banner).toBeVisible({ timeout: 40_000 });
  await expect(banner).toContainText(/cannot be reached|unavailable/i);
  await expect(table.getByRole("link", { name: "rcar-s4-01" })).toBeVisible();

  await stack.startLab();
  await expect(banner).toBeHidden({ timeout: 40_000 });
  await expect(table.getByRole("link", { name: "rcar-s4-01" })).toBeVisible();
});
