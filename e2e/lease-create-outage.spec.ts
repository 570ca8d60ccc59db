// Issue 8, item 8 (the create page): with the controller away, Create says
// soon that the controller is not answering, keeps trying by itself with the
// same lease name, keeps what was typed, and lands on the lease once the
// controller is back.
import { expect, signInWithToken, test } from "./fixtures.js";
import { fillLeaseForm, headingStatus, LEASE_PAGE, storedLease } from "./lease-helpers.js";

test("Create while the controller is away: says it is not answering, keeps retrying and what was typed, then makes the lease", async ({ page, stack }) => {
  test.setTimeout(90_000);
  await signInWithToken(page, stack);
  await fillLeaseForm(page, stack, { selector: "board=rpi5", duration: "45m", tags: [["team", "bsp"]] });

  await stack.stopLab();
  await page.getByRole("button", { name: "Create lease" }).click();
  const waiting = page.getByRole("status").filter({ hasText: "The controller is not answering — retrying" });
  await expect(waiting).toBeVisible();
  await expect(waiting).toContainText("keeps trying by itself");
  // Nothing typed is lost.
  await expect(page.getByLabel("Label selector")).toHaveValue("board=rpi5");
  await expect(page.getByLabel("Custom duration")).toHaveValue("45m");
  await expect(page.getByLabel("Tag 1 key")).toHaveValue("team");
  await expect(page).toHaveURL(/\/leases\/new$/);

  await stack.startLab();
  await expect(page).toHaveURL(LEASE_PAGE, { timeout: 30_000 });
  await expect(headingStatus(page)).toHaveText("Ready");
  const stored = await storedLease(stack, "alice", page.url().split("/").pop() ?? "");
  expect(stored.selector).toBe("board=rpi5");
  expect(Number(stored.duration?.seconds ?? 0n)).toBe(45 * 60);
  expect(stored.tags).toEqual({ team: "bsp" });
});

test("Stop trying: the form stays as typed and says submitting again is safe", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await fillLeaseForm(page, stack, { selector: "board=rpi5", duration: "1 h" });
  await stack.stopLab();
  await page.getByRole("button", { name: "Create lease" }).click();
  await page.getByRole("button", { name: "Stop trying" }).click();
  await expect(page.getByText("Stopped trying: the lease may not have been made")).toBeVisible();
  await expect(page.getByText(/Submitting again is safe/)).toBeVisible();
  await expect(page.getByLabel("Label selector")).toHaveValue("board=rpi5");
  await expect(page.getByRole("button", { name: "Create lease" })).toBeEnabled();
});
