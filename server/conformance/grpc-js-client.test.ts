// The simulator as a client that did not come from this repository sees it:
// @grpc/grpc-js (not Connect) with messages loaded at run time from proto/
// by protobufjs (not protobuf-es), over plain HTTP/2 gRPC.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab, type RunningLab } from "../lab/lab.js";

type Message = Record<string, unknown>;
type Callback = (error: grpc.ServiceError | null, response?: Message) => void;
type UnaryMethod = (request: Message, metadata: grpc.Metadata, options: grpc.CallOptions, callback: Callback) => void;
type ClientServiceStub = grpc.Client & Record<string, UnaryMethod>;

const scenario = `
namespace: lab
clients:
  - { name: alice, token: alice-token }
  - { name: bob, token: bob-token }
exporters:
  - { name: board-a, labels: { board: rcar-s4, site: bcn } }
  - { name: board-b, labels: { board: rcar-s4, site: brno } }
  - { name: board-c, labels: { board: rpi5, site: bcn } }
`;

let dataDir: string;
let lab: RunningLab;
let stub: ClientServiceStub;

function call(method: string, request: Message, token: string | null = "alice-token", options: grpc.CallOptions = {}): Promise<Message> {
  const metadata = new grpc.Metadata();
  if (token !== null) metadata.set("authorization", `Bearer ${token}`);
  const fn = stub[method];
  if (fn === undefined) throw new Error(`no method ${method}`);
  return new Promise((resolve, reject) => {
    fn.call(stub, request, metadata, options, (error, response) => (error !== null ? reject(error) : resolve(response ?? {})));
  });
}

async function callError(method: string, request: Message, token: string | null = "alice-token"): Promise<grpc.ServiceError> {
  try {
    await call(method, request, token);
  } catch (error) {
    return error as grpc.ServiceError;
  }
  throw new Error(`${method} succeeded, but an error was expected`);
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Condition = { type?: string; status?: string; reason?: string; message?: string; observedGeneration?: string; lastTransitionTime?: Message };
const conditionsOf = (lease: Message): Condition[] => (lease.conditions as Condition[] | undefined) ?? [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lab-grpcjs-"));
  const scenarioFile = join(dataDir, "scenario.yaml");
  writeFileSync(scenarioFile, scenario);
  lab = await startLab({ port: 0, dataDir, scenario: scenarioFile });
  const definition = protoLoader.loadSync("jumpstarter/client/v1/client.proto", {
    includeDirs: [join(import.meta.dirname, "..", "..", "proto")],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: false,
  });
  const loaded = grpc.loadPackageDefinition(definition) as unknown as {
    jumpstarter: { client: { v1: { ClientService: new (target: string, credentials: grpc.ChannelCredentials) => ClientServiceStub } } };
  };
  stub = new loaded.jumpstarter.client.v1.ClientService(`127.0.0.1:${lab.port}`, grpc.credentials.createInsecure());
});

