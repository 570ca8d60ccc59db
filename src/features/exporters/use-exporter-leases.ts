// Every lease of the namespace including ended ones, for an exporter's detail
// page (lease labels do not carry the exporter, so it is narrowed in the browser).
import { useTransport } from "@connectrpc/connect-query";
import { useQuery } from "@tanstack/react-query";
import { EXPORTERS_POLL_MS } from "@/lib/config";
import { leasesQueryOptions } from "@/lib/list-queries";
import { useSession } from "@/lib/session-context";

export function useAllLeases() {
  const transport = useTransport();
  const { namespace } = useSession();
  // The full history is heavier than the active list: refresh it at the exporters' pace.
  return useQuery({ ...leasesQueryOptions(transport, namespace, { onlyActive: false }), refetchInterval: EXPORTERS_POLL_MS });
}
