import { describe, expect, it } from "vitest";
import { readLeaseFilters, writeLeaseFilters } from "@/features/leases/lease-list-filters";

describe("lease list filters in the URL", () => {
  it("defaults to my active leases with no tag filter", () => {
    expect(readLeaseFilters(new URLSearchParams())).toEqual({ scope: "mine", ended: false, tags: "" });
  });

  it("reads everyone's, ended and a tag filter", () => {
    const f = readLeaseFilters(new URLSearchParams("scope=all&ended=1&tags=team%3Dbsp"));
    expect(f).toEqual({ scope: "all", ended: true, tags: "team=bsp" });
  });

  it("ignores values it does not know", () => {
    expect(readLeaseFilters(new URLSearchParams("scope=others&ended=yes"))).toEqual({ scope: "mine", ended: false, tags: "" });
  });

  it("writes only what differs from the defaults and keeps other params", () => {
    const base = new URLSearchParams("x=1&scope=all&ended=1&tags=a%3Db");
    const next = writeLeaseFilters(base, { scope: "mine", ended: false, tags: " " });
    expect(next.toString()).toBe("x=1");
    expect(writeLeaseFilters(new URLSearchParams(), { scope: "all", ended: true, tags: "team in (a,b)" }).toString()).toBe(
      "scope=all&ended=1&tags=team+in+%28a%2Cb%29",
    );
  });

  it("round-trips", () => {
    const f = { scope: "all", ended: true, tags: "ci=nightly" } as const;
    expect(readLeaseFilters(writeLeaseFilters(new URLSearchParams(), f))).toEqual(f);
  });
});
