// The QueryClient factory: one per app (and one per test), never a module
// singleton. Encodes the server-state rules every feature shares.
import { MutationCache, QueryCache, QueryClient, type Query } from "@tanstack/react-query";
import { describeError, isNotAnswering, isUnavailable } from "@/lib/errors";

/** Extra knobs a query or mutation can set through `meta`. */
export interface PortalMeta extends Record<string, unknown> {
  /**
   * The caller shows a session-fatal answer itself (the sign-in form
   * checking a token) instead of ending the session.
   */
  handlesSessionRejection?: boolean;
}

declare module "@tanstack/react-query" {
  interface Register {
    queryMeta: PortalMeta;
    mutationMeta: PortalMeta;
  }
}

/**
 * How many times a call is retried at once while the controller is away.
 * One quick retry rides out a blip; after it the fetch gives up (so a page
 * can say within about 2 s that the controller is not answering, and a
 * mutation waiting on a refetch is not held for long) and
 * `awayRetryInterval` keeps trying.
 */
export const MAX_UNAVAILABLE_RETRIES = 1;

/** Retries only while the controller or gateway is away; every other answer is final. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_UNAVAILABLE_RETRIES && isUnavailable(error);
}

/** 1 s, 2 s, 4 s... capped at 4 s (only the first is used today). */
export function retryDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** attempt, 4_000);
}

/** A query whose last fetch found the controller away (or silent) tries again this often. */
export const AWAY_RETRY_INTERVAL_MS = 5_000;

/**
 * The default `refetchInterval`: while a query's last fetch ended with the
 * controller not answering, try again every AWAY_RETRY_INTERVAL_MS, whether
 * or not the query polls, so every page recovers by itself; otherwise no
 * polling. A query with its own `refetchInterval` replaces this; wrap a
 * fixed period in `pollEvery(ms)` to keep the quicker retries.
 */
export function awayRetryInterval(query: Pick<Query, "state">): number | false {
  const { status, error } = query.state;
  return status === "error" && isNotAnswering(error) ? AWAY_RETRY_INTERVAL_MS : false;
}

/**
 * A `refetchInterval` that polls every `ms`, and every AWAY_RETRY_INTERVAL_MS
 * instead while the controller is not answering (when that is sooner).
 */
export function pollEvery(ms: number): (query: Pick<Query, "state">) => number {
  return (query) => {
    const away = awayRetryInterval(query);
    return away === false ? ms : Math.min(ms, away);
  };
}

export interface QueryClientOptions {
  /**
   * Called when the controller's answer means the session cannot go on (a
   * bad or expired token, an unknown client, a client refusing the user,
   * refused call metadata: lib/errors decides), with the reason in words,
   * the controller's text included.
   */
  onSessionRejected: (reason: string) => void;
}

export function createQueryClient({ onSessionRejected }: QueryClientOptions): QueryClient {
  const handle = (error: unknown, meta: PortalMeta | undefined): void => {
    if (meta?.handlesSessionRejection === true) return;
    const d = describeError(error);
    if (d.sessionFatal) onSessionRejected(d.message);
  };
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => handle(error, query.meta) }),
    mutationCache: new MutationCache({ onError: (error, _vars, _ctx, mutation) => handle(error, mutation.meta) }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        retryDelay: retryDelayMs,
        refetchInterval: awayRetryInterval,
        // A refresh right after navigating back is wasteful; polling keeps lists fresh.
        staleTime: 2_000,
        // Polling pauses in hidden tabs (and resumes, with a refetch, on focus).
        refetchIntervalInBackground: false,
        refetchOnWindowFocus: true,
        refetchOnReconnect: true,
      },
      mutations: {
        // A mutation is never retried blindly: creates are made safe by lease_id, not by retries.
        retry: false,
      },
    },
  });
}
