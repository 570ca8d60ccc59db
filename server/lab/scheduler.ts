// Keyed one-shot timers: each lease or exporter has at most one pending wake-up,
// and rescheduling a key replaces its timer.

// setTimeout overflows above 2^31-1 ms (~24.8 days); far deadlines wake early
// and the callback simply finds nothing due yet and schedules again.
const MAX_DELAY_MS = 2_147_483_647;

export class Scheduler {
  private readonly timers = new Map<string, { at: number; timer: NodeJS.Timeout }>();
  private stopped = false;

  constructor(private readonly now: () => number) {}

  /** Runs `fn` at `atMs` (or soon, if that is past). An earlier existing wake-up is kept unless `replace`. */
  schedule(key: string, atMs: number, fn: () => void, replace = true): void {
    if (this.stopped) return;
    const existing = this.timers.get(key);
    if (existing !== undefined) {
      if (!replace && existing.at <= atMs) return;
      clearTimeout(existing.timer);
    }
    const delay = Math.min(Math.max(0, atMs - this.now()), MAX_DELAY_MS);
    const timer = setTimeout(() => {
      if (this.timers.get(key)?.timer === timer) this.timers.delete(key);
      fn();
    }, delay);
    timer.unref();
    this.timers.set(key, { at: atMs, timer });
  }

  cancel(key: string): void {
    const existing = this.timers.get(key);
    if (existing === undefined) return;
    clearTimeout(existing.timer);
    this.timers.delete(key);
  }

  stop(): void {
    this.stopped = true;
    for (const { timer } of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
