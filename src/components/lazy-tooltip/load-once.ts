// A module fetched on first need (a dynamic import()), fetched once: every
// later caller shares the same promise.

export interface LoadOnce<T> {
  /** Starts the load the first time; the same promise after. */
  readonly get: () => Promise<T>;
}

export function loadOnce<T>(load: () => Promise<T>): LoadOnce<T> {
  let pending: Promise<T> | undefined;
  return {
    get: () => {
      // A failed load (the network dropped) is tried again next time rather than kept.
      pending ??= load().catch((error: unknown) => {
        pending = undefined;
        throw error;
      });
      return pending;
    },
  };
}
