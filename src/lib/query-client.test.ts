import { Code, ConnectError } from "@connectrpc/connect";
import { QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { createQueryClient, retryDelayMs, shouldRetry } from "@/lib/query-client";
import { findStaleness } from "@/lib/use-stale-queries";

describe("retries", () => {
  it("retries only while the controller is unavailable, at most 4 times", () => {
    const down = new ConnectError("down", Code.Unavailable);
    expect(shouldRetry(0, down)).toBe(true);
    expect(shouldRetry(3, down)).toBe(true);
    expect(shouldRetry(4, down)).toBe(false);
    for (const code of [Code.Unauthenticated, Code.InvalidArgument, Code.PermissionDenied, Code.NotFound, Code.Internal]) {
      expect(shouldRetry(0, new ConnectError("x", code))).toBe(false);
    }
  });

  it("backs off exponentially with a cap", () => {
    expect([0, 1, 2, 3, 10].map(retryDelayMs)).toEqual([1_000, 2_000, 4_000, 8_000, 15_000]);
  });
});

describe("Unauthenticated answers", () => {
  it("end the session from any query or mutation, with the controller's message", async () => {
    const reasons: string[] = [];
    const client = createQueryClient({ onUnauthenticated: (m) => reasons.push(m) });
    const rejected = (): Promise<never> => Promise.reject(new ConnectError("token revoked", Code.Unauthenticated));
    await client.fetchQuery({ queryKey: ["q"], queryFn: rejected }).catch(() => undefined);
    await client.getMutationCache().build(client, { mutationFn: rejected }).execute(undefined).catch(() => undefined);
    expect(reasons).toEqual(["token revoked", "token revoked"]);
  });

  it("are left to callers that handle them (the sign-in check)", async () => {
    const reasons: string[] = [];
    const client = createQueryClient({ onUnauthenticated: (m) => reasons.push(m) });
    const rejected = (): Promise<never> => Promise.reject(new ConnectError("bad token", Code.Unauthenticated));
    await client
      .getMutationCache()
      .build(client, { mutationFn: rejected, meta: { handlesUnauthenticated: true } })
      .execute(undefined)
      .catch(() => undefined);
    await client.fetchQuery({ queryKey: ["other"], queryFn: () => Promise.reject(new ConnectError("nope", Code.PermissionDenied)) }).catch(() => undefined);
    expect(reasons).toEqual([]);
  });
});

describe("findStaleness", () => {
  it("reports data on screen whose refresh failed, and nothing once it recovers", async () => {
    const client = createQueryClient({ onUnauthenticated: () => undefined });
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
    const client = createQueryClient({ onUnauthenticated: () => undefined });
    client.setQueryData(["old"], ["x"]);
    await client.fetchQuery({ queryKey: ["old"], queryFn: () => Promise.reject(new Error("gone")), staleTime: 0 }).catch(() => undefined);
    expect(findStaleness(client.getQueryCache().getAll())).toBeNull();
  });
});
