// Shared start-up of the browser benchmarks: a simulator with a scenario, the
// real gateway serving the built portal, Chromium, and a page signed in as a
// client of the lab; plus the one-line figure format with its goal.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext } from "@playwright/test";
import { startGateway, type RunningGateway } from "../server/gateway/gateway.js";
import { startLab, type RunningLab, type Scenario } from "../server/lab/lab.js";
import { buildIfStale } from "../scripts/build-if-stale.js";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "../scripts/chromium-path.js";

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The goal, and whether lower is better; undefined: reported only. */
  readonly goal?: { readonly limit: number; readonly atMost: boolean };
}

export function figureLine(f: Figure): string {
  const value = `${f.value.toFixed(f.unit === "ms" ? 1 : f.unit === "frames" ? 0 : 2)} ${f.unit}`;
  if (f.goal === undefined) return `${f.name.padEnd(52)} ${value.padStart(14)}   (reported)`;
  const met = f.goal.atMost ? f.value <= f.goal.limit : f.value >= f.goal.limit;
  return `${f.name.padEnd(52)} ${value.padStart(14)}   goal ${f.goal.atMost ? "<=" : ">="} ${f.goal.limit} ${f.unit}  ${met ? "met" : "NOT MET"}`;
}

export interface BenchStack {
  readonly lab: RunningLab;
  readonly gateway: RunningGateway;
  readonly browser: Browser;
  /** A browser context in which `client` is signed in on this device. */
  signedIn(client: string, viewport?: { width: number; height: number }): Promise<BrowserContext>;
  stop(): Promise<void>;
}

export async function startBenchStack(scenario: Scenario): Promise<BenchStack> {
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
