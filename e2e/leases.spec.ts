import type { Page } from "@playwright/test";
import { attachScreenshot, expect, expectAccessible, labClientAs, setTheme, signInWithToken, test, type Stack } from "./fixtures.js";

const leasePage = /\/leases\/[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

async function leaseBySelector(page: Page, stack: Stack, selector: string): Promise<void> {
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill(selector);
  await page.getByRole("button", { name: "1 h", exact: true }).click();
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(leasePage);
}

/** The lease page's status, as words on the page. */
function status(page: Page, words: string) {
  return page.getByRole("main").getByText(words, { exact: true }).first();
}

test("lease a board by selector, watch it become Ready, extend it and release it", async ({ page, stack }, testInfo) => {
  await signInWithToken(page, stack);
  await leaseBySelector(page, stack, "board=rcar-s4,site=bcn");
  await expect(status(page, "Ready")).toBeVisible();
  await expect(page.getByRole("main").getByText(/rcar-s4-0[12]/).first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Command to open a shell on the board" })).toHaveValue(/^jmp shell --lease [0-9a-f-]{36}$/);
  // The "ready" toast is part of what the user sees now; the checks below include it.
  await expect(page.getByRole("list", { name: "Notifications" }).getByText(/is ready/).first()).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `lease-ready-${theme}`);
    await attachScreenshot(page, testInfo, `lease-ready-${theme}`);
  }

  const name = page.url().split("/").pop() ?? "";
  const owner = labClientAs(stack, "alice");
  const before = await owner.getLease({ name: `namespaces/lab/leases/${name}` });
  await page.getByRole("button", { name: "+30 min" }).click();
  await expect
    .poll(async () => Number((await owner.getLease({ name: `namespaces/lab/leases/${name}` })).duration?.seconds ?? 0n))
    .toBe(Number(before.duration?.seconds ?? 0n) + 30 * 60);

  await page.getByRole("button", { name: "Release" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText(/rcar-s4-0[12]/);
  await dialog.getByRole("button", { name: "Release" }).click();
  await expect(status(page, "Released")).toBeVisible();
  const released = await owner.getLease({ name: `namespaces/lab/leases/${name}` });
  expect(released.conditions.find((c) => c.type === "Ready")?.reason).toBe("Released");
});

test("lease a specific board by name from its page", async ({ page, stack }, testInfo) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/exporters/rpi5-01`);
  await page.getByRole("link", { name: "Lease this board" }).or(page.getByRole("button", { name: "Lease this board" })).click();
  await expect(page).toHaveURL(/\/leases\/new\?exporter=rpi5-01/);
  await expect(page.getByLabel("A specific exporter, by name")).toBeChecked();
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `create-lease-${theme}`);
    await attachScreenshot(page, testInfo, `create-lease-${theme}`);
  }
  await page.getByRole("button", { name: "1 h", exact: true }).click();
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(leasePage);
  await expect(status(page, "Ready")).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "rpi5-01" }).first()).toBeVisible();
});

test("a custom duration that does not parse is refused next to the field, nothing else lost", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill("board=rpi5");
  await page.getByRole("button", { name: "Custom", exact: true }).click();
  await page.getByLabel("Custom duration").fill("two hours");
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page.getByText(/duration/i).filter({ hasText: /2h|90m|1h30m/ }).first()).toBeVisible();
  await expect(page).toHaveURL(/\/leases\/new/);
  await expect(page.getByLabel("Label selector")).toHaveValue("board=rpi5");
});

test("everyone's leases show another client's lease, mine do not", async ({ page, stack }, testInfo) => {
  const bob = labClientAs(stack, "bob");
  const lease = await bob.createLease({ parent: "namespaces/lab", lease: { selector: "board=rcar-s4,site=brno", duration: { seconds: 3600n }, tags: { team: "kernel" } } });
  const bobsLease = lease.name.split("/").pop() ?? "";

  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases`);
  await expect(page.getByRole("heading", { name: "Leases", level: 1 })).toBeVisible();
  await expect(page.getByText("You hold no leases")).toBeVisible();

  await page.getByRole("button", { name: "Everyone's", exact: true }).click();
  await expect(page).toHaveURL(/scope=all/);
  // The row leads with the board bob got; the lease's name is there to copy.
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: `Copy lease name ${bobsLease}` }) });
  await expect(row.getByRole("link", { name: "rcar-s4-03" })).toBeVisible();
  await expect(row).toContainText("bob");
  await expect(row).toContainText("Ready");
  await expect(row).toContainText("team=kernel");
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `leases-all-${theme}`);
    await attachScreenshot(page, testInfo, `leases-all-${theme}`);
  }
});

