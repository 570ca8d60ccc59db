// Every exporter of the lab (no filter), refreshed about every 10 s: the
// create form builds selectors from their labels and counts matches. The
// entry is the exporters page's unfiltered one, shared through the cache.
import { useTransport } from "@connectrpc/connect-query";
import { useQuery } from "@tanstack/react-query";
import { EXPORTERS_POLL_MS } from "@/lib/config";
import { exportersQueryOptions } from "@/lib/list-queries";
import { useSession } from "@/lib/session-context";

export function useLabExporters() {
  const transport = useTransport();
  const { namespace } = useSession();
  return useQuery({ ...exportersQueryOptions(transport, namespace, ""), refetchInterval: EXPORTERS_POLL_MS });
}
