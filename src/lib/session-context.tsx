// React access to the session store. Pages under the signed-in routes call
// useSession(); the sign-in page and the app shell use the store directly.
import { createContext, use, useSyncExternalStore, type ReactNode } from "react";
import type { Session, SessionState, SessionStore } from "@/lib/session";

const SessionStoreContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionStoreContext value={store}>{children}</SessionStoreContext>;
}

/** The session store (sign in, sign out, reject). */
export function useSessionStore(): SessionStore {
  const store = use(SessionStoreContext);
  if (store === null) throw new Error("useSessionStore must be used inside <SessionProvider>");
  return store;
}

/** The whole session state: session (or null), transport, last rejection. */
export function useSessionState(): SessionState {
  const store = useSessionStore();
  return useSyncExternalStore(store.subscribe, store.getState);
}

/** The current session, or null while signed out. */
export function useOptionalSession(): Session | null {
  return useSessionState().session;
}

/**
 * The current session. Only for pages under the signed-in routes (the app's
 * route guard renders them only with a session); throws elsewhere.
 */
export function useSession(): Session {
  const session = useOptionalSession();
  if (session === null) throw new Error("useSession used outside the signed-in routes");
  return session;
}
