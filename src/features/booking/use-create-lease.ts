// CreateLease, retry-safe: the form keeps its lease_id across every attempt,
// so when a later attempt hears "already exists" ([C11]: UNKNOWN
// `leases.jumpstarter.dev "<id>" already exists` on a real controller), an
// earlier attempt whose answer was lost made the lease: it is read back with
// GetLease and taken as the answer, if it is the caller's. While nothing
// decides the create (the controller is away, no answer in time) it is tried
// again by itself until it is answered or the user stops it; what was typed
// stays in the form meanwhile.
import { Code, ConnectError } from "@connectrpc/connect";
import { callUnaryMethod, useTransport } from "@connectrpc/connect-query";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { isLeaseOf } from "@/domain/lease-status";
import { leaseName } from "@/domain/resource-names";
import { ClientService, type CreateLeaseRequest, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { createRetryDelayMs, earlierAttemptLanded, noAnswerYet } from "@/features/booking/create-retry";
import { invalidateLease, storeLease } from "@/lib/lease-cache";
import { useSession } from "@/lib/session-context";

export interface CreatedLease {
  readonly lease: Lease;
  /** True when an earlier attempt had made it and it was read back. */
  readonly recovered: boolean;
}

export function useCreateLease() {
  const transport = useTransport();
  const queryClient = useQueryClient();
  const { namespace, clientName } = useSession();
  // Attempts sent with this form's lease_id, retries included: "already exists" after the first means ours.
  const sent = useRef(0);
  const stopped = useRef(false);
  const inFlight = useRef<AbortController | null>(null);
  const mutation = useMutation<CreatedLease, ConnectError, CreateLeaseRequest>({
    mutationFn: async (request) => {
      if (stopped.current) throw new ConnectError("stopped before the controller answered", Code.Canceled);
      const attempt = ++sent.current;
      const abort = new AbortController();
      inFlight.current = abort;
      try {
        try {
          return { lease: await callUnaryMethod(transport, ClientService.method.createLease, request, { signal: abort.signal }), recovered: false };
        } catch (error) {
          if (!earlierAttemptLanded(error, attempt)) throw error;
          const lease = await callUnaryMethod(transport, ClientService.method.getLease, { name: leaseName(namespace, request.leaseId) }, { signal: abort.signal });
          // The same name held by someone else is a real clash, not our lost answer.
          if (!isLeaseOf(lease, namespace, clientName)) throw error;
          return { lease, recovered: true };
        }
      } finally {
        inFlight.current = null;
      }
    },
    retry: (_failures, error) => !stopped.current && noAnswerYet(error),
    retryDelay: (failures) => createRetryDelayMs(failures + 1),
    onSuccess: ({ lease }) => storeLease(queryClient, transport, lease),
    // Not awaited: with the controller away the refetches retry for seconds, and the answer must show now.
    onSettled: () => {
      void invalidateLease(queryClient, transport, undefined);
    },
  });
  const { mutate } = mutation;
  /** Sends the request (again): trying resumes after a stop. */
  const submit = useCallback(
    (request: CreateLeaseRequest, options?: Parameters<typeof mutate>[1]) => {
      stopped.current = false;
      mutate(request, options);
    },
    [mutate],
  );
  /** Stops trying: the attempt on its way is cancelled and no other follows. */
  const stop = useCallback(() => {
    stopped.current = true;
    inFlight.current?.abort();
  }, []);
  // Leaving the form stops trying: nothing should land later, unseen.
  useEffect(() => stop, [stop]);
  return { ...mutation, submit, stop };
}
