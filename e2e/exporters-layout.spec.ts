// Issue 8, item 7: the exporters page fits — on a phone the name, the status
// in words and the holder of each board are readable in the first screen;
// at 1440x900 the filters take little room, so the list shows many rows.
import type { Locator, Page } from "@playwright/test";
import { expect, labClientAs, signInWithToken, test } from "./fixtures.js";

/**
 * Fails when `locator`'s text is cut: wider than its own box (an ellipsis),
 * or reaching past a clipping ancestor, or off the side of the viewport.
 */
async function expectReadable(locator: Locator, what: string): Promise<void> {
  await expect(locator, what).toBeVisible();
  const problem = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) return `cut inside itself (${el.scrollWidth} px of text in ${el.clientWidth} px)`;
    if (r.left < -1 || r.right > window.innerWidth + 1) return `off the screen (${Math.round(r.left)}..${Math.round(r.right)} of ${window.innerWidth} px)`;
    for (let a = el.parentElement; a !== null; a = a.parentElement) {
      const cs = getComputedStyle(a);
      if (cs.overflowX === "visible" && cs.overflowY === "visible") continue;
      const b = a.getBoundingClientRect();
      if (r.left < b.left - 1 || r.right > b.right + 1) return `cut by <${a.tagName.toLowerCase()} class="${a.className}"> (${Math.round(r.width)} px of text in ${Math.round(b.width)} px)`;
    }
    return "";
  });
  expect(problem, `${what} is readable`).toBe("");
}

/** The row or card of board `name` (whatever the layout), and its name. */
function board(page: Page, name: string): { entry: Locator; link: Locator } {
  const named = page.getByRole("link", { name, exact: true });
  const entry = page.getByRole("main").getByRole("row").or(page.getByRole("main").getByRole("listitem")).filter({ has: named });
  return { entry, link: entry.getByRole("link", { name, exact: true }) };
}

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("each board's name, status in words and holder are readable, and the list starts in the first screen", async ({ page, stack }) => {
    await labClientAs(stack, "bob").createLease({ parent: "namespaces/lab", lease: { exporterName: "rpi5-01", duration: { seconds: 3600n } } });
    await signInWithToken(page, stack);

    const first = board(page, "qemu-x86-01");
    await expectReadable(first.link, "qemu-x86-01's name");
    await expectReadable(first.entry.getByText("Disabled", { exact: true }), "qemu-x86-01's status");
    const box = await first.entry.boundingBox();
    expect(box, "the first board is laid out").not.toBeNull();
    expect((box?.y ?? 844) + (box?.height ?? 0), "the first board is in the first screen").toBeLessThanOrEqual(844);

    for (const [name, status] of [
      ["rcar-s4-03", "Available"],
      ["rpi5-02", "Offline"],
    ] as const) {
      const b = board(page, name);
      await b.link.scrollIntoViewIfNeeded();
      await expectReadable(b.link, `${name}'s name`);
      await expectReadable(b.entry.getByText(status, { exact: true }), `${name}'s status`);
    }

    const held = board(page, "rpi5-01");
    await held.link.scrollIntoViewIfNeeded();
    await expect(held.entry.getByText("Leased", { exact: true })).toBeVisible();
    await expectReadable(held.entry.getByText("bob", { exact: true }), "rpi5-01's holder");
    await expectReadable(held.entry.getByText(/\b1 h left\b|\b\d+ min left\b/), "rpi5-01's time left");

    await held.link.click();
    await expect(page.getByRole("heading", { name: "rpi5-01", level: 1 })).toBeVisible();
  });

  test("the collapsed navigation is out of the tab order; the menu button opens it, choosing a page closes it", async ({ page, stack }) => {
    await signInWithToken(page, stack);
    const nav = page.getByRole("navigation", { name: "Main" });
    // Collapsed: hidden from screen readers and not focusable (Lighthouse's aria-hidden-focus).
    await expect(page.locator("#page-sidebar")).toHaveAttribute("inert", "");
    for (let i = 0; i < 6; i += 1) {
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("#page-sidebar") === null), "focus never lands in the collapsed sidebar").toBe(true);
    }
    await page.getByRole("button", { name: "Main navigation" }).click();
    await expect(page.locator("#page-sidebar")).not.toHaveAttribute("inert", "");
    await nav.getByRole("link", { name: "Leases" }).click();
    await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();
    // Choosing a page closes the navigation that lay over it.
    await expect(page.locator("#page-sidebar")).toHaveAttribute("inert", "");
    await expect(page.getByRole("button", { name: "Main navigation" })).toHaveAttribute("aria-expanded", "false");
  });
});

test.describe("at 1440x900", () => {
  test("the navigation stays beside the pages it leads to; the menu button folds it; crossing to a narrow window starts it closed", async ({ page, stack }) => {
    await signInWithToken(page, stack);
    const sidebar = page.locator("#page-sidebar");
    const menu = page.getByRole("button", { name: "Main navigation" });
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Leases" }).click();
    await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();
    await expect(sidebar).not.toHaveAttribute("inert", "");

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(sidebar).toHaveAttribute("inert", "");
    await menu.click();
    await expect(sidebar).not.toHaveAttribute("inert", "");

    await page.setViewportSize({ width: 800, height: 900 });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(sidebar).toHaveAttribute("inert", "");
    await page.setViewportSize({ width: 1440, height: 900 });
    await expect(menu).toHaveAttribute("aria-expanded", "true");
  });

  test("the filters take one line, the rest on request, and the list has room for many rows", async ({ page, stack }) => {
    await signInWithToken(page, stack);
    const table = page.getByRole("table", { name: "Exporters" });
    await expect(table.getByRole("link", { name: "rcar-s4-01" })).toBeVisible();

    // Status, group by and sort wait behind "Filters"; the selector and search are there at once.
    await expect(page.getByLabel("Label selector")).toBeVisible();
    await expect(page.getByLabel("Search", { exact: true })).toBeVisible();
    const status = page.getByRole("combobox", { name: "Status", exact: true });
    await expect(status).toBeHidden();

    // Room for rows: from the first row down to the window's bottom (the issue counted about 10).
    const room = await table.locator("tbody tr[data-index]").first().evaluate((tr) => {
      const r = tr.getBoundingClientRect();
      return Math.floor((window.innerHeight - r.top) / r.height);
    });
    expect(room, "rows that fit in the first screen").toBeGreaterThanOrEqual(13);

    const toggle = page.getByRole("button", { name: /^Filters/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await status.selectOption({ label: "Offline" });
    await expect(table.getByRole("link", { name: "rpi5-02" })).toBeVisible();
    await expect(table.getByRole("link", { name: "rcar-s4-01" })).toHaveCount(0);
    await expect(page).toHaveURL(/status=offline/);

    // Closed again, it still says what shapes the list.
    await toggle.click();
    await expect(status).toBeHidden();
    await expect(page.getByRole("button", { name: "Filters (1)" })).toBeVisible();
    await expect(page.getByText("Showing only offline")).toBeVisible();
  });
});
