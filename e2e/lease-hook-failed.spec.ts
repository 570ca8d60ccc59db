// Issue 8, item 1: a lease its exporter ended because the beforeLease hook
// failed ([RL4]) says so — not a calm "Released" — names the board and its
// own message, and "Lease it again" repeats what the user asked for (the
// selector, the length, the tags), never the broken board at 1 h.
import { expect, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus, LEASE_PAGE, storedLease } from "./lease-helpers.js";

test("a lease ended by a failed beforeLease hook says so, and leasing it again repeats the request", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  // board=am62 matches am62-01 (its beforeLease hook always fails) and am62-02; the controller picks am62-01 first.
  const first = await createLease(page, stack, { selector: "board=am62", duration: "2 h", tags: [["team", "bsp"]] });

  await expect(headingStatus(page)).toHaveText("Hook failed");
  const banner = page.getByRole("heading", { name: /beforeLease hook failed/ });
  await expect(banner).toContainText("am62-01");
  const alert = page.locator(".pf-v6-c-alert").filter({ has: banner });
  await expect(alert).toContainText("beforeLease hook failed (on_failure=endLease): flash timeout");
  await expect(alert).toContainText("You did not release it");
  // The board it failed on, with the state it is in now.
  await expect(alert.getByRole("link", { name: "am62-01" })).toHaveAttribute("href", "/exporters/am62-01");
  await expect(alert.getByText("Hook failed (before lease)")).toBeVisible();
  // Not the calm banner of a release the user made.
  await expect(page.getByRole("heading", { name: /Released:/ })).toHaveCount(0);

  // The controller's own record: released, like any release ([RL4]); the portal told it apart by the exporter.
  expect((await storedLease(stack, "alice", first)).conditions.find((c) => c.type === "Ready")?.reason).toBe("Released");

  await alert.getByRole("link", { name: "Lease it again" }).click();
  await expect(page).toHaveURL(/\/leases\/new\?/);
  await expect(page.getByLabel("Any exporter matching a selector")).toBeChecked();
  await expect(page.getByLabel("Label selector")).toHaveValue("board=am62");
  await expect(page.getByRole("button", { name: "2 h", exact: true })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Tag 1 key")).toHaveValue("team");
  await expect(page.getByLabel("Tag 1 value")).toHaveValue("bsp");

  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(LEASE_PAGE);
  const again = page.url().split("/").pop() ?? "";
  expect(again).not.toBe(first);
  // The failed board is not ready, so the controller gives the same request the other one.
  await expect(headingStatus(page)).toHaveText("Ready");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("am62-02");
  const stored = await storedLease(stack, "alice", again);
  expect(stored.selector).toBe("board=am62");
  expect(stored.exporterName ?? "").toBe("");
  expect(Number(stored.duration?.seconds ?? 0n)).toBe(2 * 60 * 60);
  expect(stored.tags).toEqual({ team: "bsp" });
});
