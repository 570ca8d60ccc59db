// "Once what was just rendered is on screen": the first page of a large list
// is painted before the rest is asked for (issue 13), so on a slow link the
// bulk of the list does not take the bandwidth the page's fonts and first
// rows need, and its decoding does not delay their paint.

/** Resolves after the next frame has been painted, or after `maxWaitMs` where frames do not come (a hidden tab, no DOM). */
export function afterNextPaint(maxWaitMs = 100): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs);
    if (typeof requestAnimationFrame !== "function") return;
    // A task first, for the query cache's batched notifications to reach
    // React; the frame then paints their result; the task after the frame
    // runs once it has been painted.
    setTimeout(() =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          clearTimeout(timer);
          resolve();
        }, 0),
      ),
    0);
  });
}
