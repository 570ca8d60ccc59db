// CreateLease, retry-safe: the form keeps its lease_id across the user's
// retries, so when a retried attempt hears "already exists" ([C11]: UNKNOWN
// `leases.jumpstarter.dev "<id>" already exists` on a real controller), an
// earlier attempt whose answer was lost made the lease: it is read back with
// GetLease and taken as the answer, if it is the caller's. Never retried by
// itself.
import type { ConnectError } from "@connectrpc/connect";
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isLeaseOf } from "@/domain/lease-status";
import { leaseName } from "@/domain/resource-names";
import { ClientService, type CreateLeaseRequest, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { earlierAttemptLanded } from "@/features/leases/create-retry";
import { invalidateLease, storeLease } from "@/features/leases/lease-cache";
import { useSession } from "@/lib/session-context";

export interface CreateLeaseAttempt {
  readonly request: CreateLeaseRequest;
  /** 1 for the form's first submit, then 2, 3... with the same lease_id. */
  readonly attempt: number;
}

export interface CreatedLease {
  readonly lease: Lease;
  /** True when an earlier attempt had made it and it was read back. */
  readonly recovered: boolean;
}

export function useCreateLease() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const { namespace, clientName } = useSession();
  return useMutation<CreatedLease, ConnectError, CreateLeaseAttempt>({
    mutationFn: async ({ request, attempt }) => {
      try {
        return { lease: await callUnaryMethod(transport, ClientService.method.createLease, request), recovered: false };
      } catch (error) {
        if (!earlierAttemptLanded(error, attempt)) throw error;
        const lease = await callUnaryMethod(transport, ClientService.method.getLease, { name: leaseName(namespace, request.leaseId) });
        // The same name held by someone else is a real clash, not our lost answer.
        if (!isLeaseOf(lease, namespace, clientName)) throw error;
        return { lease, recovered: true };
      }
    },
    onSuccess: ({ lease }) => storeLease(queryClient, transport, lease),
    onSettled: () => invalidateLease(queryClient, transport, undefined),
  });
}
