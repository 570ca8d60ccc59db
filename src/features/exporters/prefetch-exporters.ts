// The exporters page's first calls, started by the route as soon as the URL
// is known: they then travel while the page's code loads, instead of after
// it (issue 13: the first data call as early as possible). Part of the app's
// entry (the router imports it), so the calls wait for no other download. Same options and
// keys as the page's own queries, so the page finds them in flight.
import type { QueryClient } from "@tanstack/react-query";
import { parseSelector } from "@/domain/selector";
import { selectorParam } from "@/features/exporters/selector-param";
import { exportersQueryOptions, leasesQueryOptions } from "@/lib/list-queries";
import type { SessionState } from "@/lib/session";
import { listViewCode } from "@/features/exporters/exporter-list-views";
import { NARROW_QUERY } from "@/lib/use-media-query";

/** The selector the page sends for these search params: only a valid one, as the page does. */
export function appliedSelector(params: URLSearchParams): string {
  const selector = selectorParam(params);
  return parseSelector(selector).ok ? selector.trim() : "";
}

export function prefetchExporters(queryClient: QueryClient, state: SessionState, params: URLSearchParams): void {
  if (state.session === null) return; // the guard sends the visitor to sign-in; nothing to fetch
  const { transport } = state;
  const { namespace } = state.session;
  void queryClient.prefetchQuery(exportersQueryOptions(transport, namespace, appliedSelector(params), { progressive: true }));
  void queryClient.prefetchQuery(leasesQueryOptions(transport, namespace, { onlyActive: true }));
  // And the rows' code (not part of the first paint), so it is in when the first page is.
  const narrow = typeof window.matchMedia === "function" && window.matchMedia(NARROW_QUERY).matches;
  listViewCode(narrow).get().catch(() => undefined);
}
