// `npm run bench:timeline`: the timeline of a large lab in a real browser
// (the built portal, the real gateway, the simulator with N generated
// exporters, N from BENCH_EXPORTERS, default 1,000) with a week of leases,
// created through the lab client before the page opens. Scrolls through the
// rows and zooms in and out of the week view, and prints the frames that
// took longer than a 60 Hz frame, each figure with its goal (issue 10,
// item 1). Not a test: nothing fails on a missed goal.
import type { Page } from "@playwright/test";
import { clientAs } from "../server/lab/testing/lab-harness.js";
import { figureLine, type Figure } from "./bench-stack.js";
import { startTimelineStack } from "./timeline-stack.js";
import { generatedLab } from "./generated-lab.js";

const EXPORTERS = Number(process.env.BENCH_EXPORTERS ?? 1_000);
/** Bookings per board over the coming week (bounded: EXPORTERS x this many CreateLease calls). */
const LEASES_PER_BOARD = 2;
const PARALLEL_CREATES = 8;
const SCROLL_STEPS = 40;
const HOUR = 3_600_000;
/** A frame is late when the gap between two animation frames exceeds one 60 Hz frame (16.7 ms) by this slack (the timer's jitter: an on-time frame is seen 16.6 to 16.9 ms after the last). */
const FRAME_SLACK_MS = 1;
const LATE_MS = Math.round((1000 / 60 + FRAME_SLACK_MS) * 10) / 10;

/** In the page: the gap between successive animation frames while `__frames.on` is set, and long animation frames. */
function instrument(): void {
  const w = window as unknown as { __frames: { on: boolean; gaps: number[]; loaf: number[]; causes: string[]; last: number } };
  w.__frames = { on: false, gaps: [], loaf: [], causes: [], last: 0 };
  const tick = (t: number): void => {
    if (w.__frames.on && w.__frames.last > 0) w.__frames.gaps.push(t - w.__frames.last);
    w.__frames.last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  try {
    new PerformanceObserver((list) => {
      if (!w.__frames.on) return;
      for (const e of list.getEntries()) {
        w.__frames.loaf.push(e.duration);
        // What ran in it, for a person to look at (the longest script of the frame).
        const scripts = (e as unknown as { scripts?: { duration: number; invoker: string; sourceFunctionName: string }[] }).scripts ?? [];
        const top = [...scripts].sort((a, b) => b.duration - a.duration)[0];
        if (top !== undefined) w.__frames.causes.push(`${Math.round(e.duration)} ms frame: ${Math.round(top.duration)} ms in ${top.invoker} ${top.sourceFunctionName}`);
      }
    }).observe({ type: "long-animation-frame", buffered: false });
  } catch {
    // Not in every browser; the frame gaps still count.
  }
}

type Frames = { gaps: number[]; loaf: number[]; causes: string[] };

async function measure(page: Page, run: () => Promise<void>): Promise<Frames> {
  await page.evaluate(() => {
    const f = (window as unknown as { __frames: Frames & { on: boolean; last: number } }).__frames;
    f.gaps = [];
    f.loaf = [];
    f.causes = [];
    f.last = 0;
    f.on = true;
  });
  await run();
  return page.evaluate(() => {
    const f = (window as unknown as { __frames: Frames & { on: boolean } }).__frames;
    f.on = false;
    return { gaps: f.gaps, loaf: f.loaf, causes: f.causes };
  });
}

function frameFigures(what: string, frames: Frames): Figure[] {
  const late = frames.gaps.filter((g) => g > LATE_MS);
  return [
    { name: `frames over 16 ms while ${what}`, value: late.length, unit: "frames", goal: { limit: 0, atMost: true } },
    { name: `  worst frame while ${what}`, value: frames.gaps.length === 0 ? 0 : Math.max(...frames.gaps), unit: "ms", goal: { limit: LATE_MS, atMost: true } },
    { name: `  frames measured while ${what}`, value: frames.gaps.length, unit: "frames" },
    { name: `  long animation frames (over 50 ms) while ${what}`, value: frames.loaf.length, unit: "frames", goal: { limit: 0, atMost: true } },
  ];
}

/** Two bookings per board at different times of the coming week, a few calls at a time. */
async function bookTheWeek(stack: Awaited<ReturnType<typeof startTimelineStack>>): Promise<number> {
  const client = clientAs(stack.lab, "bench");
  const parent = `namespaces/${stack.lab.namespace}`;
  const start = Math.ceil(Date.now() / HOUR) * HOUR + HOUR;
  const jobs: (() => Promise<unknown>)[] = [];
  for (let i = 0; i < EXPORTERS; i += 1) {
    for (let k = 0; k < LEASES_PER_BOARD; k += 1) {
      const begin = start + ((i * 7 + k * 61) % (6 * 24)) * HOUR + k * 3 * 24 * HOUR;
      const lease = { exporterName: `board-${String(i).padStart(4, "0")}`, beginTime: { seconds: BigInt(begin / 1000) }, duration: { seconds: BigInt(2 + (i % 5)) * 3600n }, tags: { team: `t${i % 6}` } };
      jobs.push(() => client.createLease({ parent, lease }));
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: PARALLEL_CREATES }, async () => {
      while (next < jobs.length) {
        const job = jobs[next];
        next += 1;
        await job?.();
      }
    }),
  );
  return jobs.length;
}

