import { Code, ConnectError } from "@connectrpc/connect";
import { environmentManager, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AWAY_RETRY_INTERVAL_MS, awayRetryInterval, createQueryClient, pollEvery, retryDelayMs, shouldRetry } from "@/lib/query-client";
import { findStaleness, isShowingStale } from "@/lib/use-stale-queries";

describe("retries", () => {
  it("retries only while the controller is unavailable, once at once", () => {
    const down = new ConnectError("down", Code.Unavailable);
    expect(shouldRetry(0, down)).toBe(true);
    expect(shouldRetry(1, down)).toBe(false);
    for (const code of [Code.Unauthenticated, Code.InvalidArgument, Code.PermissionDenied, Code.NotFound, Code.Internal]) {
      expect(shouldRetry(0, new ConnectError("x", code))).toBe(false);
    }
  });

  it("backs off exponentially with a cap", () => {
    expect([0, 1, 2, 3, 10].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 4_000, 4_000]);
  });

  it("tries again every few seconds after a fetch gave up with the controller away, and only then", async () => {
    const client = createQueryClient({ onSessionRejected: () => undefined });
    const outcomes: [string, Error][] = [
      ["away", new ConnectError("down", Code.Unavailable)],
      ["silent", new ConnectError("too slow", Code.DeadlineExceeded)],
      ["refused", new ConnectError("bad filter", Code.Unknown)],
    ];
    for (const [key, error] of outcomes) {
      await client.fetchQuery({ queryKey: [key], queryFn: () => Promise.reject(error), retry: false }).catch(() => undefined);
    }
    await client.fetchQuery({ queryKey: ["fine"], queryFn: () => Promise.resolve(1) });
    const interval = (key: string): number | false => {
      const query = client.getQueryCache().find({ queryKey: [key] });
      if (query === undefined) throw new Error(`no query ${key}`);
      return awayRetryInterval(query);
    };
    expect(interval("away")).toBe(AWAY_RETRY_INTERVAL_MS);
    expect(interval("silent")).toBe(AWAY_RETRY_INTERVAL_MS);
    expect(interval("refused")).toBe(false);
    expect(interval("fine")).toBe(false);
    const every10s = pollEvery(10_000);
    const awayQuery = client.getQueryCache().find({ queryKey: ["away"] });
    const fineQuery = client.getQueryCache().find({ queryKey: ["fine"] });
    expect(awayQuery === undefined ? undefined : every10s(awayQuery)).toBe(AWAY_RETRY_INTERVAL_MS);
    expect(fineQuery === undefined ? undefined : every10s(fineQuery)).toBe(10_000);
  });

  describe("a first load while the controller is away", () => {
    // TanStack Query schedules no timers where it sees no window; the browser does.
    beforeEach(() => {
      environmentManager.setIsServer(() => false);
      vi.useFakeTimers();
    });
    afterEach(() => {
      vi.useRealTimers();
      environmentManager.setIsServer(() => typeof window === "undefined");
    });

    it("gives up quickly, keeps trying, and loads by itself once the controller is back", async () => {
      const client = createQueryClient({ onSessionRejected: () => undefined });
      let up = false;
      let calls = 0;
      const observer = new QueryObserver(client, {
        queryKey: ["exporters"],
        queryFn: () => {
          calls++;
          return up ? Promise.resolve(["rcar-s4-01"]) : Promise.reject(new ConnectError("down", Code.Unavailable));
        },
      });
      const unsubscribe = observer.subscribe(() => undefined);
      try {
        await vi.advanceTimersByTimeAsync(0);
        expect(observer.getCurrentResult().failureCount).toBe(1);
        await vi.advanceTimersByTimeAsync(1_000);
        // The one quick retry failed too: the fetch has given up, without data.
        expect(observer.getCurrentResult().status).toBe("error");
        expect(calls).toBe(2);
        await vi.advanceTimersByTimeAsync(AWAY_RETRY_INTERVAL_MS);
        expect(calls).toBeGreaterThanOrEqual(3);
        up = true;
        await vi.advanceTimersByTimeAsync(AWAY_RETRY_INTERVAL_MS + 1_000);
        expect(observer.getCurrentResult().data).toEqual(["rcar-s4-01"]);
        const settled = calls;
        // Once loaded (and without polling of its own) it stops asking.
        await vi.advanceTimersByTimeAsync(4 * AWAY_RETRY_INTERVAL_MS);
        expect(calls).toBe(settled);
      } finally {
        unsubscribe();
        client.clear();
      }
    });
  });
});

