// `npm run bench:lighthouse`: Lighthouse on the exporters page with live data
// from the simulator (a generated lab of N exporters, N from
// BENCH_LIGHTHOUSE_EXPORTERS, default 5,000), through the real gateway
// serving the built portal. Desktop and mobile, the median of 3 cold-cache
// runs each. Prints each figure with its goal (issue 13). Not a test:
// nothing fails on a missed goal. BENCH_LIGHTHOUSE_REPORTS=DIR keeps the reports.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "../scripts/chromium-path.js";
import { type Figure, figureLine, startBenchStack } from "./bench-stack.js";

const EXPORTERS = Number(process.env.BENCH_LIGHTHOUSE_EXPORTERS ?? 5_000);
const RUNS = 3;
/** A folder to keep each run's Lighthouse report in (JSON), to see what lies behind a figure. */
const REPORT_DIR = process.env.BENCH_LIGHTHOUSE_REPORTS;

interface Run {
  readonly performance: number;
  readonly accessibility: number;
  readonly fcp: number;
  readonly lcp: number;
  readonly tbt: number;
  /** Bytes over the wire (compressed), by the resource-summary audit's types. */
  readonly scriptBytes: number;
  readonly stylesheetBytes: number;
  readonly fontBytes: number;
  readonly totalBytes: number;
}

/** A run that Lighthouse itself reports as broken (its trace, not the page). */
class LighthouseRuntimeError extends Error {}

