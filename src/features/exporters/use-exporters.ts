// ListExporters for the list page: every page, the label selector sent as
// `filter`, refreshed about every 10 s (every 5 s while the controller is away).
import { useTransport } from "@connectrpc/connect-query";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { EXPORTERS_POLL_MS } from "@/lib/config";
import { exportersQueryOptions } from "@/lib/list-queries";
import { pollEvery } from "@/lib/query-client";
import { useSession } from "@/lib/session-context";

/**
 * Every exporter matching `filter`; while a new filter loads, the previous
 * answer stays (isPlaceholderData). A first load shows the first page as it
 * arrives (isPartialAnswer of the data), so a large lab's first rows come early.
 */
export function useExporters(filter: string) {
  const transport = useTransport();
  const { namespace } = useSession();
  return useQuery({
    ...exportersQueryOptions(transport, namespace, filter, { progressive: true }),
    placeholderData: keepPreviousData,
    refetchInterval: pollEvery(EXPORTERS_POLL_MS),
  });
}
