// Shared steps of the lease journeys (e2e/lease-*.spec.ts), as a user does them.
import type { Locator, Page } from "@playwright/test";
import { expect, labClientAs, type Stack } from "./fixtures.js";

export const LEASE_PAGE = /\/leases\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LeaseForm {
  readonly selector: string;
  /** A preset's words ("2 h"), or a custom duration ("45m"). */
  readonly duration: string;
  readonly tags?: readonly (readonly [string, string])[];
}

/** Fills the create form as a user does (selector, duration, tags). */
export async function fillLeaseForm(page: Page, stack: Pick<Stack, "url">, form: LeaseForm): Promise<void> {
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill(form.selector);
  const preset = page.getByRole("button", { name: form.duration, exact: true });
  if ((await preset.count()) > 0) {
    await preset.click();
  } else {
    await page.getByRole("button", { name: "Custom", exact: true }).click();
    await page.getByLabel("Custom duration").fill(form.duration);
  }
  for (const [i, [key, value]] of (form.tags ?? []).entries()) {
    await page.getByRole("button", { name: /add (a |another )?tag/i }).click();
    await page.getByLabel(`Tag ${i + 1} key`).fill(key);
    await page.getByLabel(`Tag ${i + 1} value`).fill(value);
  }
}

/** Creates a lease with the form and waits for its page; returns the lease's bare name. */
export async function createLease(page: Page, stack: Pick<Stack, "url">, form: LeaseForm): Promise<string> {
  await fillLeaseForm(page, stack, form);
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(LEASE_PAGE);
  return page.url().split("/").pop() ?? "";
}

/** The state label next to the lease page's heading. */
export function headingStatus(page: Page): Locator {
  return page.locator(".portal-lease-heading").locator(".pf-v6-c-label");
}

/** The toasts. */
export function toasts(page: Page): Locator {
  return page.getByRole("list", { name: "Notifications" });
}

/** Reads a lease as its owner, straight from the simulator. */
export async function storedLease(stack: Stack, owner: string, name: string) {
  return labClientAs(stack, owner).getLease({ name: `namespaces/lab/leases/${name}` });
}

/**
 * True when what the user sees at the middle of `target` is `target` itself
 * (nothing, a toast for instance, lies over it).
 */
export async function isUncovered(target: Locator): Promise<boolean> {
  return target.evaluate((el) => {
    const box = el.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    return top !== null && (top === el || el.contains(top));
  });
}
