// DeleteLease (which releases: the lease ends as Released and stays listable),
// optimistic: the lease reads Released at once, and goes back if refused.
import type { ConnectError } from "@connectrpc/connect";
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ClientService, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { invalidateLease, patchLeaseInCache, restoreCache, type CacheSnapshot } from "@/features/leases/lease-cache";
import { releasedLease } from "@/features/leases/lease-changes";

export function useReleaseLease() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation<unknown, ConnectError, Lease, CacheSnapshot>({
    mutationFn: (lease) => callUnaryMethod(transport, ClientService.method.deleteLease, { name: lease.name }),
    onMutate: (lease) => patchLeaseInCache(queryClient, transport, lease.name, (l) => releasedLease(l, Date.now())),
    onError: (_error, _lease, snapshot) => {
      if (snapshot !== undefined) restoreCache(queryClient, snapshot);
    },
    onSettled: (_data, _error, lease) => invalidateLease(queryClient, transport, lease.name),
  });
}
