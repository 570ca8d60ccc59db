// Issue 8, item 2: a lease for "now" is waiting, not scheduled, and says what
// for: here its board, assigned, running its beforeLease hook ([L6]: Ready
// True only means "assigned"). The "is ready" toast comes when the page says
// Ready, and the page says the same as the toast.
import { expect, labClientAs, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus, toasts } from "./lease-helpers.js";

test("a lease whose board runs its beforeLease hook says so, and turns Ready with the toast", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  // slowhook-01's beforeLease hook takes 6 s.
  await createLease(page, stack, { selector: "board=slowhook", duration: "1 h" });

  await expect(headingStatus(page)).toHaveText("Starting");
  await expect(page.getByRole("heading", { name: "Starting: slowhook-01 is running its beforeLease hook" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Scheduled:/ })).toHaveCount(0);
  // Not ready yet, so no toast says it is.
  await expect(toasts(page).getByText(/is ready/)).toHaveCount(0);

  // Once the hook is done the toast comes, and the page says the same.
  await expect(toasts(page).getByText("slowhook-01 is ready")).toBeVisible({ timeout: 20_000 });
  await expect(headingStatus(page)).toHaveText("Ready");
  await expect(page.getByRole("heading", { name: /Ready: slowhook-01 is yours/ })).toBeVisible();
});

test("a lease booked for now until an end time waits for a board, it is not scheduled", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  const bob = labClientAs(stack, "bob");
  // The only solo board is bob's, so alice's lease keeps waiting.
  await bob.createLease({ parent: "namespaces/lab", lease: { selector: "board=solo", duration: { seconds: 3600n } } });

  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill("board=solo");
  await page.getByLabel("Until an end time").check();
  const end = Math.ceil((Date.now() + 2 * 60 * 60_000) / 60_000) * 60_000;
  await page.getByLabel("End at").fill(new Date(end - new Date(end).getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
  await page.getByRole("button", { name: "Create lease" }).click();

  await expect(headingStatus(page)).toHaveText("Pending");
  await expect(page.getByRole("heading", { name: "Pending: Every matching board is in use" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Scheduled:/ })).toHaveCount(0);
});
