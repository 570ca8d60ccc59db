// The timeline benchmark's stack: a simulator with a scenario of its own, the
// real gateway serving the built portal, Chromium, and contexts signed in as
// a client of the lab (bench/bench-stack.ts starts a generated lab only).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { startGateway, type RunningGateway } from "../server/gateway/gateway.js";
import { startLab, type RunningLab, type Scenario } from "../server/lab/lab.js";
import { buildIfStale } from "../scripts/build-if-stale.js";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "../scripts/chromium-path.js";

export interface TimelineStack {
  readonly lab: RunningLab;
  readonly gateway: RunningGateway;
  readonly browser: Browser;
  /** A browser context in which `client` is signed in on this device. */
  signedIn(client: string, viewport?: { width: number; height: number }): Promise<BrowserContext>;
  stop(): Promise<void>;
}

export async function startTimelineStack(scenario: Scenario): Promise<TimelineStack> {
  buildIfStale();
  const dataDir = mkdtempSync(join(tmpdir(), "bench-"));
  const lab = await startLab({ port: 0, dataDir, scenario });
  const gateway = await startGateway({ port: 0, controller: lab.url, caFile: lab.caFile, staticDir: "dist", log: () => undefined });
  const executablePath = chromiumExecutablePath();
  const browser = await chromium.launch({ ...(executablePath === undefined ? {} : { executablePath }), args: CHROMIUM_ARGS });
  return {
    lab,
    gateway,
    browser,
    async signedIn(client, viewport = { width: 1440, height: 900 }) {
      const context = await browser.newContext({ viewport });
      const { token } = lab.clients.find((c) => c.name === client) ?? { token: "" };
      await context.addInitScript(
        ({ key, session }) => window.localStorage.setItem(key, session),
        { key: "jumpstarter-portal.session", session: JSON.stringify({ token, namespace: lab.namespace, clientName: client }) },
      );
      // tsx keeps function names with an `__name` helper that the page lacks: functions handed to the page need it.
      await context.addInitScript({ content: "globalThis.__name = (f) => f;" });
      return context;
    },
    async stop() {
      await browser.close();
      await gateway.stop();
      await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
