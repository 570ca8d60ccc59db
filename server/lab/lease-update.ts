// UpdateLease's time rules [U4]-[U9] as a pure function. The controller
// ignores update_mask; it reconciles the request's own time fields first, so
// end_time alone or begin_time alone is refused; then it merges them into the
// stored fields and reconciles again.
import { reconcileLeaseTimes, type LeaseTimes, type ReconciledLeaseTimes } from "../../src/domain/lease-times.js";

/** The time fields of an UpdateLease request (undefined = absent). */
export type RequestedTimes = LeaseTimes;

export interface StoredTimes {
  readonly durationMs: number;
  readonly beginMs: number | undefined;
  readonly endMs: number | undefined;
  /** An exporter was ever assigned ("started" in [U6]). */
  readonly hadExporter: boolean;
}

export const BEGIN_LOCKED = "cannot update BeginTime: lease has already started";

export type TimeUpdate = { readonly ok: true; readonly times: ReconciledLeaseTimes } | { readonly ok: false; readonly message: string };

export function hasTimeFields(r: RequestedTimes): boolean {
  return r.durationMs !== undefined || r.beginMs !== undefined || r.endMs !== undefined;
}

/**
 * [U5]/[U6]: the request's own time fields reconciled on their own, and the
 * begin of a lease that ever had an exporter kept where it is. Returns the
 * refusal, or undefined. Begin and end are compared in whole seconds ([O2]):
 * `truncate` is how.
 */
export function ownTimesProblem(stored: StoredTimes, request: RequestedTimes, truncate: (ms: number) => number): string | undefined {
  const own = reconcileLeaseTimes(request);
  if (!own.ok) return own.message;
  if (request.beginMs !== undefined && stored.hadExporter && (stored.beginMs === undefined || truncate(request.beginMs) !== stored.beginMs)) {
    return BEGIN_LOCKED;
  }
  return undefined;
}

/**
 * [U7]/[U9]: the present fields replace the stored ones (values [U5] derived
 * for absent fields are dropped), and the merge is reconciled again, which
 * may fill in a begin (end - duration) or recompute the duration (end - begin).
 * Call after ownTimesProblem() found nothing.
 */
export function mergedTimes(stored: StoredTimes, request: RequestedTimes, truncate: (ms: number) => number): TimeUpdate {
  const merged = reconcileLeaseTimes({
    durationMs: request.durationMs ?? stored.durationMs,
    beginMs: request.beginMs ?? stored.beginMs,
    endMs: request.endMs ?? stored.endMs,
  });
  if (!merged.ok) return merged;
  const { times } = merged;
  return {
    ok: true,
    times: {
      durationMs: times.durationMs,
      ...(times.beginMs === undefined ? {} : { beginMs: truncate(times.beginMs) }),
      ...(times.endMs === undefined ? {} : { endMs: truncate(times.endMs) }),
    },
  };
}
