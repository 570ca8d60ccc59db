import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { whenObserved } from "@/lib/when-observed";

const key = ["exporters", "lab"];

describe("whenObserved", () => {
  it("waits for a reader of the query, then resolves", async () => {
    const client = new QueryClient();
    client.setQueryData(key, 1);
    let settled = false;
    const waiting = whenObserved(client, key, 10_000).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    // A reader of another query does not count.
    const other = new QueryObserver(client, { queryKey: ["leases"], queryFn: () => 2 });
    const stopOther = other.subscribe(() => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    const observer = new QueryObserver(client, { queryKey: key, queryFn: () => 1, staleTime: Infinity });
    const stop = observer.subscribe(() => undefined);
    await waiting;
    expect(settled).toBe(true);
    stop();
    stopOther();
  });

  it("resolves at once for a query already read", async () => {
    const client = new QueryClient();
    const stop = new QueryObserver(client, { queryKey: key, queryFn: () => 1 }).subscribe(() => undefined);
    await expect(whenObserved(client, key, 10_000)).resolves.toBeUndefined();
    stop();
  });

  it("gives up waiting after the time it is given", async () => {
    const client = new QueryClient();
    client.setQueryData(key, 1);
    const started = Date.now();
    await whenObserved(client, key, 50);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
  });
});
