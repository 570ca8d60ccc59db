// The QueryClient factory: one per app (and one per test), never a module
// singleton. Encodes the server-state rules every feature shares.
import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { describeError, isUnavailable } from "@/lib/errors";

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

/** How many times an Unavailable call is retried before it counts as failed. */
export const MAX_UNAVAILABLE_RETRIES = 4;

/** Retries only while the controller or gateway is away; every other answer is final. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_UNAVAILABLE_RETRIES && isUnavailable(error);
}

/** 1 s, 2 s, 4 s, 8 s... capped at 15 s. */
export function retryDelayMs(attempt: number): number {
  return Math.min(1_000 * 2 ** attempt, 15_000);
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
