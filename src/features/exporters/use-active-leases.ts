// The namespace's active leases, to show who holds each exporter and for how
// long. Refreshed about every 5 s.
import { useTransport } from "@connectrpc/connect-query";
import { useQuery } from "@tanstack/react-query";
import { LEASES_POLL_MS } from "@/lib/config";
import { pollEvery } from "@/lib/query-client";
import { leasesQueryOptions } from "@/lib/list-queries";
import { useSession } from "@/lib/session-context";

export function useActiveLeases() {
  const transport = useTransport();
  const { namespace } = useSession();
  return useQuery({ ...leasesQueryOptions(transport, namespace, { onlyActive: true }), refetchInterval: pollEvery(LEASES_POLL_MS) });
}