describe("session-fatal answers", () => {
  it("end the session from any query or mutation, with the reason in words (the controller's text kept)", async () => {
    const reasons: string[] = [];
    const client = createQueryClient({ onSessionRejected: (m) => reasons.push(m) });
    const rejected = (): Promise<never> => Promise.reject(new ConnectError("invalid or expired token", Code.Unauthenticated));
    await client.fetchQuery({ queryKey: ["q"], queryFn: rejected }).catch(() => undefined);
    await client.getMutationCache().build(client, { mutationFn: rejected }).execute(undefined).catch(() => undefined);
    expect(reasons).toEqual([
      "Your session was rejected by the controller: invalid or expired token.",
      "Your session was rejected by the controller: invalid or expired token.",
    ]);
  });

  it.each([
    ["[A9] a bad token (UNKNOWN)", new ConnectError("failed to authenticate token", Code.Unknown)],
    ["[A10] an expired token", new ConnectError("oidc: verify token: oidc: token is expired (Token Expiry: 2027-08-21 14:32:42 +0000 UTC)", Code.Unknown)],
    ["[A13] an unknown client", new ConnectError('client lab/alice: clients.jumpstarter.dev "alice" not found', Code.Unknown)],
    ["[A14] a client refusing the user", new ConnectError("permission denied for client lab/alice", Code.PermissionDenied)],
    ["[H2] missing metadata", new ConnectError("missing metadata: jumpstarter-namespace", Code.InvalidArgument)],
    ["[H3] no client name", new ConnectError("resource name required for pre-existing authentication", Code.InvalidArgument)],
  ])("include %s", async (_name, error) => {
    const reasons: string[] = [];
    const client = createQueryClient({ onSessionRejected: (m) => reasons.push(m) });
    await client.fetchQuery({ queryKey: ["q"], queryFn: () => Promise.reject(error) }).catch(() => undefined);
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain(error.rawMessage);
  });

  it("are left to callers that handle them (the sign-in check), and other refusals never end the session", async () => {
    const reasons: string[] = [];
    const client = createQueryClient({ onSessionRejected: (m) => reasons.push(m) });
    const rejected = (): Promise<never> => Promise.reject(new ConnectError("failed to authenticate token", Code.Unknown));
    await client
      .getMutationCache()
      .build(client, { mutationFn: rejected, meta: { handlesSessionRejection: true } })
      .execute(undefined)
      .catch(() => undefined);
    for (const e of [
      new ConnectError("namespace mismatch", Code.PermissionDenied),
      new ConnectError("UpdateLease permission denied", Code.Unknown),
      new ConnectError('leases.jumpstarter.dev "x" not found', Code.Unknown),
    ]) {
      await client.fetchQuery({ queryKey: ["other", e.rawMessage], queryFn: () => Promise.reject(e) }).catch(() => undefined);
    }
    expect(reasons).toEqual([]);
  });
});

describe("findStaleness", () => {
  it("reports data on screen whose refresh failed, and nothing once it recovers", async () => {
    const client = createQueryClient({ onSessionRejected: () => undefined });
    let fail = false;
    const observer = new QueryObserver(client, {
      queryKey: ["list"],
      queryFn: () => (fail ? Promise.reject(new ConnectError("boom", Code.Internal)) : Promise.resolve(["a"])),
    });
    const unsubscribe = observer.subscribe(() => undefined);
    try {
      await observer.refetch();
      const cache = client.getQueryCache();
      expect(findStaleness(cache.getAll())).toBeNull();
      fail = true;
      await observer.refetch();
      const stale = findStaleness(cache.getAll());
      expect(stale?.dataUpdatedAt).toBe(client.getQueryState(["list"])?.dataUpdatedAt);
      expect(stale?.error).toBeInstanceOf(ConnectError);
      fail = false;
      await observer.refetch();
      expect(findStaleness(cache.getAll())).toBeNull();
    } finally {
      unsubscribe();
    }
  });

  it("ignores queries nobody is looking at", async () => {
    const client = createQueryClient({ onSessionRejected: () => undefined });
    client.setQueryData(["old"], ["x"]);
    await client.fetchQuery({ queryKey: ["old"], queryFn: () => Promise.reject(new Error("gone")), staleTime: 0 }).catch(() => undefined);
    expect(findStaleness(client.getQueryCache().getAll())).toBeNull();
  });
});

describe("isShowingStale", () => {
  it("marks data on screen whose refresh fails or is being retried, and nothing else", () => {
    expect(isShowingStale({ data: ["a"], isError: false, failureCount: 0 })).toBe(false);
    expect(isShowingStale({ data: ["a"], isError: false, failureCount: 1 })).toBe(true);
    expect(isShowingStale({ data: ["a"], isError: true, failureCount: 0 })).toBe(true);
    expect(isShowingStale({ data: undefined, isError: true, failureCount: 2 })).toBe(false);
  });
});
