// Retry safety of CreateLease: the form sends the same lease_id on every
// attempt, so "already exists" on a later attempt means an earlier one (whose
// answer was lost) made the lease, and the lease is then read back ([C11]).
// On the first attempt it is a real clash. A version 2 controller says it
// with UNKNOWN `leases.jumpstarter.dev "<id>" already exists`, older servers
// with ALREADY_EXISTS: lib/errors reads both.
import { errorKind } from "@/lib/errors";

/** True when `error`, answering attempt number `attempt` (1-based), means the lease exists already. */
export function earlierAttemptLanded(error: unknown, attempt: number): boolean {
  return attempt > 1 && errorKind(error) === "already-exists";
}
