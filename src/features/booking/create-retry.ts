// Retry safety of CreateLease: the form sends the same lease_id on every
// attempt, so "already exists" on a later attempt means an earlier one (whose
// answer was lost) made the lease, and the lease is then read back ([C11]).
// On the first attempt it is a real clash. A version 2 controller says it
// with UNKNOWN `leases.jumpstarter.dev "<id>" already exists`, older servers
// with ALREADY_EXISTS: lib/errors reads both.
import { errorKind, isNetworkFailure, isUnavailable } from "@/lib/errors";

/** True when `error`, answering attempt number `attempt` (1-based), means the lease exists already. */
export function earlierAttemptLanded(error: unknown, attempt: number): boolean {
  return attempt > 1 && errorKind(error) === "already-exists";
}

/**
 * True when a create got no answer that decides it — the controller or the
 * gateway is away (Unavailable), the network failed, or the call ran out of
 * time — so it is tried again by itself: the same lease_id makes that safe.
 * Every other answer is final.
 */
export function noAnswerYet(error: unknown): boolean {
  return isUnavailable(error) || isNetworkFailure(error) || errorKind(error) === "timeout";
}

/** Waits between create attempts while the controller is away: 1 s, 2 s, 4 s, then every 5 s. */
export function createRetryDelayMs(failures: number): number {
  return Math.min(1_000 * 2 ** Math.max(0, failures - 1), 5_000);
}

/** After this long without an answer, the form says the controller is not answering yet (issue 8: "within about 2 s"). */
export const SLOW_ANSWER_MS = 2_000;
