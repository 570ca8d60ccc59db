// A query's first-load state for a page (see first-load.ts): a spinner at
// first, "the controller is not answering, the portal keeps trying" after
// NOT_ANSWERING_AFTER_MS, a final refusal as such, "ready" once data is here.
import { useEffect, useState } from "react";
import { firstLoadState, isWaitingForFirstLoad, NOT_ANSWERING_AFTER_MS, type FirstLoad, type FirstLoadQuery } from "@/lib/first-load";
import { isNotAnswering } from "@/lib/errors";

/** True once `active` has been true for `delayMs` without a break. */
export function useHeldFor(active: boolean, delayMs: number): boolean {
  const [over, setOver] = useState(false);
  const [wasActive, setWasActive] = useState(active);
  if (active !== wasActive) {
    // A new stretch starts (or one ended): the clock restarts.
    setWasActive(active);
    setOver(false);
  }
  useEffect(() => {
    if (!active) return;
    const timer = setTimeout(() => setOver(true), delayMs);
    return () => clearTimeout(timer);
  }, [active, delayMs]);
  return active && over && active === wasActive;
}

/**
 * The first-load state of a `useQuery` result. Placeholder data (a previous
 * filter's answer) does not count as loaded: pass
 * `{ ...q, data: q.isPlaceholderData ? undefined : q.data }` to tell the
 * new request's state.
 */
export function useFirstLoad(q: FirstLoadQuery): FirstLoad {
  const waiting = isWaitingForFirstLoad(q);
  const waitedLong = useHeldFor(waiting, NOT_ANSWERING_AFTER_MS);
  // Remember the latest reason while waiting: each new try starts without one.
  const failure: unknown = q.status === "error" ? q.error : q.failureReason;
  const [lastReason, setLastReason] = useState<unknown>(undefined);
  const current = waiting && failure !== null && failure !== undefined && isNotAnswering(failure) ? failure : undefined;
  if (current !== undefined && current !== lastReason) setLastReason(current);
  if (!waiting && lastReason !== undefined) setLastReason(undefined);
  return firstLoadState(q, waitedLong, waiting ? (current ?? lastReason) : undefined);
}
