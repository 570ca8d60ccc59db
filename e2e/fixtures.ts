// Every journey gets a lab of its own: a fresh simulator and gateway on free
// ports, serving the built SPA, stopped when the test ends.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Page, type TestInfo } from "@playwright/test";
import { startGateway, type RunningGateway } from "../server/gateway/gateway.js";
import { startLab, type RunningLab, type Scenario } from "../server/lab/lab.js";
import { clientAs, type LabClient } from "../server/lab/testing/lab-harness.js";

export interface Stack {
  /** The portal's address, as a user types it. */
  readonly url: string;
  readonly lab: RunningLab;
  readonly gateway: RunningGateway;
  readonly dataDir: string;
  /** A client's token and client-config file, as the simulator wrote them. */
  client(name: string): RunningLab["clients"][number];
  /** Stops the simulator; `startLab` brings it back on the same port and data (with another scenario, if given). */
  stopLab(): Promise<void>;
  startLab(scenario?: string | Scenario): Promise<void>;
}

export const scenarioPath = join(import.meta.dirname, "scenario.yaml");

export const test = base.extend<{ stack: Stack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; it has none.
  stack: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), "portal-e2e-"));
    let lab = await startLab({ port: 0, dataDir, scenario: scenarioPath });
    const labPort = lab.port;
    // The lab's CA stays across its restarts (stopLab/startLab), so the gateway keeps trusting it.
    const gateway = await startGateway({ port: 0, controller: lab.url, caFile: lab.caFile, staticDir: "dist", log: () => undefined });
    let labRunning = true;
    const stack: Stack = {
      url: gateway.url,
      get lab() {
        return lab;
      },
      gateway,
      dataDir,
      client(name) {
        const found = lab.clients.find((c) => c.name === name);
        if (found === undefined) throw new Error(`no client ${name} in the e2e scenario`);
        return found;
      },
      async stopLab() {
        await lab.stop();
        labRunning = false;
      },
      async startLab(scenario = scenarioPath) {
        lab = await startLab({ port: labPort, dataDir, scenario });
        labRunning = true;
      },
    };
    try {
      await use(stack);
    } finally {
      await gateway.stop();
      if (labRunning) await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect };

/** Signs in the quick way (token pasted), for journeys about something else. */
export async function signInWithToken(page: Page, stack: Pick<Stack, "url" | "lab" | "client">, client = "alice"): Promise<void> {
  const { token } = stack.client(client);
  await page.goto(`${stack.url}/sign-in`);
  await page.getByLabel("Token", { exact: true }).fill(token);
  await page.getByLabel("Namespace").fill(stack.lab.namespace);
  await page.getByLabel("Client name").fill(client);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Exporters", level: 1 })).toBeVisible();
}

/** No serious or critical accessibility violation on the current page. */
export async function expectAccessible(page: Page, testInfo: TestInfo, what: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0) {
    await testInfo.attach(`axe-${what}.json`, { body: JSON.stringify(bad, null, 2), contentType: "application/json" });
  }
  const described = bad.map((v) => `${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.html.slice(0, 160)}\n    ${(n.failureSummary ?? "").replace(/\s+/g, " ").slice(0, 240)}`).join("\n")}`);
  expect(described, `axe on ${what}`).toEqual([]);
}

/** A screenshot in the test output, for a person to judge the page. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await testInfo.attach(`${name}.png`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
}

/** Switches the portal's theme the way a user does, via its toggle's stored choice. */
export async function setTheme(page: Page, theme: "light" | "dark"): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator("html")).toHaveClass(theme === "dark" ? /pf-v6-theme-dark/ : /^(?!.*pf-v6-theme-dark).*$/);
  // Colours transition between themes; checks and screenshots want the settled page.
  // (Spinners run forever and are left out.)
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== "running" || a.effect?.getTiming().iterations === Infinity),
  );
}

/** A gRPC client of the stack's simulator acting as `client` — another person in the lab. */
export function labClientAs(stack: Stack, client: string): LabClient {
  return clientAs(stack.lab, client);
}
