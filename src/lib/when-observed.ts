// "Once a page shows this query": resolves when the query has an observer (a
// mounted component reading it), or after `maxWaitMs`. A first load's rest
// of a large list waits for this (list-queries.ts): when the first page's
// data arrives before the page's code, the bulk of the list would otherwise
// take the bandwidth the page's code still needs (issue 13).
import type { QueryClient, QueryKey } from "@tanstack/react-query";

export function whenObserved(client: QueryClient, queryKey: QueryKey, maxWaitMs = 3_000): Promise<void> {
  const cache = client.getQueryCache();
  if ((cache.find({ queryKey, exact: true })?.getObserversCount() ?? 0) > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, maxWaitMs);
    const unsubscribe = cache.subscribe((event) => {
      if (event.type === "observerAdded" && (event.query.getObserversCount() > 0) && cache.find({ queryKey, exact: true }) === event.query) done();
    });
  });
}
