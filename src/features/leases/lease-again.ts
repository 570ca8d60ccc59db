// "Lease it again": a new lease asking for what the ended one asked for —
// its selector or the board it named, its length or its window, its tags —
// never the board it happened to get (after a failed hook, that is the
// broken one). Carried to the create form in its URL, which the form reads
// back (`readCreatePrefill`). Pure.
import { durationToMs, timestampToMs } from "@/domain/durations";
import { shortName } from "@/domain/resource-names";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { createPrefillSearch, type CreateLeasePrefill, type TagRow } from "@/domain/create-lease-link";
import { hasSelector, isPinned } from "@/features/leases/lease-situation";

/**
 * The request of `lease` again, from `nowMs` on: the same target; its window
 * when it is still ahead, its end when only that is, else its length; its tags.
 */
export function leaseAgainPrefill(lease: Lease, nowMs: number): CreateLeasePrefill {
  const target = isPinned(lease)
    ? { exporter: lease.exporterName ?? "" }
    : hasSelector(lease)
      ? { selector: lease.selector }
      : { exporter: shortName(lease.exporter ?? "") };
  const durationMs = durationToMs(lease.duration);
  const beginMs = timestampToMs(lease.beginTime);
  const endMs = timestampToMs(lease.endTime);
  let times: Pick<CreateLeasePrefill, "durationMs" | "beginMs" | "endMs"> = durationMs === undefined ? {} : { durationMs };
  if (beginMs !== undefined && endMs !== undefined) {
    if (beginMs > nowMs) times = { beginMs, endMs };
    else if (endMs > nowMs) times = { endMs };
    else times = { durationMs: endMs - beginMs };
  } else if (beginMs !== undefined && beginMs > nowMs && durationMs !== undefined) {
    times = { beginMs, durationMs };
  }
  const tags: TagRow[] = Object.entries(lease.tags).map(([key, value]) => ({ key, value }));
  return { ...target, ...times, ...(tags.length === 0 ? {} : { tags }) };
}

/** The link that leases `lease` again. */
export function leaseAgainHref(lease: Lease, nowMs: number): string {
  return `/leases/new?${createPrefillSearch(leaseAgainPrefill(lease, nowMs))}`;
}
