import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { listAllPages, type Page } from "@/lib/list-all-pages";

function pagedSource(items: number[], size: number): { fetch: (t: string) => Promise<Page<number>>; tokens: string[] } {
  const tokens: string[] = [];
  return {
    tokens,
    fetch: (token) => {
      tokens.push(token);
      const start = token === "" ? 0 : Number(token.slice(1));
      const end = start + size;
      return Promise.resolve({ items: items.slice(start, end), nextPageToken: end < items.length ? `p${end}` : "" });
    },
  };
}

const tooOld = (): ConnectError =>
  new ConnectError("The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.", Code.Unknown);

describe("listAllPages [P1]-[P5]", () => {
  it("follows next_page_token until it is empty, keeping the order", async () => {
    const items = Array.from({ length: 1201 }, (_, i) => i);
    const src = pagedSource(items, 500);
    await expect(listAllPages(src.fetch)).resolves.toEqual(items);
    expect(src.tokens).toEqual(["", "p500", "p1000"]);
  });

  it("hands over the items read so far after each page that more pages follow", async () => {
    const items = Array.from({ length: 1201 }, (_, i) => i);
    const partial: number[] = [];
    await listAllPages(pagedSource(items, 500).fetch, { onPartial: (soFar) => void partial.push(soFar.length) });
    expect(partial).toEqual([500, 1000]);
  });

  it("asks for the next page only once a promise onPartial returns has settled", async () => {
    const src = pagedSource(Array.from({ length: 1201 }, (_, i) => i), 500);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const listing = listAllPages(src.fetch, { onPartial: (soFar) => (soFar.length === 500 ? held : undefined) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(src.tokens).toEqual([""]);
    release();
    await expect(listing).resolves.toHaveLength(1201);
    expect(src.tokens).toEqual(["", "p500", "p1000"]);
  });

  it("makes one call for a list that fits one page", async () => {
    const src = pagedSource([1, 2, 3], 500);
    await expect(listAllPages(src.fetch)).resolves.toEqual([1, 2, 3]);
    expect(src.tokens).toEqual([""]);
  });

  it("[P3] accepts a full page with a token and an empty last page after it", async () => {
    const pages: Record<string, Page<number>> = {
      "": { items: [1, 2], nextPageToken: "t1" },
      t1: { items: [], nextPageToken: "" },
    };
    await expect(listAllPages((t) => Promise.resolve(pages[t] ?? { items: [], nextPageToken: "" }))).resolves.toEqual([1, 2]);
  });

  it("[P3] goes on past an empty page that still carries a token", async () => {
    const pages: Record<string, Page<number>> = {
      "": { items: [1], nextPageToken: "t1" },
      t1: { items: [], nextPageToken: "t2" },
      t2: { items: [2], nextPageToken: "" },
    };
    await expect(listAllPages((t) => Promise.resolve(pages[t] ?? { items: [], nextPageToken: "" }))).resolves.toEqual([1, 2]);
  });

  it("[P4] starts over from the first page when a continue token is too old, dropping the older snapshot's items", async () => {
    const tokens: string[] = [];
    let expireOnce = true;
    const fetch = (token: string): Promise<Page<string>> => {
      tokens.push(token);
      if (token === "") return Promise.resolve({ items: expireOnce ? ["old-a"] : ["a"], nextPageToken: "t1" });
      if (expireOnce) {
        expireOnce = false;
        return Promise.reject(tooOld());
      }
      return Promise.resolve({ items: ["b"], nextPageToken: "" });
    };
    await expect(listAllPages(fetch)).resolves.toEqual(["a", "b"]);
    expect(tokens).toEqual(["", "t1", "", "t1"]);
  });

  it("[P4] gives up after a bounded number of restarts", async () => {
    let calls = 0;
    const fetch = (token: string): Promise<Page<number>> => {
      calls += 1;
      return token === "" ? Promise.resolve({ items: [1], nextPageToken: "t" }) : Promise.reject(tooOld());
    };
    await expect(listAllPages(fetch, { maxRestarts: 2 })).rejects.toThrow(/too old/);
    expect(calls).toBe(6); // three passes of two pages
  });

  it("[P4] does not restart on an invalid token or any other failure", async () => {
    let firstPages = 0;
    const fetch = (token: string): Promise<Page<number>> => {
      if (token === "") firstPages += 1;
      return token === "" ? Promise.resolve({ items: [1], nextPageToken: "t" }) : Promise.reject(new ConnectError("invalid continue token: bad", Code.Unknown));
    };
    await expect(listAllPages(fetch)).rejects.toThrow(/invalid continue token/);
    expect(firstPages).toBe(1);
  });

  it("does not restart when the first page itself fails, whatever it says", async () => {
    let calls = 0;
    const fetch = (): Promise<Page<number>> => {
      calls += 1;
      return Promise.reject(tooOld());
    };
    await expect(listAllPages(fetch)).rejects.toThrow(/too old/);
    expect(calls).toBe(1);
  });

  it("stops when the server repeats a token", async () => {
    const fetch = (): Promise<Page<number>> => Promise.resolve({ items: [1], nextPageToken: "again" });
    await expect(listAllPages(fetch)).rejects.toThrow(/same page token twice/);
  });

  it("stops after maxPages", async () => {
    let n = 0;
    const fetch = (): Promise<Page<number>> => Promise.resolve({ items: [n], nextPageToken: `t${++n}` });
    await expect(listAllPages(fetch, { maxPages: 5 })).rejects.toThrow(/more than 5 pages/);
  });

  it("passes a failing page's error through", async () => {
    const fetch = (): Promise<Page<number>> => Promise.reject(new Error("boom"));
    await expect(listAllPages(fetch)).rejects.toThrow("boom");
  });
});
