// Optimistic updates of a lease in the query cache: its GetLease entry and
// every ListLeases entry holding it change at once; a snapshot puts them
// back if the controller refuses. React-free, so it is tested with a real
// QueryClient.
import { clone, create } from "@bufbuild/protobuf";
import type { Transport } from "@connectrpc/connect";
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import { LeaseSchema, ListLeasesResponseSchema, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { isMessageOf } from "@/lib/list-sharing";
import { leaseListsKey, leaseQueryKey } from "@/lib/lease-queries";

/** The cache entries as they were before an optimistic change. */
export interface CacheSnapshot {
  readonly entries: readonly (readonly [QueryKey, unknown])[];
}

/**
 * Replaces lease `name` by `patch(lease)` in its GetLease entry and in every
 * ListLeases entry, after cancelling their refreshes (an older answer landing
 * afterwards would undo the change). Returns what to restore on failure.
 */
export async function patchLeaseInCache(
  client: QueryClient,
  transport: Transport,
  name: string,
  patch: (lease: Lease) => Lease,
): Promise<CacheSnapshot> {
  const single = leaseQueryKey(transport, name);
  const lists = leaseListsKey(transport);
  await Promise.all([client.cancelQueries({ queryKey: single }), client.cancelQueries({ queryKey: lists })]);

  const entries: (readonly [QueryKey, unknown])[] = [];
  const current = client.getQueryData(single);
  if (current !== undefined && isMessageOf(current, LeaseSchema)) {
    entries.push([single, current]);
    client.setQueryData(single, patch(current));
  }
  for (const [key, data] of client.getQueriesData({ queryKey: lists })) {
    if (!isMessageOf(data, ListLeasesResponseSchema) || !data.leases.some((l) => l.name === name)) continue;
    entries.push([key, data]);
    client.setQueryData(key, create(ListLeasesResponseSchema, { leases: data.leases.map((l) => (l.name === name ? patch(l) : l)), nextPageToken: data.nextPageToken }));
  }
  return { entries };
}

/** Puts back what patchLeaseInCache changed. */
export function restoreCache(client: QueryClient, snapshot: CacheSnapshot): void {
  for (const [key, data] of snapshot.entries) client.setQueryData(key, data);
}

/** Writes the controller's answer into the lease's GetLease entry. */
export function storeLease(client: QueryClient, transport: Transport, lease: Lease): void {
  client.setQueryData(leaseQueryKey(transport, lease.name), lease);
}

/**
 * Writes an UpdateLease answer: it carries no deprecated_labels ([HL4]), so
 * the ones the last read brought are kept rather than blinking away.
 */
export function storeUpdatedLease(client: QueryClient, transport: Transport, lease: Lease): void {
  const key = leaseQueryKey(transport, lease.name);
  const cached = client.getQueryData(key);
  const deprecated = cached !== undefined && isMessageOf(cached, LeaseSchema) ? cached.deprecatedLabels : {};
  if (Object.keys(lease.deprecatedLabels).length > 0) {
    client.setQueryData(key, lease);
    return;
  }
  const kept = clone(LeaseSchema, lease);
  kept.deprecatedLabels = { ...deprecated };
  client.setQueryData(key, kept);
}

/** Every lease list, and the lease itself, are refreshed after a change. */
export async function invalidateLease(client: QueryClient, transport: Transport, name: string | undefined): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: leaseListsKey(transport) }),
    ...(name === undefined ? [] : [client.invalidateQueries({ queryKey: leaseQueryKey(transport, name) })]),
  ]);
}
