// ListLeases, every page, active only or ended too, with the tag filter sent
// as tag_filter; refreshed about every 5 s. While a new filter loads, the
// previous answer stays on screen (isPlaceholderData).
import { useTransport } from "@connectrpc/connect-query";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { leaseListQueryOptions } from "@/lib/lease-queries";
import { LEASES_POLL_MS } from "@/lib/config";
import { useSession } from "@/lib/session-context";

export function useLeaseList(onlyActive: boolean, tagFilter: string) {
  const transport = useTransport();
  const { namespace } = useSession();
  return useQuery({
    ...leaseListQueryOptions(transport, namespace, onlyActive, tagFilter),
    placeholderData: keepPreviousData,
    refetchInterval: LEASES_POLL_MS,
  });
}