afterAll(async () => {
  stub.close();
  await lab.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the simulator, seen by grpc-js", () => {
  it("refuses a call without a token as UNAUTHENTICATED", async () => {
    const error = await callError("ListExporters", { parent: "namespaces/lab" }, null);
    expect(error.code).toBe(grpc.status.UNAUTHENTICATED);
    expect(error.details).not.toBe("");
  });

  it("lists exporters with resource names, labels and status", async () => {
    const response = await call("ListExporters", { parent: "namespaces/lab" });
    const exporters = response.exporters as Message[];
    expect(exporters.map((e) => e.name)).toEqual(["namespaces/lab/exporters/board-a", "namespaces/lab/exporters/board-b", "namespaces/lab/exporters/board-c"]);
    expect(exporters[0]?.labels).toEqual({ board: "rcar-s4", site: "bcn" });
    expect(exporters[0]?.status).toBe("EXPORTER_STATUS_AVAILABLE");
    expect(exporters[0]?.online).toBe(true);
    expect(exporters[0]?.enabled).toBe(true);
  });

  it("pages with opaque tokens and rejects a forged one", async () => {
    const first = await call("ListExporters", { parent: "namespaces/lab", page_size: 2 });
    expect((first.exporters as Message[]).length).toBe(2);
    expect(first.next_page_token).toEqual(expect.any(String));
    const second = await call("ListExporters", { parent: "namespaces/lab", page_size: 2, page_token: first.next_page_token });
    expect((second.exporters as Message[]).map((e) => e.name)).toEqual(["namespaces/lab/exporters/board-c"]);
    expect(second.next_page_token ?? "").toBe("");
    const forged = await callError("ListExporters", { parent: "namespaces/lab", page_size: 2, page_token: "bm90LWEtdG9rZW4" });
    expect(forged.code).toBe(grpc.status.INVALID_ARGUMENT);
  });

  it("answers a selector that does not parse with INVALID_ARGUMENT and a message", async () => {
    const error = await callError("ListExporters", { parent: "namespaces/lab", filter: "board in (rcar-s4" });
    expect(error.code).toBe(grpc.status.INVALID_ARGUMENT);
    expect(error.details.length).toBeGreaterThan(10);
  });

  it("refuses another namespace as PERMISSION_DENIED", async () => {
    const error = await callError("ListExporters", { parent: "namespaces/other" });
    expect(error.code).toBe(grpc.status.PERMISSION_DENIED);
  });

  it("creates, follows, extends and releases a lease", async () => {
    const leaseId = "grpcjs-lease-1";
    const created = await call("CreateLease", {
      parent: "namespaces/lab",
      lease_id: leaseId,
      lease: { selector: "site=bcn,board=rcar-s4", duration: { seconds: "600" }, tags: { team: "qa" } },
    });
    expect(created.name).toBe(`namespaces/lab/leases/${leaseId}`);
    expect(created.selector).toBe("board=rcar-s4,site=bcn");
    expect(created.client).toBe("namespaces/lab/clients/alice");

    const retried = await callError("CreateLease", { parent: "namespaces/lab", lease_id: leaseId, lease: { selector: "board=rcar-s4", duration: { seconds: "600" } } });
    expect(retried.code).toBe(grpc.status.ALREADY_EXISTS);

    const ready = await until("the lease to become Ready", async () => {
      const lease = await call("GetLease", { name: created.name });
      return conditionsOf(lease).some((c) => c.type === "Ready" && c.status === "True") ? lease : undefined;
    });
    expect(ready.exporter).toBe("namespaces/lab/exporters/board-a");
    expect(ready.effective_begin_time).toBeDefined();
    const readyCondition = conditionsOf(ready).find((c) => c.type === "Ready");
    expect(readyCondition?.reason).toBe("Ready");
    expect(readyCondition?.lastTransitionTime?.seconds).toEqual(expect.any(String));

    const extended = await call("UpdateLease", { lease: { name: created.name, duration: { seconds: "7200" } }, update_mask: { paths: ["duration"] } });
    expect(extended.duration).toMatchObject({ seconds: "7200" });

    const released = await call("DeleteLease", { name: created.name });
    expect(released).toEqual({});
    const again = await callError("DeleteLease", { name: created.name });
    expect(again.code).toBe(grpc.status.FAILED_PRECONDITION);

    const all = await call("ListLeases", { parent: "namespaces/lab", only_active: false });
    const ended = (all.leases as Message[]).find((l) => l.name === created.name);
    expect(conditionsOf(ended ?? {}).find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "Released" });
    const active = await call("ListLeases", { parent: "namespaces/lab" });
    expect(((active.leases as Message[] | undefined) ?? []).map((l) => l.name)).not.toContain(created.name);
  });

  it("honours a deadline sent as grpc-timeout", async () => {
    const response = await call("GetExporter", { name: "namespaces/lab/exporters/board-c" }, "alice-token", { deadline: Date.now() + 5_000 });
    expect(response.name).toBe("namespaces/lab/exporters/board-c");
  });

  it("rotates a token: the new one works, the old one stops", async () => {
    const rotated = await call("RotateToken", { parent: "namespaces/lab" }, "bob-token");
    expect(typeof rotated.token).toBe("string");
    expect(rotated.token).not.toBe("bob-token");
    expect(rotated.expiry).toBeDefined();
    await expect(call("ListExporters", { parent: "namespaces/lab" }, rotated.token as string)).resolves.toBeDefined();
    const old = await callError("ListExporters", { parent: "namespaces/lab" }, "bob-token");
    expect(old.code).toBe(grpc.status.UNAUTHENTICATED);
  });

  it("answers an unknown method with UNIMPLEMENTED", async () => {
    const error = await new Promise<grpc.ServiceError>((resolve, reject) => {
      stub.makeUnaryRequest(
        "/jumpstarter.client.v1.ClientService/NoSuchMethod",
        (value: Buffer) => value,
        (value: Buffer) => value,
        Buffer.alloc(0),
        new grpc.Metadata(),
        {},
        (err) => (err !== null ? resolve(err) : reject(new Error("unexpected success"))),
      );
    });
    expect(error.code).toBe(grpc.status.UNIMPLEMENTED);
  });
});
