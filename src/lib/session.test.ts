import type { Transport } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import {
  SESSION_STORAGE_KEY,
  createSessionStore,
  parseStoredSession,
  type KeyValueStorage,
  type Session,
  type SessionStorageAreas,
} from "@/lib/session";

function memory(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}

function areas() {
  const tab = memory();
  const device = memory();
  return { tab, device, areas: { tab, device } satisfies SessionStorageAreas };
}

const alice: Session = { token: "alice-token", namespace: "lab", clientName: "alice", endpoint: "127.0.0.1:8082" };
const dana: Session = {
  token: "access-1",
  namespace: "lab",
  clientName: "dana",
  oidc: {
    issuer: "https://idp.example",
    authority: "https://idp.example",
    clientId: "jumpstarter-portal",
    label: "the demo provider",
    username: "demo:dana",
    obtainedAtMs: 1_000,
    expiresAtMs: 61_000,
  },
};

/** A transport stand-in that remembers who it was made for. */
function makeTransport(made: (Session | null)[]) {
  return (s: Session | null): Transport => {
    made.push(s);
    return { unary: () => Promise.reject(new Error("unused")), stream: () => Promise.reject(new Error("unused")) };
  };
}

describe("session store", () => {
  it("keeps a session in the tab only, unless remembered", () => {
    const a = areas();
    const store = createSessionStore(a.areas, makeTransport([]));
    store.signIn(alice, false);
    expect(a.tab.map.has(SESSION_STORAGE_KEY)).toBe(true);
    expect(a.device.map.has(SESSION_STORAGE_KEY)).toBe(false);
    store.signIn(alice, true);
    expect(a.device.map.has(SESSION_STORAGE_KEY)).toBe(true);
  });

  it("starts from a remembered session", () => {
    const a = areas();
    a.device.map.set(SESSION_STORAGE_KEY, JSON.stringify(alice));
    expect(createSessionStore(a.areas, makeTransport([])).getState().session).toEqual(alice);
  });

  it("makes one transport per session, not per read", () => {
    const made: (Session | null)[] = [];
    const store = createSessionStore(areas().areas, makeTransport(made));
    const t0 = store.getState().transport;
    expect(store.getState().transport).toBe(t0);
    store.signIn(alice, false);
    expect(store.getState().transport).not.toBe(t0);
    expect(made).toEqual([null, alice]);
  });

  it("forgets everything on sign-out and notifies subscribers", () => {
    const a = areas();
    const store = createSessionStore(a.areas, makeTransport([]));
    let notified = 0;
    store.subscribe(() => notified++);
    store.signIn(alice, true);
    store.signOut();
    expect(store.getState()).toMatchObject({ session: null, rejection: null, signedOut: true });
    expect(a.tab.map.size + a.device.map.size).toBe(0);
    expect(notified).toBe(2);
  });

  it("keeps the controller's reason when it rejects the session, once", () => {
    const a = areas();
    const made: (Session | null)[] = [];
    const store = createSessionStore(a.areas, makeTransport(made));
    store.signIn(alice, true);
    store.reject("invalid or expired token");
    store.reject("second failing poll");
    expect(store.getState()).toMatchObject({ session: null, rejection: "invalid or expired token", signedOut: false });
    expect(a.device.map.size).toBe(0);
    expect(made).toEqual([null, alice, null]);
  });

  it("renews an OIDC session's token in place: same transport, stored where the session was", () => {
    const a = areas();
    const made: (Session | null)[] = [];
    const store = createSessionStore(a.areas, makeTransport(made));
    store.signIn(dana, true);
    const transport = store.getState().transport;
    store.renewToken("access-2", 50_000, 110_000);
    const renewed = store.getState().session;
    expect(renewed).toMatchObject({ token: "access-2", clientName: "dana", oidc: { obtainedAtMs: 50_000, expiresAtMs: 110_000, label: "the demo provider" } });
    expect(store.getState().transport).toBe(transport);
    expect(made).toEqual([null, dana]);
    expect(parseStoredSession(a.device.map.get(SESSION_STORAGE_KEY) ?? null)).toEqual(renewed);
    expect(parseStoredSession(a.tab.map.get(SESSION_STORAGE_KEY) ?? null)).toEqual(renewed);
  });

  it("renews nothing once signed out, nor a token session", () => {
    const a = areas();
    const store = createSessionStore(a.areas, makeTransport([]));
    store.signIn(alice, false);
    store.renewToken("other", 0, 1);
    expect(store.getState().session).toEqual(alice);
    store.signIn(dana, false);
    store.signOut();
    store.renewToken("access-2", 0, 1);
    expect(store.getState().session).toBeNull();
    expect(a.tab.map.size).toBe(0);
  });
});

describe("parseStoredSession", () => {
  it("ignores malformed or incomplete entries", () => {
    expect(parseStoredSession(null)).toBeNull();
    expect(parseStoredSession("{not json")).toBeNull();
    expect(parseStoredSession(JSON.stringify({ token: "t", namespace: "lab" }))).toBeNull();
    expect(parseStoredSession(JSON.stringify([alice]))).toBeNull();
  });

  it("reads an OIDC session back whole, and drops one whose renewal facts are broken", () => {
    expect(parseStoredSession(JSON.stringify(dana))).toEqual(dana);
    expect(parseStoredSession(JSON.stringify({ ...dana, oidc: { ...dana.oidc, authority: "" } }))).toBeNull();
    expect(parseStoredSession(JSON.stringify({ ...dana, oidc: { ...dana.oidc, expiresAtMs: "soon" } }))).toBeNull();
  });

  it("drops an empty endpoint", () => {
    expect(parseStoredSession(JSON.stringify({ ...alice, endpoint: "" }))).toEqual({ token: "alice-token", namespace: "lab", clientName: "alice" });
  });
});
