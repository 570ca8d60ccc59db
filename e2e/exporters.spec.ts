import { attachScreenshot, expect, expectAccessible, labClientAs, setTheme, signInWithToken, test } from "./fixtures.js";

test("exporters: filter with a label selector, valid and invalid", async ({ page, stack }, testInfo) => {
  await signInWithToken(page, stack);
  const table = page.getByRole("table");
  await expect(table.getByRole("link", { name: "qemu-x86-01" })).toBeVisible();
  await expect(table.getByRole("link", { name: "rpi5-01" })).toBeVisible();

  const selector = page.getByLabel("Label selector");
  await selector.fill("board=rcar-s4,site in (bcn)");
  await expect(table.getByRole("link", { name: "rpi5-01" })).toHaveCount(0);
  await expect(table.getByRole("link", { name: /^rcar-s4-0[12]$/ })).toHaveCount(2);
  await expect(table.getByRole("link", { name: "rcar-s4-03" })).toHaveCount(0);
  await expect(page).toHaveURL(/selector=board%3Drcar-s4/);

  // Half-typed: the message says what is wrong, and the last valid results stay.
  await selector.fill("board=rcar-s4,site in (bcn");
  await expect(page.getByText(/missing "\)"/i)).toBeVisible();
  await expect(table.getByRole("link", { name: /^rcar-s4-0[12]$/ })).toHaveCount(2);
  await attachScreenshot(page, testInfo, "exporters-invalid-selector");

  await selector.fill("");
  await expect(table.getByRole("link", { name: "rpi5-01" })).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `exporters-${theme}`);
    await attachScreenshot(page, testInfo, `exporters-${theme}`);
  }
});

test("exporter detail: labels, status and the way to lease it", async ({ page, stack }, testInfo) => {
  await signInWithToken(page, stack);
  await page.getByRole("table").getByRole("link", { name: "rpi5-02" }).click();
  await expect(page.getByRole("heading", { name: "rpi5-02", level: 1 })).toBeVisible();
  await expect(page.getByText("Offline").first()).toBeVisible();
  await expect(page.getByText("board=rpi5").first()).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `exporter-detail-${theme}`);
    await attachScreenshot(page, testInfo, `exporter-detail-${theme}`);
  }
  await page.getByRole("link", { name: "Lease this board" }).or(page.getByRole("button", { name: "Lease this board" })).click();
  await expect(page).toHaveURL(/\/leases\/new\?exporter=rpi5-02/);
});

test("a deprecated label is shown as the controller's warning, on the board's page and on a lease that selects by it [HL2], [HL3]", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/exporters/rcar-s4-03`);
  await expect(page.getByRole("heading", { name: "rcar-s4-03", level: 1 })).toBeVisible();
  await expect(page.getByText("Label 'location' on exporter 'rcar-s4-03' is deprecated: use site instead")).toBeVisible();

  // A lease that selects by it hears the same from the controller.
  const lease = await labClientAs(stack, "alice").createLease({
    parent: "namespaces/lab",
    lease: { selector: "location=brno-lab-1", duration: { seconds: 3600n } },
  });
  const id = lease.name.split("/").pop() ?? "";
  await page.goto(`${stack.url}/leases/${id}`);
  await expect(page.getByText(`Selector label 'location' on lease '${id}' is deprecated: use site instead`)).toBeVisible();
});
