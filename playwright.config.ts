import { existsSync } from "node:fs";
import { chromium, defineConfig } from "@playwright/test";

// Playwright's own Chromium where it was installed, else the system one (Debian's).
function browserPath(): string | undefined {
  try {
    const own = chromium.executablePath();
    if (existsSync(own)) return undefined;
  } catch {
    // no bundled browser registered
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]) {
    if (existsSync(candidate)) return candidate;
  }
  throw new Error("No Chromium found: install Debian's `chromium` or run `npx playwright install chromium`.");
}

const executablePath = browserPath();

export default defineConfig({
  testDir: "e2e",
  globalSetup: "./e2e/global-setup.ts",
  // Each test starts its own simulator and gateway; two cores, so one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // npm test (scripts/test.mjs) asks for a JSON report to count the results.
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME !== undefined ? [["list"], ["json"]] : [["list"]],
  outputDir: "test-results",
  use: {
    viewport: { width: 1440, height: 900 },
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
    launchOptions: {
      ...(executablePath !== undefined ? { executablePath } : {}),
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
