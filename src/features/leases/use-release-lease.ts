// DeleteLease (which releases: the lease ends as Released and stays listable,
// [RL1]), optimistic: the lease reads Released at once, and goes back if
// refused, except when the refusal says it was released already ([D3]).
import type { ConnectError, Transport } from "@connectrpc/connect";
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { leaseStatus } from "@/domain/lease-status";
import { ClientService, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { invalidateLease, patchLeaseInCache, restoreCache, storeLease, type CacheSnapshot } from "@/lib/lease-cache";
import { releasedLease } from "@/features/leases/lease-changes";
import { errorKind } from "@/lib/errors";

/** How long to wait for the controller's pass that ends a released lease [RL1] (normally well under a second). */
const RELEASE_SETTLE_MS = 3_000;
const RELEASE_POLL_MS = 200;

/**
 * DeleteLease only marks the lease; it ends at the controller's next pass
 * [RL1]. Read it until it has ended (a short while at most), so a refresh
 * right after does not show it active again; undefined when it has not yet.
 */
async function releaseAndSettle(transport: Transport, name: string): Promise<Lease | undefined> {
  await callUnaryMethod(transport, ClientService.method.deleteLease, { name });
  const deadline = Date.now() + RELEASE_SETTLE_MS;
  for (;;) {
    const lease = await callUnaryMethod(transport, ClientService.method.getLease, { name });
    if (leaseStatus(lease, Date.now()).ended) return lease;
    if (Date.now() >= deadline) return undefined;
    await new Promise((resolve) => setTimeout(resolve, RELEASE_POLL_MS));
  }
}

export function useReleaseLease() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  return useMutation<Lease | undefined, ConnectError, Lease, CacheSnapshot>({
    mutationFn: (lease) => releaseAndSettle(transport, lease.name),
    onMutate: (lease) => patchLeaseInCache(queryClient, transport, lease.name, (l) => releasedLease(l, Date.now())),
    onSuccess: (ended) => {
      if (ended !== undefined) storeLease(queryClient, transport, ended);
    },
    onError: (error, _lease, snapshot) => {
      if (snapshot !== undefined && errorKind(error) !== "already-released") restoreCache(queryClient, snapshot);
    },
    onSettled: (_data, _error, lease) => {
      void invalidateLease(queryClient, transport, lease.name);
    },
  });
}
