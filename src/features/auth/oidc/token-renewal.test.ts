// The renewal timer and the calls' wait for a due token, with a real session
// store and a scripted provider in place of the OIDC library.
import type { Transport } from "@connectrpc/connect";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createTokenRenewal, type RenewedToken } from "@/features/auth/oidc/token-renewal";
import { createSessionStore, type KeyValueStorage, type OidcSignIn, type Session } from "@/lib/session";

function memory(): KeyValueStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}
const transport: Transport = { unary: () => Promise.reject(new Error("unused")), stream: () => Promise.reject(new Error("unused")) };

function danaAt(nowMs: number, lifeMs: number): Session {
  return {
    token: "access-1",
    namespace: "lab",
    clientName: "dana",
    oidc: { issuer: "https://idp", authority: "https://idp", clientId: "portal", label: "the demo provider", username: "demo:dana", obtainedAtMs: nowMs, expiresAtMs: nowMs + lifeMs },
  };
}

let store: ReturnType<typeof createSessionStore>;
const stops: (() => void)[] = [];

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  store = createSessionStore({ tab: memory(), device: memory() }, () => transport);
});
afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  vi.useRealTimers();
});

function renewal(renew: (o: OidcSignIn) => Promise<RenewedToken>) {
  const r = createTokenRenewal({ store, renew });
  stops.push(r.stop);
  return r;
}

const renewedAt = (n: number, lifeMs = 20_000): RenewedToken => ({ token: `access-${n}`, obtainedAtMs: Date.now(), expiresAtMs: Date.now() + lifeMs });

describe("an OIDC session's token renewal", () => {
  it("renews a quarter of the token's life before it expires, and again for the renewed token", async () => {
    let n = 1;
    const renew = vi.fn(() => Promise.resolve(renewedAt(++n)));
    renewal(renew);
    store.signIn(danaAt(Date.now(), 20_000), false);
    await vi.advanceTimersByTimeAsync(14_999);
    expect(renew).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(renew).toHaveBeenCalledTimes(1);
    expect(store.getState().session?.token).toBe("access-2");
    await vi.advanceTimersByTimeAsync(15_000);
    expect(renew).toHaveBeenCalledTimes(2);
    expect(store.getState().session?.token).toBe("access-3");
  });

  it("makes a call wait for the new token when the old one is about to run out, renewing once for many calls", async () => {
    let release: (t: RenewedToken) => void = () => undefined;
    const renew = vi.fn(() => new Promise<RenewedToken>((r) => (release = r)));
    const r = renewal(renew);
    // Restored after the laptop slept: the token has already expired.
    store.signIn(danaAt(Date.now() - 30_000, 20_000), false);
    const calls = [r.currentToken(), r.currentToken(), r.currentToken()];
    await vi.advanceTimersByTimeAsync(0);
    release(renewedAt(2));
    expect(await Promise.all(calls)).toEqual(["access-2", "access-2", "access-2"]);
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it("sends the current token without waiting while it is still good", async () => {
    const renew = vi.fn(() => Promise.resolve(renewedAt(2)));
    const r = renewal(renew);
    store.signIn(danaAt(Date.now(), 3_600_000), false);
    expect(await r.currentToken()).toBe("access-1");
    expect(renew).not.toHaveBeenCalled();
  });

  it("ends the session with the provider's words when it refuses to renew", async () => {
    renewal(() => Promise.reject(Object.assign(new Error("invalid_grant"), { error: "invalid_grant", error_description: "grant request is invalid" })));
    store.signIn(danaAt(Date.now(), 20_000), false);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(store.getState().session).toBeNull();
    expect(store.getState().rejection).toBe("Your sign-in with the demo provider has ended: it would not renew it (grant request is invalid).");
  });

  it("asks a provider that does not answer again while the token lasts, and ends the session only once it has run out", async () => {
    let answering = false;
    const renew = vi.fn(() => (answering ? Promise.resolve(renewedAt(2)) : Promise.reject(new TypeError("Failed to fetch"))));
    renewal(renew);
    store.signIn(danaAt(Date.now(), 40_000), false);
    await vi.advanceTimersByTimeAsync(30_000); // due at 30 s: fails
    expect(renew).toHaveBeenCalledTimes(1);
    expect(store.getState().session?.token).toBe("access-1");
    answering = true;
    await vi.advanceTimersByTimeAsync(10_000); // asked again at 40 s, when the token runs out: answers
    expect(renew).toHaveBeenCalledTimes(2);
    expect(store.getState().session?.token).toBe("access-2");

    answering = false;
    await vi.advanceTimersByTimeAsync(40_000);
    expect(store.getState().session).toBeNull();
    expect(store.getState().rejection).toBe("Your sign-in with the demo provider has expired, and the demo provider did not answer to renew it (Failed to fetch).");
  });

  it("drops a renewal that comes back after the user signed out", async () => {
    let release: (t: RenewedToken) => void = () => undefined;
    const r = renewal(() => new Promise<RenewedToken>((res) => (release = res)));
    store.signIn(danaAt(Date.now() - 30_000, 20_000), false);
    const call = r.currentToken();
    store.signOut();
    release(renewedAt(2));
    await call;
    expect(store.getState().session).toBeNull();
    expect(store.getState().signedOut).toBe(true);
  });

  it("does nothing for a token session", async () => {
    const renew = vi.fn(() => Promise.resolve(renewedAt(2)));
    const r = renewal(renew);
    store.signIn({ token: "t", namespace: "lab", clientName: "alice" }, false);
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(await r.currentToken()).toBe("t");
    expect(renew).not.toHaveBeenCalled();
  });
});
