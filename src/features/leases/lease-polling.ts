// How often one lease is refreshed: every 2 s while it waits (Pending or
// Scheduled, so Ready shows promptly), every 5 s while held, never once it
// has ended or does not exist. Pure, for `refetchInterval` as a function.
import { leaseStatus } from "@/domain/lease-status";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { LEASES_POLL_MS, WAITING_LEASE_POLL_MS } from "@/lib/config";
import { isNoSuchObject } from "@/lib/errors";

export function leasePollInterval(lease: Lease | undefined, error: unknown, nowMs: number): number | false {
  if (lease === undefined) {
    // Nothing to follow: the name is unknown or malformed.
    if (error !== null && error !== undefined && isNoSuchObject(error)) return false;
    return LEASES_POLL_MS;
  }
  const status = leaseStatus(lease, nowMs);
  if (status.ended) return false;
  return status.state === "pending" || status.state === "scheduled" ? WAITING_LEASE_POLL_MS : LEASES_POLL_MS;
}
