// Which leases the list shows, and in what order. Pure.
import { isLeaseOf, leaseEndMs, leaseStatus } from "@/domain/lease-status";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import type { LeaseScope } from "@/features/leases/lease-list-filters";

/** True when `lease` is held by the signed-in client ([F6]: ListLeases returns every client's). */
export function isMine(lease: Lease, namespace: string, me: string): boolean {
  return isLeaseOf(lease, namespace, me);
}

/** The leases of the scope: mine, or everyone's. */
export function leasesInScope(leases: readonly Lease[], scope: LeaseScope, namespace: string, me: string): Lease[] {
  return scope === "all" ? [...leases] : leases.filter((l) => isMine(l, namespace, me));
}

/**
 * Active leases first, the one ending soonest on top (those whose end is not
 * known yet, waiting for a board, after them); then ended ones, the most
 * recently ended first. Ties by name, so polls never shuffle rows.
 */
export function sortLeases(leases: readonly Lease[], nowMs: number): Lease[] {
  const keyed = leases.map((lease) => {
    const ended = leaseStatus(lease, nowMs).ended;
    const end = leaseEndMs(lease);
    return { lease, ended, end };
  });
  keyed.sort((a, b) => {
    if (a.ended !== b.ended) return a.ended ? 1 : -1;
    if (a.end !== b.end) {
      if (a.end === undefined) return 1;
      if (b.end === undefined) return -1;
      return a.ended ? b.end - a.end : a.end - b.end;
    }
    return a.lease.name < b.lease.name ? -1 : a.lease.name > b.lease.name ? 1 : 0;
  });
  return keyed.map((k) => k.lease);
}
