// Issue 9, item 4: a wall runs for days with nobody touching it. Memory stays
// flat through many hours of simulated time (Playwright's fake clock drives
// the wall's polling and paging; the simulator keeps real time), it survives
// a gateway restart, and it reloads itself when a new portal version is
// deployed. Real simulator, real gateway with the kiosk client, built SPA.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { startGateway, type RunningGateway } from "../server/gateway/gateway.js";
import { loadWallCredentials, type WallCredentials } from "../server/gateway/wall-credentials.js";
import { startLab, type RunningLab, type Scenario } from "../server/lab/lab.js";
import { BUILD_CHECK_MS } from "../src/features/wall/use-reload-on-new-build.js";
import { expect, test as base } from "./fixtures.js";

// 30 boards grouped three ways: more than one screen, so the wall pages.
const scenario: Scenario = {
  namespace: "lab",
  clients: [{ name: "wall" }],
  exporters: [
    ...Array.from({ length: 12 }, (_, i) => ({ name: `rpi5-${String(i + 1).padStart(2, "0")}`, labels: { board: "rpi5" } })),
    ...Array.from({ length: 10 }, (_, i) => ({ name: `rcar-s4-${String(i + 1).padStart(2, "0")}`, labels: { board: "rcar-s4" } })),
    ...Array.from({ length: 8 }, (_, i) => ({ name: `qemu-${String(i + 1).padStart(2, "0")}`, labels: { board: "qemu" } })),
  ],
};

interface DaysStack {
  readonly lab: RunningLab;
  /** The gateway's address; the same across restarts. */
  readonly url: string;
  /** The directory the gateway serves the SPA from: a copy of dist, so a test can "deploy" into it. */
  readonly staticDir: string;
  stopGateway(): Promise<void>;
  /** A new gateway process on the same port, as after a restart or a deploy. */
  startGateway(): Promise<void>;
}

const test = base.extend<{ days: DaysStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
  days: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), "portal-days-"));
    const staticDir = mkdtempSync(join(tmpdir(), "portal-days-dist-"));
    cpSync("dist", staticDir, { recursive: true });
    const lab = await startLab({ port: 0, dataDir, scenario });
    const credentials: WallCredentials | undefined = loadWallCredentials({ tokenFile: lab.clients.find((c) => c.name === "wall")?.configPath });
    const launch = (port: number) => startGateway({ port, controller: lab.url, caFile: lab.caFile, staticDir, log: () => undefined, wall: { credentials, refreshMs: 2_000 } });
    let gateway: RunningGateway | undefined = await launch(0);
    const port = gateway.port;
    const url = gateway.url;
    try {
      await use({
        lab,
        url,
        staticDir,
        async stopGateway() {
          await gateway?.stop();
          gateway = undefined;
        },
        async startGateway() {
          gateway = await launch(port);
        },
      });
    } finally {
      await gateway?.stop();
      await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(staticDir, { recursive: true, force: true });
    }
  },
});

/** The wall's two calls both answered: one refresh has landed. */
function refreshLanded(page: Page): Promise<unknown> {
  return Promise.all(["ListExporters", "ListLeases"].map((method) => page.waitForResponse((r) => r.url().includes(`/wall-api/`) && r.url().endsWith(`/${method}`) && r.ok())));
}

