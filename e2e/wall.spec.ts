// Issue 9: the wall and door displays, as a screen in the lab shows them —
// through the gateway's kiosk client (no one signed in), against the real
// simulator, at 1920x1080 and 1280x720.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { startGateway, type RunningGateway } from "../server/gateway/gateway.js";
import { loadWallCredentials } from "../server/gateway/wall-credentials.js";
import { startLab, type RunningLab, type Scenario } from "../server/lab/lab.js";
import { clientAs } from "../server/lab/testing/lab-harness.js";
import { attachScreenshot, expect, expectAccessible, test as base } from "./fixtures.js";

// 30 boards: more than one screen of either size when grouped, so the wall pages.
const scenario: Scenario = {
  namespace: "lab",
  clients: [{ name: "alice" }, { name: "bob" }, { name: "wall" }],
  exporters: [
    ...Array.from({ length: 12 }, (_, i) => ({ name: `rpi5-${String(i + 1).padStart(2, "0")}`, labels: { board: "rpi5" } })),
    ...Array.from({ length: 10 }, (_, i) => ({ name: `rcar-s4-${String(i + 1).padStart(2, "0")}`, labels: { board: "rcar-s4" } })),
    ...Array.from({ length: 8 }, (_, i) => ({ name: `qemu-${String(i + 1).padStart(2, "0")}`, labels: { board: "qemu" } })),
  ].map((e) => (e.name === "rcar-s4-10" ? { ...e, online: false } : e.name === "qemu-08" ? { ...e, enabled: false } : e)),
};

interface WallStack {
  readonly url: string;
  readonly lab: RunningLab;
  stopLab(): Promise<void>;
  startLab(): Promise<void>;
}

const test = base.extend<{ wall: WallStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
  wall: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), "portal-wall-"));
    let lab = await startLab({ port: 0, dataDir, scenario });
    const port = lab.port;
    const credentials = loadWallCredentials({ tokenFile: lab.clients.find((c) => c.name === "wall")?.configPath });
    // A short refresh so staleness and recovery show within a test's time.
    const gateway: RunningGateway = await startGateway({ port: 0, controller: lab.url, caFile: lab.caFile, staticDir: "dist", log: () => undefined, wall: { credentials, refreshMs: 2_000 } });
    let running = true;
    try {
      await use({
        url: gateway.url,
        get lab() {
          return lab;
        },
        async stopLab() {
          await lab.stop();
          running = false;
        },
        async startLab() {
          lab = await startLab({ port, dataDir, scenario });
          running = true;
        },
      });
    } finally {
      await gateway.stop();
      if (running) await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

const px = (page: Page, selector: string, property: "fontSize" | "cursor" | "backgroundColor") =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el)[p], property);

