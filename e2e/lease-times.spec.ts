// Issue 8, item 5: time left reads "2 h left" with the end as a clock time
// beside it (never a "1:59:58" that reads like a clock), durations in the
// units people book in, the same on the lease page, the list and the toasts.
import { expect, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus, toasts } from "./lease-helpers.js";

/** A clock time as the portal writes it in the browser's locale: "14:05", "2:05 PM", maybe "tomorrow 0:05". */
const CLOCK = String.raw`(tomorrow )?\d{1,2}:\d{2}( [AP]M)?`;

test("time left in words with the end beside it, and durations as booked, on the lease page, the list and the toasts", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await createLease(page, stack, { selector: "board=rcar-s4,site=bcn", duration: "2 h" });
  await expect(headingStatus(page)).toHaveText("Ready");

  const field = (term: string) => page.locator(".pf-v6-c-description-list__group").filter({ has: page.getByText(term, { exact: true }) }).locator(".pf-v6-c-description-list__description");
  await expect(field("Time left")).toContainText(new RegExp(`^2 h left\\s*ends ${CLOCK}`));
  await expect(field("Time left")).not.toContainText(/\d:\d\d:\d\d/);
  await expect(field("Duration")).toHaveText("2 h");
  await expect(field("Ends")).toContainText(new RegExp(`^${CLOCK} \\(in 2 h\\)$`));

  await page.getByRole("button", { name: "+30 min" }).click();
  await expect(field("Time left")).toContainText(/^2 h 30 min left/);
  await expect(field("Duration")).toHaveText("2 h 30 min");
  await expect(toasts(page).getByText(new RegExp(`It now ends at ${CLOCK}\\.`))).toBeVisible();

  await page.getByRole("link", { name: "Leases", exact: true }).first().click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: /^rcar-s4-0[12]$/ }) });
  await expect(row).toContainText(new RegExp(`2 h 30 min left\\s*ends ${CLOCK}`));
  await expect(row).not.toContainText(/\d:\d\d:\d\d/);
});

test("a lease about to run out warns with the time left in words and its end as a clock time", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await createLease(page, stack, { selector: "board=rpi5", duration: "5m" });
  await expect(headingStatus(page)).toHaveText("Ready");
  const warning = toasts(page).locator(".pf-v6-c-alert").filter({ hasText: "rpi5-01: 5 min left" });
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toContainText(new RegExp(`The lease ends at ${CLOCK}\\.`));
});
