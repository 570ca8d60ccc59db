// Issue 8, item 10 (lease side): a selector that matches no exporter ends the
// lease at once ([L2] step 4: Unsatisfiable/NoAccess, "While there are 0
// exporters ..."); the page says in words that nothing matched, beside the
// controller's own message.
import { expect, labClientAs, signInWithToken, test } from "./fixtures.js";
import { headingStatus } from "./lease-helpers.js";

test("a lease whose selector matches no exporter says that nothing matched", async ({ page, stack }) => {
  const lease = await labClientAs(stack, "alice").createLease({ parent: "namespaces/lab", lease: { selector: "board=nonesuch", duration: { seconds: 3600n } } });
  const name = lease.name.split("/").pop() ?? "";
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases/${name}`);

  await expect(headingStatus(page)).toHaveText("Unsatisfiable");
  const banner = page.getByRole("heading", { name: /No exporter matches this selector/ });
  await expect(banner).toBeVisible();
  const alert = page.locator(".pf-v6-c-alert").filter({ has: banner });
  await expect(alert).toContainText("No exporter in the lab has labels matching board=nonesuch");
  // The controller's words stay, with its reason.
  await expect(alert).toContainText("While there are 0 exporters matching the selector");
  await expect(alert).toContainText("(NoAccess)");
  await expect(alert.getByRole("link", { name: "Check the selector against the exporters" })).toHaveAttribute("href", "/exporters?selector=board%3Dnonesuch");
});