async function leaseSome(lab: RunningLab): Promise<void> {
  const parent = `namespaces/${lab.namespace}`;
  await clientAs(lab, "bob").createLease({ parent, lease: { exporterName: "rpi5-01", duration: { seconds: 3600n } } });
  await clientAs(lab, "alice").createLease({ parent, lease: { exporterName: "rpi5-02", duration: { seconds: 300n } } });
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
]) {
  test.describe(`at ${viewport.width}x${viewport.height}`, () => {
    test.use({ viewport });

    test("the wall shows every board's state in words, grouped with free counts, with nobody signed in", async ({ page, wall }, testInfo) => {
      await leaseSome(wall.lab);
      await page.goto(`${wall.url}/wall?group=board&interval=5`);
      const boards = page.getByRole("main", { name: "Boards" });
      const rpi5 = boards.getByRole("region", { name: "rpi5" }).first();
      await expect(rpi5.locator('[data-board="rpi5-01"]')).toContainText(/Leased\s*bob\s*1 h left/);
      await expect(rpi5.locator('[data-board="rpi5-02"]')).toContainText(/Leased\s*alice\s*5 min left · Ending soon/);
      await expect(rpi5.locator('[data-board="rpi5-03"]')).toContainText("Available");
      await expect(rpi5.getByRole("heading")).toContainText("10 of 12 free");
      // What needs a person: the lost board and the lease about to end.
      const callouts = page.getByRole("region", { name: "Needs a person" });
      await expect(callouts).toContainText("rcar-s4-10 Offline");
      await expect(callouts).toContainText("rpi5-02 alice: 5 min left");
      await expect(page.getByText(/^Updated \d\d:\d\d/)).toBeVisible();
      await expect(page).toHaveURL(/\/wall\?/);

      // Readable from across the room: sizes measured on the rendered page.
      const name = parseFloat(await px(page, ".wall-tile-name", "fontSize"));
      const state = parseFloat(await px(page, ".wall-tile-state", "fontSize"));
      if (viewport.width === 1920) {
        expect(name).toBeGreaterThanOrEqual(28);
        expect(state).toBeGreaterThanOrEqual(22);
      } else {
        expect(name).toBeGreaterThanOrEqual(20);
        expect(state).toBeGreaterThanOrEqual(16);
      }
      expect(await px(page, ".wall", "cursor")).toBe("none");
      expect(await px(page, ".wall", "backgroundColor")).toBe("rgb(11, 15, 20)");
      // Nothing scrolls and no tile is cut by the screen's edge.
      const fits = await page.evaluate(() => {
        const area = document.querySelector(".wall-area")?.getBoundingClientRect();
        const tiles = Array.from(document.querySelectorAll<HTMLElement>(".wall-tile"), (t) => t.getBoundingClientRect());
        return { scrolls: document.documentElement.scrollHeight > innerHeight, cut: tiles.filter((t) => area === undefined || t.bottom > area.bottom + 0.5 || t.right > area.right + 0.5).length, tiles: tiles.length };
      });
      expect(fits.scrolls).toBe(false);
      expect(fits.cut).toBe(0);
      expect(fits.tiles).toBeGreaterThan(0);
      await expectAccessible(page, testInfo, `wall-${viewport.width}`);
      await attachScreenshot(page, testInfo, `wall-${viewport.width}x${viewport.height}`);
    });

    test("the wall pages by itself with a page indicator, and shows every board once across its pages", async ({ page, wall }) => {
      await page.goto(`${wall.url}/wall?group=board&interval=5`);
      const indicator = page.getByText(/^Page \d of \d$/);
      await expect(indicator).toHaveText(/^Page 1 of [2-9]$/);
      const count = Number(/of (\d)/.exec((await indicator.textContent()) ?? "")?.[1]);
      const seen = new Set<string>();
      for (let i = 1; i <= count; i++) {
        await expect(indicator).toHaveText(`Page ${i} of ${count}`, { timeout: 8_000 });
        for (const b of await page.locator(".wall-tile").evaluateAll((els) => els.map((e) => e.getAttribute("data-board") ?? ""))) seen.add(b);
      }
      expect(seen.size).toBe(30);
      // Back to the first page after the last.
      await expect(indicator).toHaveText(`Page 1 of ${count}`, { timeout: 8_000 });
    });
  });
}

test.describe("at 1920x1080", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("the wall says its data is stale while the controller is away, and recovers by itself", async ({ page, wall }, testInfo) => {
    test.setTimeout(90_000);
    // One screen's worth: the boards stay put while the test looks.
    await page.goto(`${wall.url}/wall?selector=board%3Dqemu`);
    await expect(page.locator('[data-board="qemu-01"]')).toContainText("Available");
    await wall.stopLab();
    const stale = page.getByRole("alert").filter({ hasText: /^Data is stale since \d\d:\d\d/ });
    await expect(stale).toBeVisible({ timeout: 30_000 });
    // The last data stays on screen.
    await expect(page.locator('[data-board="qemu-01"]')).toContainText("Available");
    await attachScreenshot(page, testInfo, "wall-stale");
    await wall.startLab();
    await expect(stale).toBeHidden({ timeout: 30_000 });
  });

  test("the door display shows a board's holder, until when, and today's bookings", async ({ page, wall }, testInfo) => {
    const parent = `namespaces/${wall.lab.namespace}`;
    await clientAs(wall.lab, "bob").createLease({ parent, lease: { exporterName: "rpi5-04", duration: { seconds: 3600n } } });
    const inAMinute = BigInt(Math.floor(Date.now() / 1000) + 60);
    await clientAs(wall.lab, "alice").createLease({ parent, lease: { exporterName: "rpi5-04", beginTime: { seconds: inAMinute }, duration: { seconds: 1800n } } });
    await page.goto(`${wall.url}/wall/rpi5-04`);
    await expect(page.getByRole("heading", { name: "rpi5-04", level: 1 })).toBeVisible();
    await expect(page.locator(".door-state")).toHaveText("Leased");
    await expect(page.getByText(/^Held by bob until \d\d:\d\d.* \(1 h left\)$/)).toBeVisible();
    await expect(page.getByRole("region", { name: "Booked today" })).toContainText(/\d\d:\d\d.*–\d\d:\d\d.* alice \(30 min\)/);
    expect(parseFloat(await px(page, ".door-state", "fontSize"))).toBeGreaterThanOrEqual(60);
    await expectAccessible(page, testInfo, "door");
    await attachScreenshot(page, testInfo, "door");

    await page.goto(`${wall.url}/wall/no-such-board`);
    await expect(page.getByText("This lab has no board named no-such-board.")).toBeVisible();
  });
});
