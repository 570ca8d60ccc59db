import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createCompressionCache, negotiateEncoding } from "./content-encoding.js";

describe("negotiateEncoding", () => {
  it.each([
    [undefined, "identity"],
    ["", "identity"],
    ["identity", "identity"],
    ["gzip", "gzip"],
    ["gzip, deflate, br", "br"],
    ["br;q=0.5, gzip", "gzip"],
    ["br;q=0, gzip;q=0", "identity"],
    ["GZIP;Q=1", "gzip"],
    ["*", "br"],
    ["*;q=0.1, gzip;q=0.8", "gzip"],
    ["compress", "identity"],
  ] as const)("%j -> %s", (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected);
  });
});

describe("createCompressionCache", () => {
  it("compresses once per key and encoding", async () => {
    const cache = createCompressionCache();
    let loads = 0;
    const load = (): Promise<Buffer> => {
      loads++;
      return Promise.resolve(Buffer.from("hello ".repeat(1000)));
    };
    const [a, b] = await Promise.all([cache.get("k", "gzip", load), cache.get("k", "gzip", load)]);
    expect(a).toBe(b);
    expect(gunzipSync(a).toString()).toBe("hello ".repeat(1000));
    await cache.get("k", "br", load);
    expect(loads).toBe(2);
  });

  it("evicts the oldest entries past its size", async () => {
    const cache = createCompressionCache(1);
    let loads = 0;
    const load = (): Promise<Buffer> => {
      loads++;
      return Promise.resolve(Buffer.from("x"));
    };
    await cache.get("a", "gzip", load);
    await cache.get("b", "gzip", load);
    await cache.get("a", "gzip", load);
    expect(loads).toBe(3);
  });
});
