// Issue 10, items 1-2: the booking timeline. Book a free slot by dragging
// across a board's row, see the clash with someone else's booking before
// anything is sent, book a free slot with the keyboard, and axe in light
// and dark. The browser runs in a fixed zone and a 24-hour locale, and every
// time the journeys use is worked out in the browser, so the times the test
// expects and the ones the portal shows come from the same clock.
import type { Locator, Page } from "@playwright/test";
import { expect, expectAccessible, labClientAs, setTheme, signInWithToken, test, type Stack } from "./fixtures.js";
import { LEASE_PAGE } from "./lease-helpers.js";

test.use({ timezoneId: "Europe/Madrid", locale: "en-GB" });

interface Tomorrow {
  /** "2026-12-03" */
  readonly date: string;
  /** Epoch ms of tomorrow's local midnight. */
  readonly midnight: number;
}

/** Tomorrow in the browser's zone. */
async function tomorrow(page: Page): Promise<Tomorrow> {
  return page.evaluate(() => {
    const now = new Date();
    const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    const pad = (n: number) => String(n).padStart(2, "0");
    return { date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`, midnight: d.getTime() };
  });
}

const HOUR = 3_600_000;
const seconds = (ms: number) => ({ seconds: BigInt(Math.floor(ms / 1000)) });

/** A board's row on the timeline (a group named after the board). */
function boardRow(page: Page, board: string): Locator {
  return page.getByRole("group", { name: new RegExp(`^${board}(,|$)`) });
}

/** Drags across a board's row from one hour of the day view to another, as a person does with a mouse. */
async function dragAcross(page: Page, board: string, fromHour: number, toHour: number): Promise<void> {
  const track = boardRow(page, board).locator(".portal-tl-track");
  const box = await track.boundingBox();
  if (box === null) throw new Error(`the row of ${board} is not on screen`);
  const x = (h: number) => box.x + (box.width * h) / 24;
  const y = box.y + box.height / 2;
  await page.mouse.move(x(fromHour), y);
  await page.mouse.down();
  await page.mouse.move(x((fromHour + toHour) / 2), y, { steps: 5 });
  await page.mouse.move(x(toHour), y, { steps: 5 });
  await page.mouse.up();
}

async function openTimeline(page: Page, stack: Stack, query: string): Promise<void> {
  await page.goto(`${stack.url}/timeline?${query}`);
  await expect(page.getByRole("heading", { name: "Timeline", level: 1 })).toBeVisible();
  await expect(page.getByRole("region", { name: /^Timeline, day of/ })).toBeVisible();
}

test("drag across a free slot, the form opens with that board and window, and the booking shows on the timeline as alice's [TM2]", async ({ page, stack }) => {
  await signInWithToken(page, stack, "alice");
  await page.getByRole("link", { name: "Timeline", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Timeline", level: 1 })).toBeVisible();
  await page.getByRole("button", { name: "Next day" }).click();
  const day = await tomorrow(page);
  await expect(page).toHaveURL(new RegExp(`date=${day.date}`));

  await dragAcross(page, "rcar-s4-03", 10, 12);
  await expect(page).toHaveURL(/\/leases\/new\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.get("exporter")).toBe("rcar-s4-03");
  expect(Date.parse(params.get("start") ?? "")).toBe(day.midnight + 10 * HOUR);
  expect(Date.parse(params.get("end") ?? "")).toBe(day.midnight + 12 * HOUR);
  await expect(page.getByLabel("Start at")).toHaveValue(`${day.date}T10:00`);
  await expect(page.getByLabel("End at")).toHaveValue(`${day.date}T12:00`);

  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(LEASE_PAGE);
  const leaseName = page.url().split("/").pop() ?? "";
  const stored = await labClientAs(stack, "alice").getLease({ name: `namespaces/lab/leases/${leaseName}` });
  expect(stored.exporterName).toBe("rcar-s4-03");
  expect(Number(stored.beginTime?.seconds ?? 0n) * 1000).toBe(day.midnight + 10 * HOUR);

  await page.getByRole("link", { name: "Timeline", exact: true }).click();
  await page.getByRole("button", { name: "Next day" }).click();
  const bar = boardRow(page, "rcar-s4-03").getByRole("link", { name: /^alice, rcar-s4-03, tomorrow 10:00 to 12:00, scheduled$/ });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveText("alice");
  await bar.click();
  await expect(page).toHaveURL(new RegExp(`/leases/${leaseName}$`));
});

test("dragging across alice's booking names her and asks before anything is sent [L2]", async ({ page, stack }) => {
  await signInWithToken(page, stack, "bob");
  const day = await tomorrow(page);
  await labClientAs(stack, "alice").createLease({
    parent: "namespaces/lab",
    lease: { exporterName: "rcar-s4-03", beginTime: seconds(day.midnight + 10 * HOUR), endTime: seconds(day.midnight + 12 * HOUR), tags: { team: "bsp" } },
  });
  await openTimeline(page, stack, `date=${day.date}`);
  await expect(boardRow(page, "rcar-s4-03").getByRole("link", { name: /^alice, rcar-s4-03, tomorrow 10:00 to 12:00, scheduled, tags team=bsp$/ })).toBeVisible();

  await dragAcross(page, "rcar-s4-03", 10, 12);
  const clash = page.getByRole("status").filter({ hasText: "rcar-s4-03 is booked by alice" });
  await expect(clash).toHaveText(/^rcar-s4-03 is booked by alice for the whole of that window/);
  await expect(page.getByRole("button", { name: "Book anyway" })).toBeVisible();
  await expect(page).toHaveURL(/\/timeline\?/);

  // A window that starts inside hers: it would wait for her to finish.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(clash).toHaveCount(0);
  await dragAcross(page, "rcar-s4-03", 11, 14);
  await expect(page.getByRole("status").filter({ hasText: "booked by alice" })).toHaveText("rcar-s4-03 is booked by alice until tomorrow 12:00; yours would wait until then.");
  await page.getByRole("button", { name: "Cancel" }).click();

  // Nothing was sent: bob has no lease.
  const { leases } = await labClientAs(stack, "bob").listLeases({ parent: "namespaces/lab", onlyActive: false });
  expect(leases.filter((l) => (l.client ?? "").endsWith("/bob"))).toEqual([]);
  await expect(page).toHaveURL(/\/timeline\?/);
});

test("keyboard: Tab reaches a board's row, Left and Right move between its bars and free slots, Up and Down between rows, Enter books the slot", async ({ page, stack }) => {
  await signInWithToken(page, stack, "alice");
  const day = await tomorrow(page);
  await labClientAs(stack, "bob").createLease({
    parent: "namespaces/lab",
    lease: { exporterName: "rcar-s4-01", beginTime: seconds(day.midnight + 10 * HOUR), endTime: seconds(day.midnight + 12 * HOUR) },
  });
  await openTimeline(page, stack, `date=${day.date}&selector=board%3Drcar-s4`);
  await expect(page.getByLabel("Label selector")).toHaveValue("board=rcar-s4");
  await expect(page.getByText("3 exporters of")).toBeVisible();

  await page.getByLabel("Search").focus();
  const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? document.activeElement?.tagName ?? "");
  for (let i = 0; i < 6 && !(await focusedName()).startsWith("Free"); i += 1) await page.keyboard.press("Tab");
  const first = boardRow(page, "rcar-s4-01").getByRole("button", { name: "Free tomorrow 00:00 to 10:00, book rcar-s4-01" });
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(boardRow(page, "rcar-s4-01").getByRole("link", { name: /^bob, rcar-s4-01, tomorrow 10:00 to 12:00, scheduled$/ })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  const later = boardRow(page, "rcar-s4-01").getByRole("button", { name: "Free tomorrow 12:00 to midnight, book rcar-s4-01" });
  await expect(later).toBeFocused();
  // One tab stop per row: Tab leaves for the next board's row.
  await page.keyboard.press("Tab");
  await expect(boardRow(page, "rcar-s4-02").getByRole("button", { name: /^Free tomorrow 00:00 to/ })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(later).toBeFocused();

  // Up and Down move between rows at the same time of day; the row's tab stop follows focus.
  await page.keyboard.press("ArrowLeft");
  const bobs = boardRow(page, "rcar-s4-01").getByRole("link", { name: /^bob, rcar-s4-01, / });
  await expect(bobs).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(boardRow(page, "rcar-s4-02").getByRole("button", { name: /^Free tomorrow 00:00 to/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(boardRow(page, "rcar-s4-03").getByRole("button", { name: /^Free tomorrow 00:00 to/ })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(boardRow(page, "rcar-s4-02").getByRole("button", { name: /^Free tomorrow 00:00 to/ })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(bobs).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(later).toBeFocused();

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/leases\/new\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.get("exporter")).toBe("rcar-s4-01");
  expect(Date.parse(params.get("start") ?? "")).toBe(day.midnight + 12 * HOUR);
  expect(Date.parse(params.get("end") ?? "")).toBe(day.midnight + 24 * HOUR);
});

test("a click on a free slot opens the form with the whole slot it names, not the step under the pointer", async ({ page, stack }) => {
  await signInWithToken(page, stack, "alice");
  const day = await tomorrow(page);
  await labClientAs(stack, "bob").createLease({
    parent: "namespaces/lab",
    lease: { exporterName: "rcar-s4-02", beginTime: seconds(day.midnight + 9 * HOUR), endTime: seconds(day.midnight + 11 * HOUR) },
  });
  await openTimeline(page, stack, `date=${day.date}&selector=board%3Drcar-s4`);
  const slot = boardRow(page, "rcar-s4-02").getByRole("button", { name: "Free tomorrow 11:00 to midnight, book rcar-s4-02" });
  const box = await slot.boundingBox();
  if (box === null) throw new Error("the free slot is not on screen");
  // Well inside the slot (about 15:00), where a drag would have started.
  await page.mouse.click(box.x + box.width * 0.3, box.y + box.height / 2);
  await expect(page).toHaveURL(/\/leases\/new\?/);
  const params = new URL(page.url()).searchParams;
  expect(params.get("exporter")).toBe("rcar-s4-02");
  expect(Date.parse(params.get("start") ?? "")).toBe(day.midnight + 11 * HOUR);
  expect(Date.parse(params.get("end") ?? "")).toBe(day.midnight + 24 * HOUR);
});

test("the timeline passes axe in light and dark, with boards in every state and bars of every kind", async ({ page, stack }, testInfo) => {
  const parent = "namespaces/lab";
  await signInWithToken(page, stack, "alice");
  const now = Date.now();
  const bob = labClientAs(stack, "bob");
  const ended = await bob.createLease({ parent, lease: { exporterName: "rpi5-01", duration: { seconds: 3600n } } });
  // Released after holding the board a few seconds: an ended lease that never held one, or held
  // it for no time (the times are whole seconds), takes no time to draw ([TM4]).
  await expect
    .poll(async () => Date.now() - Number((await bob.getLease({ name: ended.name })).effectiveBeginTime?.seconds ?? BigInt(Date.now())) * 1000, { timeout: 15_000 })
    .toBeGreaterThan(3_000);
  await bob.deleteLease({ name: ended.name });
  await bob.createLease({ parent, lease: { exporterName: "rcar-s4-01", duration: { seconds: 7200n }, tags: { team: "bsp" } } });
  await bob.createLease({ parent, lease: { exporterName: "rcar-s4-01", duration: { seconds: 3600n } } });
  await labClientAs(stack, "alice").createLease({ parent, lease: { selector: "board=solo", beginTime: seconds(now + 2 * HOUR), duration: { seconds: 3600n } } });
  await openTimeline(page, stack, "group=board");
  await expect(page.getByRole("group", { name: /^Any board matching board=solo: 1 booking for 1 board/ })).toBeVisible();
  await expect(boardRow(page, "rpi5-02")).toHaveAccessibleName("rpi5-02, Offline: cannot be assigned now");
  await expect(boardRow(page, "qemu-x86-01")).toHaveAccessibleName("qemu-x86-01, Disabled: cannot be assigned now");
  await expect(boardRow(page, "rcar-s4-01").getByRole("link", { name: /^bob, rcar-s4-01, .*, waiting for a board$/ })).toBeVisible();
  await expect(boardRow(page, "rpi5-01").getByRole("link", { name: /^bob, rpi5-01, .*, ended$/ })).toBeVisible();
  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `timeline-${theme}`);
  }
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test("the first screen shows the timeline: the filters fold behind one button that says how many apply, and a tap on a free slot books it", async ({ page, stack }, testInfo) => {
    await signInWithToken(page, stack, "alice");
    const day = await tomorrow(page);
    await openTimeline(page, stack, `date=${day.date}&selector=board%3Drcar-s4`);
    await expect(page.getByText("Tap a free slot to book it.")).toBeVisible();
    await expect(page.getByText("Drag across a row")).toBeHidden();
    const filters = page.getByRole("button", { name: "Filters (1)" });
    await expect(filters).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Label selector")).toBeHidden();
    // The first board's row starts within the first screen.
    const first = await boardRow(page, "rcar-s4-01").boundingBox();
    expect(first?.y ?? Infinity).toBeLessThan(844 - 44);
    await expectAccessible(page, testInfo, "timeline-phone");

    await filters.tap();
    await expect(filters).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByLabel("Label selector")).toHaveValue("board=rcar-s4");
    // A selector that does not parse keeps its field and its message in view when folded again.
    await page.getByLabel("Label selector").fill("board in (rcar-s4");
    await filters.tap();
    await expect(page.getByLabel("Label selector")).toBeVisible();
    await expect(page.getByLabel("Label selector")).toHaveAttribute("aria-invalid", "true");
    await page.getByLabel("Label selector").fill("board=rcar-s4");
    await expect(page.getByLabel("Label selector")).toBeHidden();

    await boardRow(page, "rcar-s4-02").getByRole("button", { name: /^Free tomorrow 00:00 to midnight, book rcar-s4-02$/ }).tap();
    await expect(page).toHaveURL(/\/leases\/new\?/);
    expect(new URL(page.url()).searchParams.get("exporter")).toBe("rcar-s4-02");
  });
});