test("schedule a lease for later: it waits as Scheduled", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill("board=rpi5");
  await page.getByLabel("At a chosen time").check();
  const start = new Date(Date.now() + 2 * 60 * 60 * 1000);
  const local = new Date(start.getTime() - start.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel("Start at").fill(local);
  await page.getByRole("button", { name: "2 h", exact: true }).click();
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(leasePage);
  await expect(status(page, "Scheduled")).toBeVisible();

  const name = page.url().split("/").pop() ?? "";
  const stored = await labClientAs(stack, "alice").getLease({ name: `namespaces/lab/leases/${name}` });
  expect(Number(stored.beginTime?.seconds ?? 0n) * 1000).toBeGreaterThan(Date.now() + 60 * 60 * 1000);
  expect(stored.exporter ?? "").toBe("");
});

/** A datetime-local value for `ms`, to the minute, in the browser's (this machine's) zone. */
function localInput(ms: number): string {
  return new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const MINUTE = 60_000;
const seconds = (t: { seconds?: bigint } | undefined): number => Number(t?.seconds ?? 0n);

test("[U13] extend and change the end of a lease booked with an end time: begin kept, end and duration move together", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill("board=rcar-s4,site=bcn");
  await page.getByLabel("Until an end time").check();
  const end = Math.ceil((Date.now() + 2 * 60 * MINUTE) / MINUTE) * MINUTE;
  await page.getByLabel("End at").fill(localInput(end));
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(leasePage);
  await expect(status(page, "Ready")).toBeVisible();

  const name = `namespaces/lab/leases/${page.url().split("/").pop() ?? ""}`;
  const owner = labClientAs(stack, "alice");
  const booked = await owner.getLease({ name });
  expect(seconds(booked.endTime) * 1000).toBe(end);
  const begin = seconds(booked.beginTime);
  expect(begin).toBeGreaterThan(0);

  // +30 min: the controller gets begin_time (as stored), end_time and duration; end_time alone would be refused.
  await page.getByRole("button", { name: "+30 min" }).click();
  await expect(page.getByRole("list", { name: "Notifications" }).getByText(/extended by 30 min/)).toBeVisible();
  await expect.poll(async () => seconds((await owner.getLease({ name })).endTime) * 1000).toBe(end + 30 * MINUTE);
  const extended = await owner.getLease({ name });
  expect(seconds(extended.beginTime)).toBe(begin);
  expect(seconds(extended.duration)).toBe((end + 30 * MINUTE) / 1000 - begin);

  // A new end, typed: the same recipe.
  const newEnd = end + 90 * MINUTE;
  await page.getByRole("button", { name: "Change end" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Set a new end").check();
  await dialog.getByRole("textbox", { name: "New end" }).fill(localInput(newEnd));
  await dialog.getByRole("button", { name: "Change end" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("list", { name: "Notifications" }).getByText(/the lease end changed/)).toBeVisible();
  await expect.poll(async () => seconds((await owner.getLease({ name })).endTime) * 1000).toBe(newEnd);
  const moved = await owner.getLease({ name });
  expect(seconds(moved.beginTime)).toBe(begin);
  expect(seconds(moved.duration)).toBe(newEnd / 1000 - begin);
});

test("[U13] move the start of a booking that has no board yet, keeping its length; Transfer is not offered before it holds one [TR1]", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  await page.goto(`${stack.url}/leases/new`);
  await page.getByLabel("Any exporter matching a selector").check();
  await page.getByLabel("Label selector").fill("board=rpi5");
  await page.getByLabel("At a chosen time").check();
  const start = Math.ceil((Date.now() + 3 * 60 * MINUTE) / MINUTE) * MINUTE;
  await page.getByLabel("Start at").fill(localInput(start));
  await page.getByLabel("Until an end time").check();
  await page.getByLabel("End at").fill(localInput(start + 60 * MINUTE));
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(leasePage);
  await expect(status(page, "Scheduled")).toBeVisible();
  await expect(page.getByRole("button", { name: "Transfer" })).toHaveCount(0);

  const later = start + 2 * 60 * MINUTE;
  await page.getByRole("button", { name: "Change start" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("New start").fill(localInput(later));
  await expect(dialog.getByLabel("Its length (the end moves too)")).toBeChecked();
  await dialog.getByRole("button", { name: "Change start" }).click();
  await expect(dialog).toBeHidden();

  const name = `namespaces/lab/leases/${page.url().split("/").pop() ?? ""}`;
  const owner = labClientAs(stack, "alice");
  await expect.poll(async () => seconds((await owner.getLease({ name })).beginTime) * 1000).toBe(later);
  const stored = await owner.getLease({ name });
  expect(seconds(stored.endTime) * 1000).toBe(later + 60 * MINUTE);
  expect(seconds(stored.duration)).toBe(3600);
});
