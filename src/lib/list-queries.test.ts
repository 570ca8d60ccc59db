// The shared list queries against an in-memory ClientService (Connect's
// router transport): paging, per-session cache entries, invalidation.
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createRouterTransport } from "@connectrpc/connect";
import { addStaticKeyToTransport } from "@connectrpc/connect-query";
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { ClientService, ExporterSchema, LeaseSchema, type ListExportersRequest, type ListLeasesRequest } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { LIST_PAGE_SIZE } from "@/lib/config";
import { invalidateLeasesAndExporters } from "@/lib/invalidate";
import { exportersQueryOptions, isPartialAnswer, leasesQueryOptions } from "@/lib/list-queries";

function fakeController() {
  const calls: { exporters: ListExportersRequest[]; leases: ListLeasesRequest[] } = { exporters: [], leases: [] };
  const exporters = Array.from({ length: 4603 }, (_, i) => create(ExporterSchema, { name: `namespaces/lab/exporters/e${String(i).padStart(4, "0")}` }));
  const transport = createRouterTransport(({ service }) => {
    service(ClientService, {
      listExporters(req) {
        calls.exporters.push(req);
        const start = req.pageToken === "" ? 0 : Number(req.pageToken);
        const end = start + req.pageSize;
        return { exporters: exporters.slice(start, end), nextPageToken: end < exporters.length ? String(end) : "" };
      },
      listLeases(req) {
        calls.leases.push(req);
        return { leases: [create(LeaseSchema, { name: "namespaces/lab/leases/one" })], nextPageToken: "" };
      },
    });
  });
  return { transport, calls };
}

describe("exportersQueryOptions", () => {
  it("reads every page with page_size 2,000, the filter and the parent on each", async () => {
    const { transport, calls } = fakeController();
    const client = new QueryClient();
    const data = await client.fetchQuery(exportersQueryOptions(transport, "lab", "board=rpi5"));
    expect(data.exporters).toHaveLength(4603);
    expect(data.nextPageToken).toBe("");
    expect(calls.exporters.map((r) => [r.parent, r.filter, r.pageSize, r.pageToken])).toEqual([
      ["namespaces/lab", "board=rpi5", 2000, ""],
      ["namespaces/lab", "board=rpi5", 2000, "2000"],
      ["namespaces/lab", "board=rpi5", 2000, "4000"],
    ]);
  });

  it("keys entries by session transport, namespace and filter", () => {
    const { transport } = fakeController();
    const alice = addStaticKeyToTransport(transport, "session:lab/alice");
    const bob = addStaticKeyToTransport(transport, "session:lab/bob");
    const key = (t: typeof transport, ns: string, f: string) => JSON.stringify(exportersQueryOptions(t, ns, f).queryKey);
    expect(key(alice, "lab", "")).not.toBe(key(bob, "lab", ""));
    expect(key(alice, "lab", "")).not.toBe(key(alice, "other", ""));
    expect(key(alice, "lab", "")).not.toBe(key(alice, "lab", "board=rpi5"));
    expect(key(alice, "lab", "")).toBe(key(alice, "lab", ""));
  });
});

