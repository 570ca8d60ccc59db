// The wall's two lists, refreshed every refreshMs (quicker while the
// controller is away), through whichever transport the wall source gave.
import { useTransport } from "@connectrpc/connect-query";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useWallSource } from "@/features/wall/wall-source";
import { exportersQueryOptions, leasesQueryOptions } from "@/lib/list-queries";
import { pollEvery } from "@/lib/query-client";
import { isShowingStale } from "@/lib/use-stale-queries";

export function useWallData(selector: string) {
  const transport = useTransport();
  const { namespace, refreshMs } = useWallSource();
  const exporters = useQuery({ ...exportersQueryOptions(transport, namespace, selector), placeholderData: keepPreviousData, refetchInterval: pollEvery(refreshMs), refetchIntervalInBackground: true });
  // Active = not ended: held, waiting and scheduled ones, everyone's [F6].
  const leases = useQuery({ ...leasesQueryOptions(transport, namespace, { onlyActive: true }), refetchInterval: pollEvery(refreshMs), refetchIntervalInBackground: true });
  const loaded = exporters.data !== undefined && leases.data !== undefined;
  const stale = isShowingStale(exporters) || isShowingStale(leases) || (loaded && (exporters.isError || leases.isError));
  // The older of the two: what the wall can vouch for.
  const refreshedAt = loaded ? Math.min(exporters.dataUpdatedAt, leases.dataUpdatedAt) : undefined;
  return {
    exporters: exporters.data?.exporters,
    leases: leases.data?.leases,
    // While a refresh is being retried the query has no error yet, only its failure reason.
    error: exporters.error ?? leases.error ?? exporters.failureReason ?? leases.failureReason,
    stale,
    refreshedAt,
  };
}
