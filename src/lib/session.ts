// The signed-in session: who the portal acts as, and where it is kept.
// Kept outside React (a tiny external store) so the transport is made once
// per session, and so non-React code (the query cache's error handler) can
// end a session the controller rejected.
import type { Transport } from "@connectrpc/connect";
// Relative: the benches and tests import this module outside the app's alias.
import { SESSION_STORAGE_KEY } from "./page-globals.js";

/** What the portal needs to act as one Jumpstarter client. */
export interface Session {
  /** The client's bearer token, sent as `authorization: Bearer <token>`. */
  readonly token: string;
  /** The namespace the token belongs to (`lab`); parents are `namespaces/<ns>`. */
  readonly namespace: string;
  /** The client's bare name (`alice`); leases held by it are "mine". */
  readonly clientName: string;
  /** The controller endpoint from an imported client config, shown for reference only. */
  readonly endpoint?: string;
  /** Signed in through the lab's OIDC provider: the token is its access token, renewed before it expires. */
  readonly oidc?: OidcSignIn;
}

/** What renewing an OIDC session needs, and what the portal shows about it. */
export interface OidcSignIn {
  /** The issuer (the tokens' `iss`). */
  readonly issuer: string;
  /** Where the browser reaches the provider (the issuer, unless the lab says otherwise). */
  readonly authority: string;
  /** The portal's OAuth client at the provider. */
  readonly clientId: string;
  /** "the demo provider": what the sign-in button called it. */
  readonly label: string;
  /** The user name the controller sees ([A3]: prefix + claim). */
  readonly username: string;
  /** When the current access token was obtained and when it expires (ms since the epoch). */
  readonly obtainedAtMs: number;
  readonly expiresAtMs: number;
}

/** A snapshot of the store: never mutated, replaced on every change. */
export interface SessionState {
  readonly session: Session | null;
  /** Made once per session; anonymous (no token) while signed out. */
  readonly transport: Transport;
  /** Why the last session ended without the user asking (the controller's words). */
  readonly rejection: string | null;
  /** The user signed out (the sign-in page then offers no way back to a page). */
  readonly signedOut: boolean;
}

// Function-valued properties (not methods): they are passed around unbound,
// e.g. to useSyncExternalStore.
export interface SessionStore {
  readonly getState: () => SessionState;
  readonly subscribe: (listener: () => void) => () => void;
  /** Starts a session; `remember` keeps it in localStorage across browser restarts. */
  readonly signIn: (session: Session, remember: boolean) => void;
  /** Ends the session the user asked to end. */
  readonly signOut: () => void;
  /** Ends the session because the controller rejected it, keeping the reason to show. */
  readonly reject: (reason: string) => void;
  /** A renewed OIDC access token: same session and transport, new token. */
  readonly renewToken: (token: string, obtainedAtMs: number, expiresAtMs: number) => void;
}

export { SESSION_STORAGE_KEY } from "./page-globals.js";

/** A Storage subset, so tests can pass a Map-backed fake. */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

export interface SessionStorageAreas {
  /** Per tab, gone when the tab closes (the default). */
  readonly tab: KeyValueStorage;
  /** Kept on this device ("Remember on this device"). */
  readonly device: KeyValueStorage;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Reads a stored session back, ignoring anything malformed. */
export function parseStoredSession(text: string | null): Session | null {
  if (text === null) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(v)) return null;
  const { token, namespace, clientName, endpoint } = v;
  if (typeof token !== "string" || token === "") return null;
  if (typeof namespace !== "string" || namespace === "") return null;
  if (typeof clientName !== "string" || clientName === "") return null;
  const oidc = parseOidcSignIn(v.oidc);
  if (v.oidc !== undefined && oidc === null) return null; // half an OIDC session cannot be renewed
  return {
    token,
    namespace,
    clientName,
    ...(typeof endpoint === "string" && endpoint !== "" ? { endpoint } : {}),
    ...(oidc === null ? {} : { oidc }),
  };
}

