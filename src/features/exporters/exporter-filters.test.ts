import { describe, expect, it } from "vitest";
import { advancedFilterWords, readFilters, writeFilters } from "@/features/exporters/exporter-filters";

describe("exporter filters in the URL", () => {
  it("reads every filter", () => {
    const f = readFilters(new URLSearchParams("selector=board%3Drpi5&q=brno&group=site&sort=time-left&status=offline"));
    expect(f).toEqual({ selector: "board=rpi5", q: "brno", group: "site", sort: "time-left", status: "offline" });
  });

  it("falls back to defaults for missing or unknown values", () => {
    expect(readFilters(new URLSearchParams("sort=sideways&status=melting"))).toEqual({
      selector: "",
      q: "",
      group: "",
      sort: "name",
      status: undefined,
    });
  });

  it("writes only what differs from the defaults and keeps other params", () => {
    const p = writeFilters(new URLSearchParams("other=1&q=x"), { selector: "site in (bcn)", q: "", sort: "name", status: "leased" });
    expect(p.toString()).toBe("other=1&selector=site+in+%28bcn%29&status=leased");
  });

  it("round-trips", () => {
    const f = { selector: "board!=rpi5", q: "alice", group: "board", sort: "status", status: "available" } as const;
    expect(readFilters(writeFilters(new URLSearchParams(), f))).toEqual(f);
  });
});

describe("advancedFilterWords", () => {
  it("names the filters behind the closed toggle that shape the list, and nothing at the defaults", () => {
    expect(advancedFilterWords({ status: undefined, group: "", sort: "name" })).toEqual([]);
    expect(advancedFilterWords({ status: "hook-failed", group: "board", sort: "time-left" })).toEqual([
      "only hook failed",
      "grouped by board",
      "sorted by time left",
    ]);
  });
});
