// Whole-list queries shared by every feature: ListExporters and ListLeases
// followed through every page (page_size 2,000; 100 for the first page of a
// first load shown as it arrives). The keys are Connect-Query's
// own for the method, with the session's transport and the request, so
//  - two sessions never share entries (the transport key names the client),
//  - invalidating the method with createConnectQueryKey reaches them.
// Each answer is shaped like one page: the whole list and no next token.
// Exporters can also come progressively (the exporters page of a large lab):
// on a first load the first page is shown as soon as it arrives, as an answer
// whose next_page_token is not empty (see isPartialAnswer), then the whole
// list; polls replace a whole answer with a whole answer.
import { create } from "@bufbuild/protobuf";
import type { Transport } from "@connectrpc/connect";
import { callUnaryMethod, createConnectQueryKey } from "@connectrpc/connect-query";
import { queryOptions } from "@tanstack/react-query";
import { parentName } from "@/domain/resource-names";
import {
  ClientService,
  ExporterSchema,
  LeaseSchema,
  ListExportersResponseSchema,
  ListLeasesResponseSchema,
  type ListExportersResponse,
  type ListLeasesResponse,
} from "@/gen/jumpstarter/client/v1/client_pb.js";
import { LIST_BULK_PAGE_SIZE, LIST_PAGE_SIZE } from "@/lib/config";
import { afterNextPaint } from "@/lib/after-next-paint";
import { listAllPages } from "@/lib/list-all-pages";
import { whenObserved } from "@/lib/when-observed";
import { isMessageOf, reuseEqualItems } from "@/lib/list-sharing";

/** The token a partial answer carries: not one to send, just "more pages follow". */
const MORE_PAGES_FOLLOW = "more-pages-follow";

/** True for an answer that holds the first pages only, the rest still loading (or failed to load). */
export function isPartialAnswer(answer: { readonly nextPageToken: string }): boolean {
  return answer.nextPageToken !== "";
}

export interface ExportersQueryOptions {
  /** On a first load, put each page in the cache as it arrives (a partial answer), not only the whole list. */
  readonly progressive?: boolean;
}

/** Every exporter of `namespace` matching `filter` (a label selector; "" for all). */
export function exportersQueryOptions(transport: Transport, namespace: string, filter: string, options: ExportersQueryOptions = {}) {
  // The key holds what is asked, not how it is paged.
  const input = { parent: parentName(namespace), filter };
  return queryOptions({
    queryKey: createConnectQueryKey({ schema: ClientService.method.listExporters, input, transport, cardinality: "finite" }),
    queryFn: async ({ signal, client, queryKey }): Promise<ListExportersResponse> => {
      // Only a first load (nothing whole in the cache) shows pages: a poll keeps the whole previous answer until it has the next.
      const cached = client.getQueryData<ListExportersResponse>(queryKey);
      const showPages = options.progressive === true && (cached === undefined || isPartialAnswer(cached));
      const exporters = await listAllPages(
        async (pageToken) => {
          const pageSize = showPages && pageToken === "" ? LIST_PAGE_SIZE : LIST_BULK_PAGE_SIZE;
          const page = await callUnaryMethod(transport, ClientService.method.listExporters, { ...input, pageSize, pageToken }, { signal });
          return { items: page.exporters, nextPageToken: page.nextPageToken };
        },
        showPages
          ? {
              // The first page only, then the whole list: every answer in the cache costs the page a
              // pass over all its rows, and ten growing partials of a 5,000-board lab cost ten (issue 13).
              onPartial: (soFar) => {
                if (soFar.length > LIST_PAGE_SIZE) return;
                client.setQueryData(queryKey, create(ListExportersResponseSchema, { exporters: [...soFar], nextPageToken: MORE_PAGES_FOLLOW }));
                // The rest once these rows are on screen: a page reads them (when-observed.ts), then paints (after-next-paint.ts).
                return whenObserved(client, queryKey).then(() => afterNextPaint());
              },
            }
          : {},
      );
      return create(ListExportersResponseSchema, { exporters });
    },
    // Unchanged exporters keep their objects between polls, so their rows do not re-render.
    structuralSharing: (prev: unknown, next: unknown): unknown => {
      if (!isMessageOf(prev, ListExportersResponseSchema) || !isMessageOf(next, ListExportersResponseSchema)) return next;
      const exporters = reuseEqualItems(ExporterSchema, prev.exporters, next.exporters, (e) => e.name);
      // A whole answer after a partial one with the same items is still news: the list is complete.
      if (exporters === prev.exporters && prev.nextPageToken === next.nextPageToken) return prev;
      return create(ListExportersResponseSchema, { exporters: [...exporters], nextPageToken: next.nextPageToken });
    },
  });
}

export interface LeaseListRequest {
  /** Leases that have not ended (true, the server's default) or every lease (false). */
  readonly onlyActive: boolean;
  /** Label selector over the lease's own labels ("" for all). */
  readonly filter?: string;
  /** Label selector over the lease's tags ("" for all). */
  readonly tagFilter?: string;
}

/** Every lease of `namespace` matching the request. */
export function leasesQueryOptions(transport: Transport, namespace: string, request: LeaseListRequest) {
  const input = {
    parent: parentName(namespace),
    onlyActive: request.onlyActive,
    filter: request.filter ?? "",
    tagFilter: request.tagFilter ?? "",
  };
  return queryOptions({
    queryKey: createConnectQueryKey({ schema: ClientService.method.listLeases, input, transport, cardinality: "finite" }),
    queryFn: async ({ signal }): Promise<ListLeasesResponse> => {
      const leases = await listAllPages(async (pageToken) => {
        const page = await callUnaryMethod(transport, ClientService.method.listLeases, { ...input, pageSize: LIST_BULK_PAGE_SIZE, pageToken }, { signal });
        return { items: page.leases, nextPageToken: page.nextPageToken };
      });
      return create(ListLeasesResponseSchema, { leases });
    },
    structuralSharing: (prev: unknown, next: unknown): unknown => {
      if (!isMessageOf(prev, ListLeasesResponseSchema) || !isMessageOf(next, ListLeasesResponseSchema)) return next;
      const leases = reuseEqualItems(LeaseSchema, prev.leases, next.leases, (l) => l.name);
      return leases === prev.leases ? prev : create(ListLeasesResponseSchema, { leases: [...leases] });
    },
  });
}
