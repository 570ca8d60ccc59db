// One answer per method and request for every wall screen: calls that come
// while one is in flight, or within `ttlMs` of its answer, get the same
// answer, so ten walls cost the controller what one does. A failure is not
// kept: the next poll asks again, and sees the controller come back at once.

export interface AnswerCache {
  get<T>(key: string, call: () => Promise<T>): Promise<T>;
  /** Entries held (for tests and bounds). */
  readonly size: number;
}

interface Entry {
  readonly answer: Promise<unknown>;
  /** Until when the answer may be reused; Infinity while in flight. */
  expiresAt: number;
}

/** At most this many requests are remembered: a wall asks for a handful. */
export const MAX_CACHED_ANSWERS = 256;

export function createAnswerCache(ttlMs: number, now: () => number = Date.now, maxEntries = MAX_CACHED_ANSWERS): AnswerCache {
  const entries = new Map<string, Entry>();

  function prune(t: number): void {
    for (const [key, e] of entries) if (e.expiresAt <= t) entries.delete(key);
    // Oldest first (Map keeps insertion order), so a flood of odd requests cannot grow it.
    while (entries.size >= maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done === true) break;
      entries.delete(oldest.value);
    }
  }

  return {
    get<T>(key: string, call: () => Promise<T>): Promise<T> {
      const t = now();
      const found = entries.get(key);
      if (found !== undefined && found.expiresAt > t) return found.answer as Promise<T>;
      prune(t);
      const answer = call();
      const entry: Entry = { answer, expiresAt: Infinity };
      entries.set(key, entry);
      answer.then(
        () => {
          entry.expiresAt = now() + ttlMs;
        },
        () => {
          if (entries.get(key) === entry) entries.delete(key);
        },
      );
      return answer;
    },
    get size() {
      return entries.size;
    },
  };
}