describe("exportersQueryOptions, progressive [P1] [P3]", () => {
  it("puts the first page of a first load in the cache as a partial answer, then the whole list", async () => {
    const { transport } = fakeController();
    const client = new QueryClient();
    const options = exportersQueryOptions(transport, "lab", "", { progressive: true });
    const seen: [number, boolean][] = [];
    const unsubscribe = client.getQueryCache().subscribe(() => {
      const d = client.getQueryData(options.queryKey);
      if (d !== undefined && seen.at(-1)?.[0] !== d.exporters.length) seen.push([d.exporters.length, isPartialAnswer(d)]);
    });
    const data = await client.fetchQuery(options);
    unsubscribe();
    expect(isPartialAnswer(data)).toBe(false);
    // A small first page paints soon, then the whole list (read in large pages: [P1] lets page_size change between pages).
    expect(seen).toEqual([
      [LIST_PAGE_SIZE, true],
      [4603, false],
    ]);
    // Rows already shown keep their objects when the whole list arrives.
    expect(client.getQueryData(options.queryKey)?.exporters[0]).toBe(data.exporters[0]);
  });

  it("keeps a whole answer on screen while a poll reads the pages again", async () => {
    const { transport, calls } = fakeController();
    const client = new QueryClient();
    const options = exportersQueryOptions(transport, "lab", "", { progressive: true });
    await client.fetchQuery(options);
    calls.exporters.length = 0;
    const lengths: number[] = [];
    const unsubscribe = client.getQueryCache().subscribe(() => lengths.push(client.getQueryData(options.queryKey)?.exporters.length ?? 0));
    await client.refetchQueries({ queryKey: options.queryKey });
    unsubscribe();
    expect(lengths.length).toBeGreaterThan(0);
    expect(lengths.every((n) => n === 4603)).toBe(true);
    // A poll reads in large pages only: 3 calls for 4,603 exporters, not 10.
    expect(calls.exporters.map((r) => r.pageSize)).toEqual([2000, 2000, 2000]);
  });

  it("shows no pages unless asked: other lists wait for the whole answer", async () => {
    const { transport } = fakeController();
    const client = new QueryClient();
    const options = exportersQueryOptions(transport, "lab", "");
    const lengths = new Set<number>();
    const unsubscribe = client.getQueryCache().subscribe(() => lengths.add(client.getQueryData(options.queryKey)?.exporters.length ?? 0));
    await client.fetchQuery(options);
    unsubscribe();
    expect([...lengths].filter((n) => n > 0)).toEqual([4603]);
  });
});

describe("leasesQueryOptions paging [P3] [P4]", () => {
  it("reads past an empty last page and starts over when the controller says the continue token is too old", async () => {
    const tokens: string[] = [];
    let expired = false;
    const transport = createRouterTransport(({ service }) => {
      service(ClientService, {
        listLeases(req) {
          tokens.push(req.pageToken);
          if (req.pageToken === "") return { leases: [create(LeaseSchema, { name: "namespaces/lab/leases/a" })], nextPageToken: "k1" };
          if (!expired) {
            expired = true;
            throw new ConnectError("The provided continue parameter is too old to display a consistent list result.", Code.Unknown);
          }
          return { leases: [], nextPageToken: "" };
        },
      });
    });
    const data = await new QueryClient().fetchQuery(leasesQueryOptions(transport, "lab", { onlyActive: true }));
    expect(data.leases.map((l) => l.name)).toEqual(["namespaces/lab/leases/a"]);
    expect(tokens).toEqual(["", "k1", "", "k1"]);
  });
});

describe("invalidateLeasesAndExporters", () => {
  it("marks the whole-list queries of every session stale", async () => {
    const { transport, calls } = fakeController();
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    const alice = addStaticKeyToTransport(transport, "session:lab/alice");
    const leases = leasesQueryOptions(alice, "lab", { onlyActive: false, tagFilter: "team=ci" });
    const exporters = exportersQueryOptions(alice, "lab", "");
    await client.fetchQuery(leases);
    await client.fetchQuery(exporters);
    expect(calls.leases[0]?.onlyActive).toBe(false);
    expect(calls.leases[0]?.tagFilter).toBe("team=ci");
    expect(client.getQueryState(leases.queryKey)?.isInvalidated).toBe(false);
    await invalidateLeasesAndExporters(client);
    expect(client.getQueryState(leases.queryKey)?.isInvalidated).toBe(true);
    expect(client.getQueryState(exporters.queryKey)?.isInvalidated).toBe(true);
  });
});

describe("leasesQueryOptions keys", () => {
  it("are the same whether empty filters are given or left out", () => {
    const { transport } = fakeController();
    const t = addStaticKeyToTransport(transport, "session:lab/alice");
    expect(JSON.stringify(leasesQueryOptions(t, "lab", { onlyActive: true }).queryKey)).toBe(
      JSON.stringify(leasesQueryOptions(t, "lab", { onlyActive: true, filter: "", tagFilter: "" }).queryKey),
    );
  });
});
