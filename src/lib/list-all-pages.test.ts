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

describe("listAllPages", () => {
  it("follows next_page_token until it is empty, keeping the order", async () => {
    const items = Array.from({ length: 1201 }, (_, i) => i);
    const src = pagedSource(items, 500);
    await expect(listAllPages(src.fetch)).resolves.toEqual(items);
    expect(src.tokens).toEqual(["", "p500", "p1000"]);
  });

  it("makes one call for a list that fits one page", async () => {
    const src = pagedSource([1, 2, 3], 500);
    await expect(listAllPages(src.fetch)).resolves.toEqual([1, 2, 3]);
    expect(src.tokens).toEqual([""]);
  });

  it("stops when the server repeats a token", async () => {
    const fetch = (): Promise<Page<number>> => Promise.resolve({ items: [1], nextPageToken: "again" });
    await expect(listAllPages(fetch)).rejects.toThrow(/same page token twice/);
  });

  it("stops after maxPages", async () => {
    let n = 0;
    const fetch = (): Promise<Page<number>> => Promise.resolve({ items: [n], nextPageToken: `t${++n}` });
    await expect(listAllPages(fetch, 5)).rejects.toThrow(/more than 5 pages/);
  });

  it("passes a failing page's error through", async () => {
    const fetch = (): Promise<Page<number>> => Promise.reject(new Error("boom"));
    await expect(listAllPages(fetch)).rejects.toThrow("boom");
  });
});
