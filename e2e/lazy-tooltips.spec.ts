// Issue 13: times, countdowns and copy buttons fetch their tooltip's code on
// the first hover or focus. What a person sees must not change: hover shows
// the exact date, keyboard focus shows it too and ties it to the trigger
// (aria-describedby), Escape hides it. The selector's help opens on a click.
import type { Locator, Page } from "@playwright/test";
import { expect, signInWithToken, test } from "./fixtures.js";
import { createLease, headingStatus } from "./lease-helpers.js";

/** The date in a <time>'s dateTime as the portal writes it in full (format-date.ts's formatAbsolute). */
async function absoluteDate(page: Page, time: Locator): Promise<string> {
  const iso = await time.getAttribute("datetime");
  expect(iso).not.toBeNull();
  return page.evaluate(
    (at) =>
      new Intl.DateTimeFormat(undefined, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" }).format(new Date(at)),
    iso ?? "",
  );
}

test("a time shows its exact date on hover and on keyboard focus, described by it, and Escape hides it", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await createLease(page, stack, { selector: "board=rcar-s4,site=bcn", duration: "2 h" });
  await expect(headingStatus(page)).toHaveText("Ready");
  // The new page puts focus on its heading (route-focus.tsx); the keyboard checks start after that.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  const tooltip = page.getByRole("tooltip");
  await expect(tooltip).toHaveCount(0);

  const time = page.getByRole("main").locator("time").first();
  const exact = await absoluteDate(page, time);
  await time.hover();
  await expect(tooltip).toHaveText(exact);
  // Away onto the heading (not a corner: a tooltip is first drawn in a corner before it is placed, and a pointer there would hide it).
  const heading = page.getByRole("heading", { level: 1 });
  await heading.hover();
  await expect(tooltip).toHaveCount(0);

  // Another time, reached from the keyboard: its tooltip names it, and Escape dismisses it.
  const other = page.getByRole("main").locator("time").nth(1);
  const otherExact = await absoluteDate(page, other);
  await other.focus();
  await expect(tooltip).toHaveText(otherExact);
  const id = await tooltip.getAttribute("id");
  expect(id).not.toBeNull();
  await expect(other).toHaveAttribute("aria-describedby", id ?? "");
  await page.keyboard.press("Escape");
  await expect(tooltip).toHaveCount(0);
  await expect(other).not.toHaveAttribute("aria-describedby", /.+/);

  // Tab away and back: it shows again (the code is in by now).
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(other).toBeFocused();
  await expect(tooltip).toHaveText(otherExact);
});

test("the countdown and the copy buttons show their tooltips on hover, the command's says Copied once clicked", async ({ page, context, stack }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: stack.url });
  await signInWithToken(page, stack);
  const name = await createLease(page, stack, { selector: "board=rpi5", duration: "1 h" });
  await expect(headingStatus(page)).toHaveText("Ready");
  const tooltip = page.getByRole("tooltip");

  await page.getByRole("main").locator(".portal-countdown-group .portal-focusable").first().hover();
  await expect(tooltip).toHaveText(/^Ends .*\d{4}/);
  await page.getByRole("heading", { level: 1 }).hover();
  await expect(tooltip).toHaveCount(0);

  await page.getByRole("button", { name: `Copy lease name ${name}` }).first().hover();
  await expect(tooltip).toHaveText(`Copy the lease name ${name}`);

  const copyCommand = page.getByRole("button", { name: "Copy the command" });
  await copyCommand.hover();
  await expect(tooltip).toHaveText("Copy the command");
  // Shown in full (PatternFly fades it in after 300 ms); a click before that would close it at once.
  await expect(tooltip).toHaveCSS("opacity", "1");
  await copyCommand.click();
  await expect(tooltip).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`jmp shell --lease ${name}`);
});

test("the label selector's help opens on a click and closes on Escape", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  const help = page.getByRole("button", { name: "Selector syntax" });
  await help.click();
  const popover = page.getByRole("dialog", { name: "Label selector" });
  await expect(popover).toBeVisible();
  await expect(popover).toContainText("board=rcar-s4,site in (bcn,brno)");
  await page.keyboard.press("Escape");
  await expect(popover).toHaveCount(0);
  await help.click();
  await expect(popover).toBeVisible();
  await popover.getByRole("button", { name: "Close" }).click();
  await expect(popover).toHaveCount(0);
});
