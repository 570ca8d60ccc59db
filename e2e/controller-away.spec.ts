// Issue 8, item 8: with the controller away, the portal says so within
// about 2 s, keeps retrying, keeps what was typed, and marks stale rows.
// The timeouts below are UI behaviour bounds derived from that product rule
// (not benchmarks), generous enough for a loaded machine: the portal used to
// say nothing for about 16 s (the page) and 15 s (Create).
import { expect, signInWithToken, test } from "./fixtures.js";

/** "Within about 2 s", with room for a busy two-core machine. */
const SAYS_IT_WITHIN_MS = 5_000;

test("a fresh load with the controller away says it is not answering, keeps what is typed, and loads by itself once it is back", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await signInWithToken(page, stack);
  await stack.stopLab();
  await page.reload();

  const notAnswering = page.getByText("The lab controller is not answering");
  await expect(notAnswering).toBeVisible({ timeout: SAYS_IT_WITHIN_MS });
  await expect(page.getByText(/cannot be reached.*The portal keeps trying and shows the exporters as soon as it answers\./)).toBeVisible();

  // The user goes on typing meanwhile: nothing is lost, and the new selector waits its turn.
  await page.getByLabel("Label selector").fill("board=rpi5");
  await page.getByLabel("Search", { exact: true }).fill("01");
  await expect(page).toHaveURL(/selector=board%3Drpi5/);
  await expect(notAnswering).toBeVisible({ timeout: SAYS_IT_WITHIN_MS });

  await stack.startLab();
  const table = page.getByRole("table", { name: "Exporters" });
  await expect(table.getByRole("link", { name: "rpi5-01" })).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole("link", { name: "rcar-s4-01" })).toHaveCount(0);
  await expect(notAnswering).toBeHidden();
  await expect(page.getByLabel("Label selector")).toHaveValue("board=rpi5");
  await expect(page.getByLabel("Search", { exact: true })).toHaveValue("01");
});

test("while the controller is away the rows on screen are marked stale, and fresh again once it is back", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await signInWithToken(page, stack);
  const table = page.getByRole("table", { name: "Exporters" });
  await expect(table.getByRole("link", { name: "rcar-s4-01" })).toBeVisible();
  await expect(table).not.toHaveAccessibleDescription(/out of date/);

  await stack.stopLab();
  // The next refresh (every 5-10 s) fails: the rows stay, marked stale, and say since when.
  await expect(table).toHaveAccessibleDescription(/These rows may be out of date: last refreshed at/, { timeout: 20_000 });
  await expect(page.getByText(/These rows may be out of date/)).toBeVisible();
  await expect(table.getByRole("link", { name: "rcar-s4-01" })).toBeVisible();

  await stack.startLab();
  await expect(table).not.toHaveAccessibleDescription(/out of date/, { timeout: 30_000 });
  await expect(page.getByText(/These rows may be out of date/)).toBeHidden();
});

test("Create with the controller away says so within seconds, keeps trying and keeps the form as typed", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill("board=rpi5");
  await page.getByRole("button", { name: "1 h", exact: true }).click();
  await stack.stopLab();

  await page.getByRole("button", { name: "Create lease" }).click();
  // Not a spinner for ~14 s: the form says at once that it is waiting for the controller, and offers a way out.
  await expect(page.getByRole("status").filter({ hasText: "not answering" })).toBeVisible({ timeout: SAYS_IT_WITHIN_MS });
  await expect(page.getByRole("button", { name: "Stop trying" })).toBeEnabled();
  await expect(page.getByLabel("Label selector")).toHaveValue("board=rpi5");
  await expect(page).toHaveURL(/\/leases\/new/);
});