async function main(): Promise<void> {
  const stack = await startTimelineStack(generatedLab(EXPORTERS));
  const figures: Figure[] = [];
  try {
    const created = await bookTheWeek(stack);
    console.log(`Timeline with ${EXPORTERS} exporters and ${created} leases over a week (portal ${stack.gateway.url})`);
    const context = await stack.signedIn("bench");
    await context.addInitScript(instrument);
    const page = await context.newPage();
    await page.goto(`${stack.gateway.url}/timeline?view=week`);
    const grid = page.getByRole("region", { name: /^Timeline, week of/ });
    await grid.waitFor({ timeout: 120_000 });
    await page.getByText(`${EXPORTERS} exporters`).waitFor({ timeout: 120_000 });
    await page.getByRole("link", { name: /^bench, board-0000, / }).first().waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1_000);

    const box = await grid.boundingBox();
    await page.mouse.move((box?.x ?? 0) + (box?.width ?? 0) / 2, (box?.y ?? 0) + (box?.height ?? 0) / 2);
    const scrolling = await measure(page, async () => {
      for (let i = 0; i < SCROLL_STEPS; i += 1) {
        await page.mouse.wheel(0, i < SCROLL_STEPS / 2 ? 600 : -300);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(300);
    });
    figures.push(...frameFigures("scrolling", scrolling));

    const zoomIn = page.getByRole("button", { name: "Zoom in" });
    const zoomOut = page.getByRole("button", { name: "Zoom out" });
    const zooming = await measure(page, async () => {
      for (const button of [zoomIn, zoomIn, zoomIn, zoomOut, zoomOut, zoomOut]) {
        await button.click();
        await page.waitForTimeout(300);
      }
      // Sideways through the zoomed-in week, then back.
      await zoomIn.click();
      await zoomIn.click();
      for (let i = 0; i < 10; i += 1) {
        await page.mouse.wheel(i < 5 ? 800 : -800, 0);
        await page.waitForTimeout(50);
      }
      await page.waitForTimeout(300);
    });
    figures.push(...frameFigures("zooming", zooming));
    const worst = Math.max(0, ...scrolling.gaps, ...zooming.gaps);
    figures.push({ name: "worst frame overall", value: worst, unit: "ms", goal: { limit: LATE_MS, atMost: true } });
    for (const f of figures) console.log(figureLine(f));
    const causes = [...scrolling.causes, ...zooming.causes];
    if (causes.length > 0) console.log(`Longest animation frames, what ran longest in each (first 5):\n  ${causes.slice(0, 5).join("\n  ")}`);
    await context.close();
  } finally {
    await stack.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