test.describe("at 1920x1080", () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test("the wall's JS heap and DOM nodes stay flat through many hours of refreshing and paging", async ({ page, days }) => {
    test.setTimeout(90_000);
    await page.clock.install();
    await page.goto(`${days.url}/wall?group=board&interval=5`);
    await expect(page.locator('[data-board="rpi5-01"]')).toContainText("Available");
    const indicator = page.getByText(/^Page \d of \d$/);
    await expect(indicator).toHaveText(/^Page 1 of [2-9]$/);

    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    // Each step jumps the clock by STEP_MS: every due timer fires once (the
    // refresh, the page turn, the clock), then the real refresh is awaited.
    const STEP_MS = 10 * 60_000;
    const runHours = async (hours: number): Promise<void> => {
      for (let i = 0; i < (hours * 3_600_000) / STEP_MS; i++) {
        const landed = refreshLanded(page);
        await page.clock.fastForward(STEP_MS);
        await landed;
      }
    };
    // Measured on the first page, after a collection, so the two measurements show the same screen.
    const measure = async (): Promise<{ heap: number; nodes: number; elements: number }> => {
      for (let i = 0; i < 10 && !/^Page 1 /.test((await indicator.textContent()) ?? ""); i++) await page.clock.runFor(5_000);
      await expect(indicator).toHaveText(/^Page 1 of/);
      await cdp.send("HeapProfiler.collectGarbage");
      const { metrics } = await cdp.send("Performance.getMetrics");
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? Number.NaN;
      return { heap: metric("JSHeapUsedSize"), nodes: metric("Nodes"), elements: await page.evaluate(() => document.getElementsByTagName("*").length) };
    };

    await runHours(2); // warm-up: caches, lazy chunks and the JIT settle
    const before = await measure();
    await runHours(10);
    const after = await measure();
    test.info().annotations.push({ type: "memory", description: `heap ${before.heap} -> ${after.heap} bytes; nodes ${before.nodes} -> ${after.nodes}; elements ${before.elements} -> ${after.elements}` });

    // The wall stayed live through it: the refresh shown is the last one.
    await expect(page.locator('[data-board="rpi5-01"]')).toContainText("Available");
    await expect(page.getByRole("alert")).toHaveCount(0);
    // Tolerance: 512 KiB of heap over 10 hours (60 refreshes and page turns).
    // Measured here: +0.23 to +0.28 MB without a leak; +0.75 MB with one refresh's answer
    // (30 boards) kept per refresh, which this must catch.
    expect(after.heap - before.heap, "JS heap growth in bytes over 10 simulated hours").toBeLessThan(512 * 1024);
    // The same screen shows the same elements; the Nodes metric (which also counts
    // detached nodes still referenced) may move by a few dozen, not by a page's worth.
    expect(after.elements).toBe(before.elements);
    expect(after.nodes - before.nodes, "DOM node growth over 10 simulated hours").toBeLessThan(200);
  });

  test("the wall says its data is stale while the gateway is down, and is fresh again when a gateway comes back on its port", async ({ page, days }) => {
    test.setTimeout(90_000);
    await page.goto(`${days.url}/wall?selector=board%3Dqemu`);
    await expect(page.locator('[data-board="qemu-01"]')).toContainText("Available");
    await days.stopGateway();
    const stale = page.getByRole("alert").filter({ hasText: /^Data is stale since \d\d:\d\d/ });
    await expect(stale).toBeVisible({ timeout: 30_000 });
    // The last answer stays on screen, with the reason in words.
    await expect(page.locator('[data-board="qemu-01"]')).toContainText("Available");
    await expect(stale).toContainText("The browser got no answer from the portal's server");
    await expect(stale).not.toContainText("null");
    await days.startGateway();
    await expect(stale).toBeHidden({ timeout: 30_000 });
    await expect(page.getByText(/^Updated \d\d:\d\d/)).toBeVisible();
    await expect(page.locator('[data-board="qemu-01"]')).toContainText("Available");
  });

  test("the wall reloads itself when a new portal version is deployed, and not before", async ({ page, days }) => {
    await page.clock.install();
    await page.goto(`${days.url}/wall?selector=board%3Dqemu`);
    await expect(page.locator('[data-board="qemu-01"]')).toContainText("Available");
    const entry = () => page.evaluate(() => document.querySelector('script[type="module"][src]')?.getAttribute("src"));
    const first = await entry();
    expect(first).toMatch(/^\/assets\/index-.+\.js$/);
    // A marker on window: it is gone once the page has loaded again.
    await page.evaluate(() => Object.assign(window, { wallMarker: true }));
    const marked = () => page.evaluate(() => (window as unknown as { wallMarker?: boolean }).wallMarker === true);

    // The same build: the checks find nothing to do.
    const checked = page.waitForResponse((r) => r.url().endsWith("/index.html"));
    await page.clock.fastForward(BUILD_CHECK_MS);
    await checked;
    expect(await marked()).toBe(true);

    // Deploy, without a slow rebuild: a new entry script under a new name, and an
    // index.html naming it. It runs the same app by importing the old entry, so
    // the app's modules stay one instance (a copied entry would load them twice).
    const next = "/assets/index-nextbuild.js";
    writeFileSync(join(days.staticDir, next), `import ${JSON.stringify(first)};\n`);
    const indexPath = join(days.staticDir, "index.html");
    writeFileSync(indexPath, readFileSync(indexPath, "utf8").replace(first ?? "", next));
    const reloaded = page.waitForEvent("load");
    await page.clock.fastForward(BUILD_CHECK_MS);
    await reloaded;
    await expect(page.locator('[data-board="qemu-01"]')).toContainText("Available");
    expect(await marked()).toBe(false);
    expect(await entry()).toBe(next);
    await expect(page).toHaveURL(/\/wall\?selector=board%3Dqemu$/);
  });
});
