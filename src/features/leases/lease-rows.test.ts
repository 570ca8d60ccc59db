import { describe, expect, it } from "vitest";
import { lease, NS } from "@/domain/lease-fixtures";
import { isMine, leasesInScope, sortLeases } from "@/features/leases/lease-rows";

const NOW = 1_750_000_000_000;
const MIN = 60_000;

describe("leasesInScope", () => {
  const mine = lease({ name: "a", client: "alice" });
  const bobs = lease({ name: "b", client: "bob" });

  it("keeps only the signed-in client's leases for 'mine'", () => {
    expect(leasesInScope([mine, bobs], "mine", NS, "alice")).toEqual([mine]);
    expect(isMine(bobs, NS, "alice")).toBe(false);
  });

  it("keeps everyone's for 'all'", () => {
    expect(leasesInScope([mine, bobs], "all", NS, "alice")).toEqual([mine, bobs]);
  });

  it("does not take a same-named client of another namespace for me", () => {
    const other = lease({ name: "c", client: "alice" });
    other.client = "namespaces/other/clients/alice";
    expect(isMine(other, NS, "alice")).toBe(false);
  });
});

describe("sortLeases", () => {
  it("puts active leases first, ending soonest on top, unknown ends after them", () => {
    const late = lease({ name: "late", state: "ready", durationMs: 60 * MIN, effectiveBeginMs: NOW });
    const soon = lease({ name: "soon", state: "ready", durationMs: 5 * MIN, effectiveBeginMs: NOW });
    const waiting = lease({ name: "waiting", state: "pending", durationMs: 5 * MIN });
    const ended = lease({ name: "ended", state: "expired", durationMs: MIN, effectiveEndMs: NOW - MIN });
    const names = sortLeases([ended, waiting, late, soon], NOW).map((l) => l.name.split("/").pop());
    expect(names).toEqual(["soon", "late", "waiting", "ended"]);
  });

  it("orders ended leases most recently ended first, ties by name", () => {
    const old = lease({ name: "old", state: "released", effectiveEndMs: NOW - 60 * MIN });
    const recent = lease({ name: "recent", state: "expired", effectiveEndMs: NOW - MIN });
    const b = lease({ name: "b", state: "pending" });
    const a = lease({ name: "a", state: "pending" });
    const names = sortLeases([old, b, recent, a], NOW).map((l) => l.name.split("/").pop());
    expect(names).toEqual(["a", "b", "recent", "old"]);
  });
});
