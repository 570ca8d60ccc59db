import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "./scripts/chromium-path.js";

const executablePath = chromiumExecutablePath();

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
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
});
