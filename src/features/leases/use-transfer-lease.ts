// UpdateLease of `client`: hands the lease to another client. Not optimistic:
// the controller may not know the client, and the form shows its answer.
import type { ConnectError } from "@connectrpc/connect";
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ClientService, type Lease, type UpdateLeaseRequest } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { invalidateLease, storeUpdatedLease } from "@/lib/lease-cache";

/** Takes a request from transferRequest. */
export function useTransferLease() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation<Lease, ConnectError, UpdateLeaseRequest>({
    mutationFn: (request) => callUnaryMethod(transport, ClientService.method.updateLease, request),
    onSuccess: (lease) => storeUpdatedLease(queryClient, transport, lease),
    onSettled: (_lease, _error, request) => {
      void invalidateLease(queryClient, transport, request.lease?.name);
    },
  });
}
