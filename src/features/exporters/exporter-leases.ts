// One exporter's leases, split the way its detail page shows them. Pure.
import { holdsExporter, leaseStatus } from "@/domain/lease-status";
import { timestampToMs } from "@/domain/durations";
import { exporterName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";

export interface ExporterLeases {
  /** The lease holding the exporter now ([S6]). */
  readonly current: Lease | undefined;
  /** Scheduled or pending leases that asked for this exporter by name, soonest first. */
  readonly upcoming: readonly Lease[];
  /** Ended leases that held or asked for it, newest first, at most `recentLimit`. */
  readonly recent: readonly Lease[];
}

export const RECENT_LEASES_LIMIT = 10;

export function leasesOfExporter(
  leases: readonly Lease[],
  namespace: string,
  name: string,
  nowMs: number,
  recentLimit: number = RECENT_LEASES_LIMIT,
): ExporterLeases {
  const full = exporterName(namespace, name);
  let current: Lease | undefined;
  const upcoming: Lease[] = [];
  const recent: Lease[] = [];
  for (const lease of leases) {
    const mine = lease.exporter === full || lease.exporterName === name;
    if (!mine) continue;
    const status = leaseStatus(lease, nowMs);
    if (status.ended) recent.push(lease);
    else if (holdsExporter(lease) && lease.exporter === full) current = lease;
    else if (status.state === "scheduled" || status.state === "pending") upcoming.push(lease);
  }
  const begin = (l: Lease): number => timestampToMs(l.beginTime) ?? Number.MAX_SAFE_INTEGER;
  const ended = (l: Lease): number => timestampToMs(l.effectiveEndTime) ?? timestampToMs(l.effectiveBeginTime) ?? 0;
  upcoming.sort((a, b) => begin(a) - begin(b));
  recent.sort((a, b) => ended(b) - ended(a));
  return { current, upcoming, recent: recent.slice(0, recentLimit) };
}
