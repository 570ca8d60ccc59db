// UpdateLease for extend / shorten / set end, optimistic: the lease and the
// lists show the new end at once, and go back if the controller refuses.
import type { ConnectError } from "@connectrpc/connect";
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ClientService, type Lease, type UpdateLeaseRequest } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { invalidateLease, patchLeaseInCache, restoreCache, storeUpdatedLease, type CacheSnapshot } from "@/lib/lease-cache";
import { applyUpdate } from "@/features/leases/lease-changes";

/** Takes a request from extendRequest or setEndRequest. */
export function useChangeLeaseTime() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation<Lease, ConnectError, UpdateLeaseRequest, CacheSnapshot>({
    mutationFn: (request) => callUnaryMethod(transport, ClientService.method.updateLease, request),
    onMutate: (request) => patchLeaseInCache(queryClient, transport, request.lease?.name ?? "", (l) => applyUpdate(l, request)),
    onError: (_error, _request, snapshot) => {
      if (snapshot !== undefined) restoreCache(queryClient, snapshot);
    },
    onSuccess: (lease) => storeUpdatedLease(queryClient, transport, lease),
    onSettled: (_lease, _error, request) => {
      void invalidateLease(queryClient, transport, request.lease?.name);
    },
  });
}