function parseOidcSignIn(v: unknown): OidcSignIn | null {
  if (!isRecord(v)) return null;
  const { issuer, authority, clientId, label, username, obtainedAtMs, expiresAtMs } = v;
  const text = (t: unknown): t is string => typeof t === "string" && t !== "";
  if (!text(issuer) || !text(authority) || !text(clientId) || !text(label) || !text(username)) return null;
  if (typeof obtainedAtMs !== "number" || typeof expiresAtMs !== "number") return null;
  return { issuer, authority, clientId, label, username, obtainedAtMs, expiresAtMs };
}

function safeGet(storage: KeyValueStorage): string | null {
  try {
    return storage.getItem(SESSION_STORAGE_KEY);
  } catch {
    return null; // storage disabled (privacy mode): behave as signed out
  }
}

function safeRemove(storage: KeyValueStorage): void {
  try {
    storage.removeItem(SESSION_STORAGE_KEY);
  } catch {
    // nothing stored, nothing to remove
  }
}

/** The stored session, the tab's first (a fresh sign-in wins over a remembered one). */
export function loadSession(areas: SessionStorageAreas): Session | null {
  return parseStoredSession(safeGet(areas.tab)) ?? parseStoredSession(safeGet(areas.device));
}

export function saveSession(areas: SessionStorageAreas, session: Session, remember: boolean): void {
  clearStoredSession(areas);
  const text = JSON.stringify(session);
  areas.tab.setItem(SESSION_STORAGE_KEY, text);
  if (remember) areas.device.setItem(SESSION_STORAGE_KEY, text);
}

export function clearStoredSession(areas: SessionStorageAreas): void {
  safeRemove(areas.tab);
  safeRemove(areas.device);
}

/**
 * Creates the store. `makeTransport` is called once per session (and once
 * for the signed-out state), never on re-render.
 */
export function createSessionStore(
  areas: SessionStorageAreas,
  makeTransport: (session: Session | null) => Transport,
): SessionStore {
  const listeners = new Set<() => void>();
  const initial = loadSession(areas);
  // Where the session is kept, so a renewed token goes to the same place.
  let remembered = initial !== null && parseStoredSession(safeGet(areas.device)) !== null;
  let state: SessionState = { session: initial, transport: makeTransport(initial), rejection: null, signedOut: false };

  function set(next: SessionState): void {
    state = next;
    for (const l of [...listeners]) l();
  }

  return {
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    signIn: (session, remember) => {
      remembered = remember;
      saveSession(areas, session, remember);
      set({ session, transport: makeTransport(session), rejection: null, signedOut: false });
    },
    signOut: () => {
      clearStoredSession(areas);
      set({ session: null, transport: makeTransport(null), rejection: null, signedOut: true });
    },
    reject: (reason) => {
      // Several polls can fail at once with the same answer: end the session once.
      if (state.session === null) return;
      clearStoredSession(areas);
      set({ session: null, transport: makeTransport(null), rejection: reason, signedOut: false });
    },
    renewToken: (token, obtainedAtMs, expiresAtMs) => {
      const current = state.session;
      if (current?.oidc === undefined) return; // signed out meanwhile: nothing to renew
      const session: Session = { ...current, token, oidc: { ...current.oidc, obtainedAtMs, expiresAtMs } };
      saveSession(areas, session, remembered);
      // The transport reads the token at each call: it stays, and so does every cached answer.
      set({ ...state, session });
    },
  };
}

const memoryStorage = (): KeyValueStorage => {
  const m = new Map<string, string>();
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, v),
    removeItem: (k) => void m.delete(k),
  };
};

function storageOrMemory(get: () => Storage): KeyValueStorage {
  try {
    const s = get();
    s.getItem(SESSION_STORAGE_KEY); // throws where storage is blocked
    return s;
  } catch {
    return memoryStorage();
  }
}

/** The browser's sessionStorage and localStorage (in-memory where the browser blocks them). */
export function browserStorageAreas(): SessionStorageAreas {
  return {
    tab: storageOrMemory(() => window.sessionStorage),
    device: storageOrMemory(() => window.localStorage),
  };
}
