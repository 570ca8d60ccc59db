// Retry safety of CreateLease: the form sends the same lease_id on every
// attempt, so AlreadyExists on a later attempt means an earlier one (whose
// answer was lost) made the lease. On the first attempt it is a real clash.
import { Code } from "@connectrpc/connect";
import { toConnectError } from "@/lib/errors";

/** True when `error`, answering attempt number `attempt` (1-based), means the lease exists already. */
export function earlierAttemptLanded(error: unknown, attempt: number): boolean {
  return attempt > 1 && toConnectError(error).code === Code.AlreadyExists;
}
