// One shared clock for every countdown and relative time on the page: a
// single interval, started by the first subscriber and stopped by the last,
// ticking on whole seconds so all countdowns change together.
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();
let now = Date.now();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick(): void {
  now = Date.now();
  for (const l of [...listeners]) l();
  schedule();
}

function schedule(): void {
  // Align to the next whole second (plus a little, so the second has turned).
  timer = setTimeout(tick, 1_000 - (Date.now() % 1_000) + 5);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (timer === undefined) {
    now = Date.now();
    schedule();
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

function getSnapshot(): number {
  return now;
}

/** The current time in ms since the epoch, re-rendering the caller every second. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot);
}
