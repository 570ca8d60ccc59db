// Query options and cache keys for leases. Lists come from lib/list-queries,
// so the exporters page, this list and the notifications share one cache entry
// when no tag filter is set; a tag filter makes its own entry, keyed the
// Connect-Query way so invalidating ListLeases reaches it too.
import type { Transport } from "@connectrpc/connect";
import { createConnectQueryKey } from "@connectrpc/connect-query";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { leasesQueryOptions } from "@/lib/list-queries";

/** Every lease of the namespace (active only, or ended too) whose tags match `tagFilter`, all pages. */
export function leaseListQueryOptions(transport: Transport, namespace: string, onlyActive: boolean, tagFilter: string) {
  return leasesQueryOptions(transport, namespace, { onlyActive, tagFilter });
}

/** The GetLease entry of one lease (the key Connect-Query's useQuery makes). */
export function leaseQueryKey(transport: Transport, name: string) {
  return createConnectQueryKey({ schema: ClientService.method.getLease, input: { name }, transport, cardinality: "finite" });
}

/** A prefix matching every ListLeases entry of this transport, whatever its input. */
export function leaseListsKey(transport: Transport) {
  return createConnectQueryKey({ schema: ClientService.method.listLeases, transport, cardinality: undefined });
}
