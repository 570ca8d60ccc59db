// CreateLease. Never retried by itself: the form keeps its lease_id across the
// user's retries, which is what makes a retry safe.
import type { ConnectError } from "@connectrpc/connect";
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ClientService, type CreateLeaseRequest, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { invalidateLease, storeLease } from "@/features/leases/lease-cache";

export function useCreateLease() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation<Lease, ConnectError, CreateLeaseRequest>({
    mutationFn: (request) => callUnaryMethod(transport, ClientService.method.createLease, request),
    onSuccess: (lease) => storeLease(queryClient, transport, lease),
    onSettled: () => invalidateLease(queryClient, transport, undefined),
  });
}
