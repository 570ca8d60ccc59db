// After any change to a lease (create, update, release, transfer), every
// view of leases and exporters may be out of date: refetch them all.
import { createConnectQueryKey } from "@connectrpc/connect-query";
import type { QueryClient } from "@tanstack/react-query";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";

/** Marks every lease and exporter query (any session, any request) stale and refetches the ones on screen. */
export async function invalidateLeasesAndExporters(queryClient: QueryClient): Promise<void> {
  const m = ClientService.method;
  // Without transport or input, each key matches every session's and request's entries.
  const keys = [
    createConnectQueryKey({ schema: m.listLeases, cardinality: undefined }),
    createConnectQueryKey({ schema: m.getLease, cardinality: undefined }),
    createConnectQueryKey({ schema: m.listExporters, cardinality: undefined }),
    createConnectQueryKey({ schema: m.getExporter, cardinality: undefined }),
  ];
  await Promise.all(keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
