// What a page shows while its data has never loaded: a spinner for a moment,
// then, once the controller has not answered for NOT_ANSWERING_AFTER_MS (or
// is away), that it is not answering and that the portal keeps trying; a
// final refusal is shown as such. Pure: `useFirstLoad` feeds it a query.
import { errorMessage, isNotAnswering } from "@/lib/errors";

/** A first load may take this long before the page says the controller is not answering (issue 8: "within about 2 s"). */
export const NOT_ANSWERING_AFTER_MS = 2_000;

export type FirstLoad =
  /** Data is on screen (it may be stale: the shell's banner and `isShowingStale` say so). */
  | { readonly kind: "ready" }
  /** Under way for less than NOT_ANSWERING_AFTER_MS: a spinner is enough. */
  | { readonly kind: "loading" }
  /**
   * No data yet, and the controller is away or has been silent for
   * NOT_ANSWERING_AFTER_MS; the query keeps retrying by itself (see
   * `awayRetryInterval`), and the page loads as soon as it answers.
   */
  | {
      readonly kind: "not-answering";
      /** The latest failure (Unavailable, no answer, a timeout); undefined while the first try is still waiting. */
      readonly reason: unknown;
      /** The browser reports no network: queries wait for it to come back. */
      readonly offline: boolean;
    }
  /** A final answer (a refusal, not an outage): show it with `<ErrorAlert>`. */
  | { readonly kind: "failed"; readonly error: unknown };

/** The parts of a `useQuery` result that decide a first load. */
export interface FirstLoadQuery {
  readonly data: unknown;
  readonly status: "pending" | "error" | "success";
  readonly fetchStatus: "fetching" | "paused" | "idle";
  readonly error: unknown;
  readonly failureReason: unknown;
}

/** The failure to explain, if any: the final error, else the latest retried one. */
function latestFailure(q: FirstLoadQuery): unknown {
  if (q.status === "error") return q.error;
  return q.failureReason ?? undefined;
}

/**
 * True while a first load is in a state that, after NOT_ANSWERING_AFTER_MS,
 * reads "not answering": no data and no final refusal.
 */
export function isWaitingForFirstLoad(q: FirstLoadQuery): boolean {
  if (q.data !== undefined) return false;
  const failure = latestFailure(q);
  if (q.status === "error") return isNotAnswering(failure);
  // Pending: fetching, paused (offline), or not started (disabled queries wait for no one).
  return q.fetchStatus !== "idle";
}

/**
 * The first-load state of `q`. `waitedLong` says that it has been waiting
 * (`isWaitingForFirstLoad`) for NOT_ANSWERING_AFTER_MS; `lastReason` is the
 * latest not-answering failure seen while waiting (a query that tries again
 * forgets its previous error when the new fetch starts).
 */
export function firstLoadState(q: FirstLoadQuery, waitedLong: boolean, lastReason?: unknown): FirstLoad {
  if (q.data !== undefined) return { kind: "ready" };
  const failure = latestFailure(q);
  if (q.status === "error" && !isNotAnswering(failure)) return { kind: "failed", error: failure };
  if (!isWaitingForFirstLoad(q)) return { kind: "loading" };
  const reason = failure !== undefined && failure !== null && isNotAnswering(failure) ? failure : lastReason;
  // A fetch that gave up and waits for its next try has said enough already: no need to wait more.
  if (!waitedLong && q.status !== "error") return { kind: "loading" };
  return { kind: "not-answering", reason, offline: q.fetchStatus === "paused" };
}

/**
 * The words for a not-answering first load: what is wrong (with the
 * controller's or browser's own text) and that the portal keeps trying.
 * `what` names what is missing ("the exporters").
 */
export function notAnsweringMessage(load: Extract<FirstLoad, { kind: "not-answering" }>, what: string): string {
  if (load.offline) return `The browser is offline. The portal loads ${what} as soon as the network is back.`;
  const why = load.reason === undefined ? "The lab controller has not answered yet." : errorMessage(load.reason);
  return `${why} The portal keeps trying and shows ${what} as soon as it answers.`;
}

/** The heading for a not-answering first load. */
export const NOT_ANSWERING_TITLE = "The lab controller is not answering";
