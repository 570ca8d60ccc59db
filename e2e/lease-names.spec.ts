// Issue 8, item 6: leases are led by what a person recognises — the board,
// the selector, the tags, the holder — in headings and rows, not by their
// UUID; the name stays there to copy.
import { expect, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus } from "./lease-helpers.js";

test("the lease page and the list lead with the board and the tags; the lease name is there to copy", async ({ page, stack, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.url });
  await signInWithToken(page, stack);
  const name = await createLease(page, stack, { selector: "board=rpi5", duration: "1 h", tags: [["ticket", "lab-42"]] });
  await expect(headingStatus(page)).toHaveText("Ready");

  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText("rpi5-01");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("rpi5-01");
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).not.toContainText(name);
  await expect(page.getByRole("list", { name: "Tags of this lease" })).toContainText("ticket=lab-42");
  await expect(page).toHaveTitle(/^rpi5-01 \(ticket=lab-42\)/);

  // The name, for `jmp shell --lease`: a copy button under the heading.
  await page.getByRole("button", { name: `Copy lease name ${name}` }).first().click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(name);

  await page.goto(`${stack.url}/leases`);
  const table = page.getByRole("table", { name: "My leases" });
  const row = table.getByRole("row").filter({ has: page.getByRole("button", { name: `Copy lease name ${name}` }) });
  await expect(row.getByRole("link", { name: "rpi5-01" })).toBeVisible();
  await expect(row).toContainText("ticket=lab-42");
  await expect(table.getByRole("link", { name })).toHaveCount(0);
});

test("a lease still waiting for a board is led by its selector", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  // The only rpi5 board online is taken by a first lease; the second waits.
  await createLease(page, stack, { selector: "board=rpi5", duration: "1 h" });
  await createLease(page, stack, { selector: "board=rpi5", duration: "30 min" });
  await expect(headingStatus(page)).toHaveText("Pending");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("board=rpi5");
});
