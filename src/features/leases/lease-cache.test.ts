import { create } from "@bufbuild/protobuf";
import { createRouterTransport } from "@connectrpc/connect";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS } from "@/domain/durations";
import { leaseEndMs, leaseStatus } from "@/domain/lease-status";
import { ListLeasesResponseSchema, type ListLeasesResponse, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { invalidateLease, patchLeaseInCache, restoreCache } from "@/lib/lease-cache";
import { extendRequest, applyUpdate, releasedLease } from "@/features/leases/lease-changes";
import { lease } from "@/domain/lease-fixtures";
import { leaseListQueryOptions, leaseQueryKey } from "@/lib/lease-queries";

const NOW = 1_750_000_000_000;
// No call reaches it: the cache is filled by hand. It gives the keys their transport identity.
const transport = createRouterTransport(() => undefined);

function setup() {
  const client = new QueryClient();
  const target = lease({ name: "a", state: "ready", durationMs: HOUR_MS, effectiveBeginMs: NOW, exporter: "rcar-s4-01" });
  const other = lease({ name: "b", state: "pending", durationMs: HOUR_MS });
  const active = leaseListQueryOptions(transport, "lab", true, "").queryKey;
  const tagged = leaseListQueryOptions(transport, "lab", false, "team=bsp").queryKey;
  const unrelated = leaseListQueryOptions(transport, "lab", true, "team=qa").queryKey;
  client.setQueryData(leaseQueryKey(transport, target.name), target);
  client.setQueryData(active, create(ListLeasesResponseSchema, { leases: [target, other] }));
  client.setQueryData(tagged, create(ListLeasesResponseSchema, { leases: [target] }));
  client.setQueryData(unrelated, create(ListLeasesResponseSchema, { leases: [other] }));
  const list = (key: typeof active): ListLeasesResponse => client.getQueryData(key) as ListLeasesResponse;
  const single = (): Lease => client.getQueryData(leaseQueryKey(transport, target.name)) as Lease;
  return { client, target, other, active, tagged, unrelated, list, single };
}

describe("patchLeaseInCache", () => {
  it("changes the lease in its own entry and in every list holding it", async () => {
    const s = setup();
    const change = extendRequest(s.target, 30 * MINUTE_MS, NOW);
    if (!change.ok) throw new Error(change.message);
    await patchLeaseInCache(s.client, transport, s.target.name, (l) => applyUpdate(l, change.request));
    expect(leaseEndMs(s.single())).toBe(NOW + 90 * MINUTE_MS);
    expect(leaseEndMs(s.list(s.active).leases[0]!)).toBe(NOW + 90 * MINUTE_MS);
    expect(leaseEndMs(s.list(s.tagged).leases[0]!)).toBe(NOW + 90 * MINUTE_MS);
    expect(s.list(s.active).leases[1]).toBe(s.other);
  });

  it("leaves lists without the lease untouched, and restores everything from the snapshot", async () => {
    const s = setup();
    const before = { unrelated: s.list(s.unrelated), active: s.list(s.active), single: s.single() };
    const snapshot = await patchLeaseInCache(s.client, transport, s.target.name, (l) => releasedLease(l, NOW));
    expect(leaseStatus(s.single(), NOW).state).toBe("released");
    expect(s.list(s.unrelated)).toBe(before.unrelated);
    expect(snapshot.entries).toHaveLength(3);
    restoreCache(s.client, snapshot);
    expect(s.single()).toEqual(before.single);
    expect(s.list(s.active)).toEqual(before.active);
    expect(leaseStatus(s.list(s.tagged).leases[0]!, NOW).state).toBe("ready");
  });

  it("marks the lease and every list stale on invalidation", async () => {
    const s = setup();
    await invalidateLease(s.client, transport, s.target.name);
    const cache = s.client.getQueryCache();
    expect(cache.find({ queryKey: leaseQueryKey(transport, s.target.name) })?.state.isInvalidated).toBe(true);
    expect(cache.find({ queryKey: s.unrelated })?.state.isInvalidated).toBe(true);
  });
});
