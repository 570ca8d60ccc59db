// Issue 10, item 3: the create form sees the future. For the chosen window it
// says how many matching boards are free for the whole of it, who has the
// others, and, for a board by name, what the controller would do with a
// clash: it queues rather than refuses ([L2] step 7), and a stored end keeps
// the lease's end ([TM3]). Booking a clashing window takes a "book anyway".
import type { Page } from "@playwright/test";
import type { LabClient } from "../server/lab/testing/lab-harness.js";
import { expect, expectAccessible, labClientAs, setTheme, signInWithToken, test } from "./fixtures.js";
import { LEASE_PAGE } from "./lease-helpers.js";

/** Tomorrow at `hour`:`minute` in the browser's zone, as epoch ms. */
async function tomorrowAt(page: Page, hour: number, minute = 0): Promise<number> {
  return page.evaluate(([h, m]) => {
    const d = new Date();
    d.setDate(d.getDate() + 1);
    d.setHours(h ?? 0, m ?? 0, 0, 0);
    return d.getTime();
  }, [hour, minute]);
}

const ts = (ms: number) => ({ seconds: BigInt(Math.floor(ms / 1000)), nanos: 0 });

/** The create form's link for a board or a selector and a window. */
function formLink(url: string, target: { exporter: string } | { selector: string }, startMs: number, endMs: number): string {
  const params = new URLSearchParams({ ...target, start: new Date(startMs).toISOString(), end: new Date(endMs).toISOString() });
  return `${url}/leases/new?${params.toString()}`;
}

async function bookBoard(client: LabClient, board: string, startMs: number, endMs: number): Promise<void> {
  await client.createLease({ parent: "namespaces/lab", lease: { selector: "", exporterName: board, beginTime: ts(startMs), endTime: ts(endMs) } });
}

const outlook = (page: Page) => page.locator(".portal-window-outlook");

test("a board booked by someone else: told who and what would happen, and nothing is sent without 'book anyway'", async ({ page, stack }, testInfo) => {
  await signInWithToken(page, stack);
  const ten = await tomorrowAt(page, 10);
  const bob = labClientAs(stack, "bob");
  await bookBoard(bob, "rcar-s4-03", await tomorrowAt(page, 9), await tomorrowAt(page, 10, 30));

  await page.goto(formLink(stack.url, { exporter: "rcar-s4-03" }, ten, await tomorrowAt(page, 12)));
  await expect(outlook(page).getByRole("heading")).toHaveText(
    /Starts at tomorrow 10:00( AM)? if rcar-s4-03 is free; it is booked by bob until tomorrow 10:30( AM)?, so yours would wait\./,
  );
  await expect(outlook(page)).toContainText(/It would start at tomorrow 10:30( AM)? and still end at tomorrow 12:00( PM)? \(1 h 30 min instead of 2 h\)\./);

  for (const theme of ["light", "dark"] as const) {
    await setTheme(page, theme);
    await expectAccessible(page, testInfo, `create-clash-${theme}`);
  }

  // Create without confirming: nothing reaches the controller, and the form says why.
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page.getByText("That window clashes with another booking")).toBeVisible();
  await expect(page.getByLabel(/Book it anyway/)).toBeFocused();
  const alice = labClientAs(stack, "alice");
  const mine = async () => (await alice.listLeases({ parent: "namespaces/lab", onlyActive: true })).leases.filter((l) => l.client === "namespaces/lab/clients/alice");
  expect(await mine()).toHaveLength(0);

  await page.getByLabel(/Book it anyway/).check();
  await page.getByRole("button", { name: "Create lease" }).click();
  await expect(page).toHaveURL(LEASE_PAGE);
  const [made] = await mine();
  expect(made?.exporterName).toBe("rcar-s4-03");
  expect(Number(made?.beginTime?.seconds ?? 0n) * 1000).toBe(ten);
});

test("by selector for tomorrow: the free-for-the-window count agrees with the simulator, and follows new bookings", async ({ page, stack }) => {
  await signInWithToken(page, stack);
  const start = await tomorrowAt(page, 10);
  const end = await tomorrowAt(page, 12);
  const bob = labClientAs(stack, "bob");
  await bookBoard(bob, "rcar-s4-01", await tomorrowAt(page, 11), await tomorrowAt(page, 13));

  // What the simulator says, worked out here: matching boards that can be assigned, minus those booked in the window.
  const alice = labClientAs(stack, "alice");
  const matching = (await alice.listExporters({ parent: "namespaces/lab", filter: "board=rcar-s4" })).exporters;
  const leases = (await alice.listLeases({ parent: "namespaces/lab", onlyActive: true })).leases;
  const bookedThen = new Set(
    leases
      .filter((l) => Number(l.beginTime?.seconds ?? 0n) * 1000 < end && Number(l.endTime?.seconds ?? 0n) * 1000 > start)
      .map((l) => l.exporterName ?? ""),
  );
  const free = matching.filter((e) => e.online && e.enabled !== false && !bookedThen.has(e.name.split("/").pop() ?? ""));
  expect(free.length).toBeGreaterThan(0);

  await page.goto(formLink(stack.url, { selector: "board=rcar-s4" }, start, end));
  await expect(outlook(page).getByRole("heading")).toHaveText(new RegExp(`${free.length} of ${matching.length} matching boards are free for the whole window`));
  await expect(outlook(page)).toContainText(/rcar-s4-01: booked by bob, tomorrow 11:00( AM)? to tomorrow (13:00|1:00 PM)\./);

  // bob takes the others too: within a refresh the form says every match is booked and asks before sending.
  for (const e of free) await bookBoard(bob, e.name.split("/").pop() ?? "", await tomorrowAt(page, 9), await tomorrowAt(page, 11));
  await expect(outlook(page).getByRole("heading")).toHaveText(/Every matching board is booked from tomorrow 10:00( AM)? to tomorrow 12:00( PM)?: yours would wait\./, { timeout: 15_000 });
  await expect(page.getByLabel(/Book it anyway/)).toBeVisible();
});
