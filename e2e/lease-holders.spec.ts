// Issue 8, item 4: a Pending lease says who holds the boards it waits for and
// when they are expected to be free — the portal knows: the active leases'
// `exporter`, holder `client` and expected end ([S6], [TM3]).
import { expect, labClientAs, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus, toasts } from "./lease-helpers.js";

test("a lease waiting for a board in use names its holder and when it should be free, then gets it", async ({ page, stack }) => {
  const bob = labClientAs(stack, "bob");
  // bob holds the only solo board for 45 minutes.
  const bobs = await bob.createLease({ parent: "namespaces/lab", lease: { selector: "board=solo", duration: { seconds: 45n * 60n } } });
  await expect.poll(async () => (await bob.getLease({ name: bobs.name })).exporter ?? "").toBe("namespaces/lab/exporters/solo-01");
  const bobsEnd = await bob.getLease({ name: bobs.name });
  const endMs = (Number(bobsEnd.effectiveBeginTime?.seconds ?? 0n) + 45 * 60) * 1000;

  await signInWithToken(page, stack);
  await createLease(page, stack, { selector: "board=solo", duration: "1 h" });
  await expect(headingStatus(page)).toHaveText("Pending");

  const waitedFor = page.getByRole("list", { name: "Boards this lease waits for" });
  // The end of bob's lease as a clock time in the browser's zone ("14:05", "2:05 PM"), and the time left.
  const minutes = await page.evaluate((ms) => String(new Date(ms).getMinutes()).padStart(2, "0"), endMs);
  const item = waitedFor.getByRole("listitem").filter({ has: page.getByRole("link", { name: "solo-01" }) });
  await expect(item).toContainText(new RegExp(`held by bob until (tomorrow )?\\d{1,2}:${minutes}`));
  await expect(item).toContainText(/4[45] min left/);
  await expect(page.getByText(/A board is expected to be free at/)).toBeVisible();

  // The list says it in a line too.
  const leasePage = page.url();
  await page.goto(`${stack.url}/leases`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "board=solo" }) });
  await expect(row).toContainText("Every matching board is in use");
  await expect(row).toContainText(new RegExp(`solo-01: bob's until (tomorrow )?\\d{1,2}:${minutes}`));
  await page.goto(leasePage);
  await expect(headingStatus(page)).toHaveText("Pending");

  // bob is done early: alice's lease gets the board, and the page and the toast agree.
  await bob.deleteLease({ name: bobs.name });
  await expect(toasts(page).getByText("solo-01 is ready")).toBeVisible({ timeout: 20_000 });
  await expect(headingStatus(page)).toHaveText("Ready");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("solo-01");
});
