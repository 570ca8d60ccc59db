// Which Chromium to drive: Playwright's own where it was installed, else the
// system's (Debian's), which is all these machines can have (browsers cannot
// be downloaded here). Shared by the browser tests, screenshots and benchmarks.
import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

const SYSTEM_CHROMIUMS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** undefined: Playwright's own browser is there; else the system browser's path. */
export function chromiumExecutablePath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  const found = SYSTEM_CHROMIUMS.find((p) => existsSync(p));
  if (found === undefined) throw new Error("No Chromium found: install Debian's `chromium` or run `npx playwright install chromium`.");
  return found;
}

/** Flags for a headless browser on a machine without a sandbox, a GPU or the internet. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