/** Chromium with a DevTools port of its own choosing, for Lighthouse to drive. */
async function launchChromium(profileDir: string): Promise<{ port: number; process: ChildProcess }> {
  const executable = chromiumExecutablePath() ?? chromium.executablePath();
  const child = spawn(executable, [...CHROMIUM_ARGS, "--headless=new", "--remote-debugging-port=0", `--user-data-dir=${profileDir}`, "about:blank"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools address within 30 s:\n${seen}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (m?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.once("exit", (code) => reject(new Error(`Chromium exited (${String(code)}) before it listened:\n${seen}`)));
  });
  return { port, process: child };
}

/** Signs the browser in on this device: a first visit to the portal's origin writes the session to its localStorage. */
async function signIn(port: number, origin: string, session: { key: string; value: string }): Promise<void> {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (context === undefined) throw new Error("Chromium has no default browser context");
    const page = await context.newPage();
    await page.goto(`${origin}/healthz`);
    await page.evaluate(({ key, value }) => window.localStorage.setItem(key, value), session);
    await page.close();
  } finally {
    // Only the connection: the browser and its profile stay for Lighthouse.
    await browser.close();
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function runOnce(url: string, port: number, formFactor: "desktop" | "mobile", index: number): Promise<Run> {
  const result = await lighthouse(
    url,
    {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      // Cold cache, session kept: Lighthouse's storage reset clears the HTTP
      // cache and only the storage types it is given, and localStorage (the
      // session) is not among its defaults.
      disableStorageReset: false,
      maxWaitForLoad: 30_000,
    },
    formFactor === "desktop" ? desktopConfig : undefined,
  );
  if (result === undefined) throw new Error("Lighthouse returned no result");
  const { lhr } = result;
  if (REPORT_DIR !== undefined) writeFileSync(join(REPORT_DIR, `${formFactor}-${index + 1}.json`), JSON.stringify(lhr));
  if (lhr.runtimeError !== undefined) throw new LighthouseRuntimeError(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  if (!lhr.finalDisplayedUrl.endsWith("/exporters")) throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not the exporters page: not signed in?`);
  // A page that broke before it asked for its data paints early and blocks nothing: a fine score for a page no one can use.
  const requests = lhr.audits["network-requests"]?.details;
  const listed = (requests?.type === "table" ? requests.items : []).filter((r) => typeof r["url"] === "string" && r["url"].endsWith("/ListExporters") && r["statusCode"] === 200).length;
  if (listed < 2) throw new Error(`Lighthouse saw ${listed} answered ListExporters calls (the first page and the rest expected): the page did not load its data`);
  const numeric = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
  const details = lhr.audits["resource-summary"]?.details;
  const items = details?.type === "table" ? details.items : [];
  const bytes = (type: string): number => {
    const item = items.find((i) => i["resourceType"] === type);
    return typeof item?.["transferSize"] === "number" ? item["transferSize"] : Number.NaN;
  };
  return {
    performance: (lhr.categories["performance"]?.score ?? Number.NaN) * 100,
    accessibility: (lhr.categories["accessibility"]?.score ?? Number.NaN) * 100,
    fcp: numeric("first-contentful-paint"),
    lcp: numeric("largest-contentful-paint"),
    tbt: numeric("total-blocking-time"),
    scriptBytes: bytes("script"),
    stylesheetBytes: bytes("stylesheet"),
    fontBytes: bytes("font"),
    totalBytes: bytes("total"),
  };
}

/** Lighthouse sometimes loses its own trace on a loaded machine (NO_NAVSTART, NO_FCP): that run is made again, twice at most. */
async function runRetrying(url: string, port: number, formFactor: "desktop" | "mobile", index: number): Promise<Run> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runOnce(url, port, formFactor, index);
    } catch (e) {
      const broken = e instanceof LighthouseRuntimeError;
      if (!broken || attempt >= 3) throw e;
      console.log(`  ${formFactor} run ${index + 1}: ${e.message}; running it again`);
    }
  }
}

function figures(formFactor: "desktop" | "mobile", runs: readonly Run[]): Figure[] {
  const m = (pick: (r: Run) => number): number => median(runs.map(pick));
  const desktop = formFactor === "desktop";
  const kb = (n: number): number => n / 1024;
  return [
    { name: `${formFactor}: performance score`, value: m((r) => r.performance), unit: "", goal: { limit: desktop ? 99 : 90, atMost: false } },
    { name: `${formFactor}: first contentful paint`, value: m((r) => r.fcp), unit: "ms", ...(desktop ? { goal: { limit: 400, atMost: true } } : {}) },
    { name: `${formFactor}: largest contentful paint`, value: m((r) => r.lcp), unit: "ms", ...(desktop ? { goal: { limit: 600, atMost: true } } : {}) },
    { name: `${formFactor}: total blocking time`, value: m((r) => r.tbt), unit: "ms" },
    { name: `${formFactor}: accessibility score`, value: m((r) => r.accessibility), unit: "", goal: { limit: 100, atMost: false } },
    // Every script the page fetched during the run, the code loaded after the first paint included
    // (rows, tooltips, modals): reported. The initial-JS goal per first page is bench:bundle's.
    { name: `${formFactor}: JS transferred`, value: kb(m((r) => r.scriptBytes)), unit: "KiB" },
    { name: `${formFactor}: CSS transferred`, value: kb(m((r) => r.stylesheetBytes)), unit: "KiB" },
    { name: `${formFactor}: fonts transferred`, value: kb(m((r) => r.fontBytes)), unit: "KiB" },
    { name: `${formFactor}: total transferred`, value: kb(m((r) => r.totalBytes)), unit: "KiB" },
  ];
}

async function main(): Promise<void> {
  const stack = await startBenchStack(EXPORTERS);
  const profileDir = mkdtempSync(join(tmpdir(), "lighthouse-bench-"));
  let browser: ChildProcess | undefined;
  try {
    const launched = await launchChromium(profileDir);
    browser = launched.process;
    const { port } = launched;
    await signIn(port, stack.portalUrl, stack.session);
    const url = `${stack.portalUrl}/exporters`;
    console.log(`Lighthouse on ${url}, ${EXPORTERS} exporters, median of ${RUNS} cold-cache runs`);
    const all: Figure[] = [];
    for (const formFactor of ["desktop", "mobile"] as const) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i += 1) runs.push(await runRetrying(url, port, formFactor, i));
      all.push(...figures(formFactor, runs));
    }
    for (const f of all) console.log(figureLine(f));
  } finally {
    // Chromium writes into its profile until it has exited: wait, then remove it.
    if (browser !== undefined && browser.exitCode === null) {
      const exited = new Promise((resolve) => browser?.once("exit", resolve));
      browser.kill();
      await exited;
    }
    await stack.stop();
    rmSync(profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
