// Watches the whole query cache for data on screen whose refresh is failing,
// so one banner in the app shell covers every page without each page asking.
import { useQueryClient, type Query } from "@tanstack/react-query";
import { useEffect, useState } from "react";

export interface Staleness {
  /** The oldest successful fetch among the failing queries on screen. */
  readonly dataUpdatedAt: number;
  /** The latest failure (the one to explain). */
  readonly error: unknown;
}

/** A query with data on screen whose latest refresh failed (or is failing and retrying). */
export function isStale(query: Query): boolean {
  const s = query.state;
  return query.isActive() && s.data !== undefined && (s.status === "error" || s.fetchFailureCount > 0);
}

/** The parts of a `useQuery` result that tell whether what it shows is stale. */
export interface ShownQuery {
  readonly data: unknown;
  readonly isError: boolean;
  readonly failureCount: number;
}

/**
 * True when a query result has data on screen (its own, or placeholder data
 * from a previous request) while its refresh fails or is being retried: a
 * page draws those rows as stale. The same rule as the shell's banner.
 */
export function isShowingStale(q: ShownQuery): boolean {
  return q.data !== undefined && (q.isError || q.failureCount > 0);
}

export function findStaleness(queries: readonly Query[]): Staleness | null {
  let result: Staleness | null = null;
  for (const q of queries) {
    if (!isStale(q)) continue;
    const error: unknown = q.state.error ?? q.state.fetchFailureReason;
    if (result === null || q.state.dataUpdatedAt < result.dataUpdatedAt) {
      result = { dataUpdatedAt: q.state.dataUpdatedAt, error };
    }
  }
  return result;
}

function same(a: Staleness | null, b: Staleness | null): boolean {
  return a === b || (a !== null && b !== null && a.dataUpdatedAt === b.dataUpdatedAt && a.error === b.error);
}

/** The staleness of what is on screen, or null when every refresh succeeds. */
export function useStaleQueries(): Staleness | null {
  const client = useQueryClient();
  const [staleness, setStaleness] = useState<Staleness | null>(() => findStaleness(client.getQueryCache().getAll()));
  useEffect(() => {
    const cache = client.getQueryCache();
    const update = (): void => {
      const next = findStaleness(cache.getAll());
      setStaleness((prev) => (same(prev, next) ? prev : next));
    };
    update();
    return cache.subscribe(update);
  }, [client]);
  return staleness;
}
