// `npm run screenshots`: the portal's pages as a person sees them, for
// looking at before a change lands. Starts its own demo lab and gateway on
// free loopback ports, gives the lab some life (leases held by others, one
// of alice's, one waiting, one whose hook failed), signs in as alice, and
// writes .shots/<page>-<light|dark>-<size>.png (`npm run screenshots -- sign-in leases`
// for some). Not a test: nothing asserts.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { chromium, type Page } from "@playwright/test";
import { startGateway } from "../server/gateway/gateway.js";
import { loadWallCredentials } from "../server/gateway/wall-credentials.js";
import { clientAs } from "../server/lab/testing/lab-harness.js";
import { buildIfStale } from "./build-if-stale.js";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "./chromium-path.js";
import { startDemoLab } from "./demo-lab.js";

const SIZES = { laptop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 }, wall: { width: 1920, height: 1080 } } as const;
/** A phone is a touch screen (pages that offer dragging say to tap there). */
const touch = (size: string) => ({ hasTouch: size === "phone", isMobile: size === "phone" });
const out = join(process.cwd(), ".shots");
const only = process.argv.slice(2); // page names to take, all by default

buildIfStale();
mkdirSync(out, { recursive: true });
const dataDir = mkdtempSync(join(tmpdir(), "portal-shots-"));
const demo = await startDemoLab({ dataDir, scenarioFile: join("scenarios", "demo.yaml") });
// The wall pages through the demo's read-only wall client, as `npm start` serves them.
const wall = { credentials: loadWallCredentials({ tokenFile: demo.lab.clients.find((c) => c.name === "wall")?.configPath }) };
const gateway = await startGateway({ port: 0, controller: demo.lab.url, caFile: demo.lab.caFile, staticDir: "dist", portal: demo.portal, wall, log: () => undefined });
const executablePath = chromiumExecutablePath();
const browser = await chromium.launch({
  ...(executablePath === undefined ? {} : { executablePath }),
  args: CHROMIUM_ARGS,
});

try {
  const parent = `namespaces/${demo.lab.namespace}`;
  const hour = { seconds: 3600n };
  await clientAs(demo.lab, "bob").createLease({ parent, lease: { exporterName: "rpi5-01", duration: hour } });
  await clientAs(demo.lab, "carol").createLease({ parent, lease: { selector: "board=rcar-s4,site=bcn", duration: { seconds: 7200n } } });
  const mine = await clientAs(demo.lab, "alice").createLease({ parent, lease: { exporterName: "rpi5-02", duration: { seconds: 5400n }, tags: { team: "bsp" } } });
  await clientAs(demo.lab, "bob").createLease({ parent, lease: { exporterName: "rpi5-03", duration: hour } });
  // Soon over (the wall calls it out), and bookings later today for the queue and the door.
  await clientAs(demo.lab, "carol").createLease({ parent, lease: { exporterName: "rpi5-04", duration: { seconds: 300n } } });
  await clientAs(demo.lab, "carol").createLease({ parent, lease: { exporterName: "rpi5-01", beginTime: { seconds: BigInt(Math.floor(Date.now() / 1000) + 7200) }, duration: hour } });
  const waiting = await clientAs(demo.lab, "alice").createLease({ parent, lease: { exporterName: "rpi5-03", duration: hour } });
  const failed = await clientAs(demo.lab, "alice").createLease({ parent, lease: { exporterName: "rcar-h3-04", duration: hour } });
  await sleep(6_000); // the hooks run (rcar-h3-04's fails)

  const bare = (name: string) => name.split("/").pop() ?? name;
  const inHours = (h: number) => new Date(Math.ceil(Date.now() / 1_800_000) * 1_800_000 + h * 3_600_000).toISOString();
  const pages: Record<string, string> = {
    "sign-in": "/sign-in",
    exporters: "/exporters",
    "exporter-detail": "/exporters/rpi5-03",
    leases: "/leases",
    "lease-mine": `/leases/${bare(mine.name)}`,
    "lease-waiting": `/leases/${bare(waiting.name)}`,
    "lease-failed": `/leases/${bare(failed.name)}`,
    "lease-new": "/leases/new",
    // The form's outlook: carol's booking of rpi5-01 in two hours clashes; rpi5 boards in that window.
    "lease-new-clash": `/leases/new?${new URLSearchParams({ exporter: "rpi5-01", start: inHours(2.5), end: inHours(4.5) }).toString()}`,
    "lease-new-window": `/leases/new?${new URLSearchParams({ selector: "board=rpi5", start: inHours(2), end: inHours(4) }).toString()}`,
    // Today, the boards with the leases above as bars, grouped by board, the line for now.
    timeline: `/timeline?group=board&selector=${encodeURIComponent("board in (rpi5,rcar-s4,rcar-h3)")}`,
    // The wall (grouped by board, paging) and a board's door display.
    wall: "/wall?group=board",
    "wall-all": "/wall",
    door: "/wall/rpi5-01",
    // The provider's way back, reached without a sign-in to finish.
    "oidc-callback": "/sign-in/oidc",
  };
  const { token } = demo.lab.clients.find((c) => c.name === "alice") ?? { token: "" };

  for (const theme of ["light", "dark"] as const) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      const context = await browser.newContext({ viewport, colorScheme: theme, ...touch(size) });
      const page: Page = await context.newPage();
      await page.goto(`${gateway.url}/sign-in`);
      await page.getByLabel("Token", { exact: true }).fill(token);
      await page.getByLabel("Namespace", { exact: true }).last().fill(demo.lab.namespace);
      await page.getByLabel("Client name").fill("alice");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByRole("heading", { name: "Exporters", level: 1 }).waitFor();
      for (const [name, path] of Object.entries(pages)) {
        if (only.length > 0 && !only.includes(name)) continue;
        if (name === "sign-in") {
          const fresh = await browser.newContext({ viewport, colorScheme: theme, ...touch(size) });
          const p = await fresh.newPage();
          await p.goto(`${gateway.url}${path}`);
          await p.getByRole("heading", { name: "Sign in", level: 1 }).waitFor();
          await p.waitForTimeout(500);
          await p.screenshot({ path: join(out, `${name}-${theme}-${size}.png`), fullPage: true });
          // The demo provider's own login page, one press away.
          await p.getByRole("button", { name: /^Sign in with / }).click();
          await p.getByLabel("Password").waitFor();
          await p.screenshot({ path: join(out, `provider-login-${theme}-${size}.png`), fullPage: true });
          await fresh.close();
          continue;
        }
        await page.goto(`${gateway.url}${path}`);
        await page.locator("h1").first().waitFor();
        await page.waitForTimeout(1_500); // first answers and transitions settle
        // The form's outlook sits below the fold: bring it into the shot.
        if (name.startsWith("lease-new-")) await page.locator(".portal-window-outlook").scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(out, `${name}-${theme}-${size}.png`), fullPage: size !== "wall" });
      }
      await context.close();
    }
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  await gateway.stop();
  await demo.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
