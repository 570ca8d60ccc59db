// Issue 8, items 10 and 5 on the exporter pages: group headers count free
// boards; a board I hold leads to my lease instead of offering to lease it
// again; the selector's placeholder is an example and its error reads the
// same on the exporters page and the new-lease form; time left in words.
import { expect, labClientAs, signInWithToken, test } from "./fixtures.js";

test("grouped by board, each header says how many of its boards are free", async ({ page, stack }) => {
  await labClientAs(stack, "bob").createLease({ parent: "namespaces/lab", lease: { exporterName: "rcar-s4-01", duration: { seconds: 3600n } } });
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/exporters?group=board`);
  const table = page.getByRole("table", { name: "Exporters" });
  await expect(table.getByRole("row", { name: /rcar-s4-01/ })).toContainText("Leased");
  // rcar-s4: one of three held; rpi5: one offline; qemu-x86: its only board disabled.
  await expect(table.getByRole("row", { name: /^Collapse board=rcar-s4/ })).toContainText("2 of 3 free");
  await expect(table.getByRole("row", { name: /^Collapse board=rpi5/ })).toContainText("1 of 2 free");
  await expect(table.getByRole("row", { name: /^Collapse board=qemu-x86/ })).toContainText("0 of 1 free");
});

test("a board I hold says so and leads to my lease; its time left reads in words", async ({ page, stack }) => {
  const lease = await labClientAs(stack, "alice").createLease({ parent: "namespaces/lab", lease: { exporterName: "rpi5-01", duration: { seconds: 3600n } } });
  const id = lease.name.split("/").pop() ?? "";
  await signInWithToken(page, stack);

  const row = page.getByRole("table", { name: "Exporters" }).getByRole("row", { name: /rpi5-01/ });
  await expect(row).toContainText("you (alice)");
  // A fresh 1 h lease: "1 h left" (rounded up to the minute, as the lease pages say it), not a "59:58" clock.
  await expect(row.getByText("1 h left", { exact: true })).toBeVisible();

  await page.goto(`${stack.url}/exporters/rpi5-01`);
  await expect(page.getByRole("heading", { name: "rpi5-01", level: 1 })).toBeVisible();
  await expect(page.getByText("You hold this board")).toBeVisible();
  await expect(page.getByRole("link", { name: "Lease this board" })).toHaveCount(0);
  await page.getByRole("link", { name: "Go to your lease" }).click();
  await expect(page).toHaveURL(new RegExp(`/leases/${id}$`));

  // A board someone else holds can still be asked for (the lease then waits).
  await page.goto(`${stack.url}/exporters/rpi5-02`);
  await expect(page.getByRole("link", { name: "Lease this board" })).toBeVisible();
});

test("the selector shows an example, not a filter, and a bad selector reads the same on both pages", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  const half = "board=rcar-s4,site in (bcn";
  // The parser's sentence, capitalised and ended (case matters: the regular expression is case-sensitive).
  const words = /Missing "\)" to close the list started at column 23\./;

  const filter = page.getByLabel("Label selector");
  await expect(filter).toHaveAttribute("placeholder", "e.g. board=rcar-s4");
  await filter.fill(half);
  await expect(page.getByText(words)).toBeVisible();

  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  const field = page.getByLabel("Label selector");
  await expect(field).toHaveAttribute("placeholder", "e.g. board=rcar-s4");
  await field.fill(half);
  await expect(page.getByText(words)).toBeVisible();
  await expect(page.getByText(/at column \d+\)/)).toHaveCount(0);
});
