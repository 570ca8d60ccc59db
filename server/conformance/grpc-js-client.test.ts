// The simulator as a client that did not come from this repository sees it:
// @grpc/grpc-js (not Connect) with messages loaded at run time from proto/ by
// protobufjs (not protobuf-es), configured only from the jmp client config
// file the simulator wrote, as `jmp` does ([J1]-[J3]): the endpoint, the CA in
// `tls.ca`, the token, and the call metadata [H1] from `metadata`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { startLab, type RunningLab } from "../lab/lab.js";

type Message = Record<string, unknown>;
type Callback = (error: grpc.ServiceError | null, response?: Message) => void;
type UnaryMethod = (request: Message, metadata: grpc.Metadata, options: grpc.CallOptions, callback: Callback) => void;
type Stub = grpc.Client & Record<string, UnaryMethod>;
type StubClass = new (target: string, credentials: grpc.ChannelCredentials) => Stub;

const scenario = `
namespace: lab
controller:
  deprecatedLabels:
    keys: { location: use site instead }
clients:
  - { name: alice }
  - { name: bob }
exporters:
  - { name: board-a, labels: { board: rcar-s4, site: bcn } }
  - { name: board-b, labels: { board: rcar-s4, site: brno, location: lab-2 } }
  - { name: board-c, labels: { board: rpi5, site: bcn } }
`;

/** What jmp reads from `~/.config/jumpstarter/clients/<alias>.yaml`. */
interface ClientConfig {
  readonly metadata: { readonly namespace: string; readonly name: string };
  readonly endpoint: string;
  readonly tls: { readonly ca: string; readonly insecure: boolean };
  readonly token: string;
}

let dataDir: string;
let lab: RunningLab;
let alice: ClientConfig;
let bob: ClientConfig;
let stub: Stub;
let health: Stub;

function readConfig(name: string): ClientConfig {
  const path = lab.clients.find((c) => c.name === name)?.configPath ?? "";
  return parseYaml(readFileSync(path, "utf8")) as ClientConfig;
}

/** [J3]: authorization plus the three jumpstarter-* headers from the config. */
function metadataOf(config: ClientConfig, token = config.token): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set("authorization", `Bearer ${token}`);
  metadata.set("jumpstarter-namespace", config.metadata.namespace);
  metadata.set("jumpstarter-kind", "Client");
  metadata.set("jumpstarter-name", config.metadata.name);
  return metadata;
}

function callWith(client: Stub, method: string, request: Message, metadata: grpc.Metadata, options: grpc.CallOptions = {}): Promise<Message> {
  const fn = client[method];
  if (fn === undefined) throw new Error(`no method ${method}`);
  return new Promise((resolve, reject) => {
    fn.call(client, request, metadata, options, (error, response) => (error !== null ? reject(error) : resolve(response ?? {})));
  });
}

const call = (method: string, request: Message, metadata = metadataOf(alice), options: grpc.CallOptions = {}): Promise<Message> =>
  callWith(stub, method, request, metadata, options);

async function callError(method: string, request: Message, metadata = metadataOf(alice)): Promise<{ code: grpc.status; details: string }> {
  try {
    await call(method, request, metadata);
  } catch (error) {
    const e = error as grpc.ServiceError;
    return { code: e.code, details: e.details };
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
const secondsOf = (t: unknown): number => Number((t as { seconds?: string } | undefined)?.seconds ?? Number.NaN);

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "lab-grpcjs-"));
  const scenarioFile = join(dataDir, "scenario.yaml");
  writeFileSync(scenarioFile, scenario);
  lab = await startLab({ port: 0, dataDir: join(dataDir, "lab"), scenario: scenarioFile });
  alice = readConfig("alice");
  bob = readConfig("bob");
  const load = (file: string) =>
    grpc.loadPackageDefinition(
      protoLoader.loadSync(file, { includeDirs: [join(import.meta.dirname, "..", "..", "proto")], keepCase: true, longs: String, enums: String, defaults: false }),
    );
  const client = load("jumpstarter/client/v1/client.proto") as unknown as { jumpstarter: { client: { v1: { ClientService: StubClass } } } };
  const healthPackage = load("grpc/health/v1/health.proto") as unknown as { grpc: { health: { v1: { Health: StubClass } } } };
  // [J2]: a TLS channel trusting exactly the config's CA bundle.
  expect(alice.tls.insecure).toBe(false);
  const credentials = grpc.credentials.createSsl(Buffer.from(alice.tls.ca, "base64"));
  stub = new client.jumpstarter.client.v1.ClientService(alice.endpoint, credentials);
  health = new healthPackage.grpc.health.v1.Health(alice.endpoint, credentials);
});

afterAll(async () => {
  stub.close();
  health.close();
  await lab.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the simulator, seen by grpc-js with a jmp client config", () => {
  it("answers grpc.health.v1 without a token [T4]", async () => {
    expect(await callWith(health, "Check", { service: "" }, new grpc.Metadata())).toEqual({ status: "SERVING" });
  });

  it("refuses a call without a token as UNAUTHENTICATED, and one without metadata as INVALID_ARGUMENT [A6], [H2]", async () => {
    expect(await callError("ListExporters", { parent: "namespaces/lab" }, new grpc.Metadata())).toEqual({
      code: grpc.status.UNAUTHENTICATED,
      details: "missing authorization header",
    });
    const tokenOnly = new grpc.Metadata();
    tokenOnly.set("authorization", `Bearer ${alice.token}`);
    expect(await callError("ListExporters", { parent: "namespaces/lab" }, tokenOnly)).toEqual({
      code: grpc.status.INVALID_ARGUMENT,
      details: "missing metadata: jumpstarter-namespace",
    });
  });

  it("refuses a bad token as UNKNOWN `failed to authenticate token`, which jmp shows as `grpc controller responded: ...` [A9], [J4]", async () => {
    expect(await callError("ListExporters", { parent: "namespaces/lab" }, metadataOf(alice, "not-a-jwt"))).toEqual({
      code: grpc.status.UNKNOWN,
      details: "failed to authenticate token",
    });
  });

  it("lists exporters with resource names, labels, status, enabled and deprecated labels [XL1], [O5], [O7], [HL2]", async () => {
    const response = await call("ListExporters", { parent: "namespaces/lab", page_size: 100 });
    const exporters = response.exporters as Message[];
    expect(exporters.map((e) => e.name)).toEqual(["namespaces/lab/exporters/board-a", "namespaces/lab/exporters/board-b", "namespaces/lab/exporters/board-c"]);
    expect(exporters[0]).toMatchObject({
      labels: { board: "rcar-s4", site: "bcn", "jumpstarter.dev/name": "board-a" },
      status: "EXPORTER_STATUS_AVAILABLE",
      status_message: "Exporter registered and available",
      online: true,
      enabled: true,
    });
    expect(exporters[1]?.deprecated_labels).toEqual({ location: "use site instead" });
    expect(exporters[1]?.labels).not.toHaveProperty("location");
  });

  it("pages with Kubernetes continue tokens and refuses a forged one as UNKNOWN [P1]-[P4]", async () => {
    const first = await call("ListExporters", { parent: "namespaces/lab", page_size: 2 });
    expect((first.exporters as Message[]).length).toBe(2);
    expect(first.next_page_token).toEqual(expect.any(String));
    const second = await call("ListExporters", { parent: "namespaces/lab", page_size: 2, page_token: first.next_page_token });
    expect((second.exporters as Message[]).map((e) => e.name)).toEqual(["namespaces/lab/exporters/board-c"]);
    expect(second.next_page_token ?? "").toBe("");
    const forged = await callError("ListExporters", { parent: "namespaces/lab", page_size: 2, page_token: "bm90LWEtdG9rZW4" });
    expect(forged.code).toBe(grpc.status.UNKNOWN);
    expect(forged.details).toMatch(/^invalid continue token: /);
  });

  it("answers a filter that does not parse with UNKNOWN and the parser's text [F1]", async () => {
    const error = await callError("ListExporters", { parent: "namespaces/lab", filter: "board in (rcar-s4" });
    expect(error.code).toBe(grpc.status.UNKNOWN);
    expect(error.details.length).toBeGreaterThan(10);
  });

  it("refuses another namespace as PERMISSION_DENIED `namespace mismatch` [A15]", async () => {
    expect(await callError("ListExporters", { parent: "namespaces/other" })).toEqual({ code: grpc.status.PERMISSION_DENIED, details: "namespace mismatch" });
  });

  it("creates, follows, extends with the [U13] recipes and releases a lease, as jmp does", async () => {
    const leaseId = "grpcjs-lease-1";
    const created = await call("CreateLease", {
      parent: "namespaces/lab",
      lease_id: leaseId,
      lease: { selector: "site=bcn,board=rcar-s4", duration: { seconds: "600" }, tags: { team: "qa" } },
    });
    expect(created).toMatchObject({ name: `namespaces/lab/leases/${leaseId}`, selector: "board=rcar-s4,site=bcn", client: "namespaces/lab/clients/alice" });

    // [C11] a retried create: UNKNOWN with the API server's text.
    expect(await callError("CreateLease", { parent: "namespaces/lab", lease_id: leaseId, lease: { selector: "board=rcar-s4", duration: { seconds: "600" } } })).toEqual({
      code: grpc.status.UNKNOWN,
      details: `leases.jumpstarter.dev "${leaseId}" already exists`,
    });

    const ready = await until("the lease to become Ready", async () => {
      const lease = await call("GetLease", { name: created.name });
      return conditionsOf(lease).some((c) => c.type === "Ready" && c.status === "True") ? lease : undefined;
    });
    expect(ready.exporter).toBe("namespaces/lab/exporters/board-a");
    const readyCondition = conditionsOf(ready).find((c) => c.type === "Ready");
    expect(readyCondition).toMatchObject({ reason: "Ready", message: "An exporter has been acquired for the client", observedGeneration: "1" });
    expect(secondsOf(readyCondition?.lastTransitionTime)).toBe(secondsOf(ready.effective_begin_time));

    // `jmp update lease --duration` sends duration (and an update mask, which the controller ignores) [U14].
    const extended = await call("UpdateLease", { lease: { name: created.name, duration: { seconds: "7200" } }, update_mask: { paths: ["duration"] } });
    expect(extended.duration).toMatchObject({ seconds: "7200" });
    // end_time alone is refused [U5].
    expect(await callError("UpdateLease", { lease: { name: created.name, end_time: { seconds: String(Math.floor(Date.now() / 1000) + 9000) } } })).toEqual({
      code: grpc.status.UNKNOWN,
      details: "duration is required (must specify Duration, or both BeginTime and EndTime)",
    });
    // Another client reads the lease, but may not change it [Z5], [U3].
    expect((await call("GetLease", { name: created.name }, metadataOf(bob))).name).toBe(created.name);
    expect(await callError("DeleteLease", { name: created.name }, metadataOf(bob))).toEqual({ code: grpc.status.UNKNOWN, details: "DeleteLease permission denied" });

    expect(await call("DeleteLease", { name: created.name })).toEqual({});
    expect(await callError("DeleteLease", { name: created.name })).toEqual({
      code: grpc.status.FAILED_PRECONDITION,
      details: `lease "${created.name as string}" has already been released`,
    });
    const ended = await until("the release", async () => {
      const lease = await call("GetLease", { name: created.name });
      return lease.effective_end_time !== undefined ? lease : undefined;
    });
    expect(conditionsOf(ended).find((c) => c.type === "Ready")).toMatchObject({ status: "False", reason: "Released", message: "The lease was marked for release" });
    const active = await call("ListLeases", { parent: "namespaces/lab" });
    expect(((active.leases as Message[] | undefined) ?? []).map((l) => l.name)).not.toContain(created.name);
  });

  it("books a window and extends it with begin_time, end_time and duration [U13]", async () => {
    const begin = Math.floor(Date.now() / 1000) - 10;
    const created = await call("CreateLease", {
      parent: "namespaces/lab",
      lease: { selector: "board=rpi5", begin_time: { seconds: String(begin) }, end_time: { seconds: String(begin + 3600) } },
    });
    expect(created.duration).toMatchObject({ seconds: "3600" });
    const end = begin + 7200;
    const extended = await call("UpdateLease", {
      lease: { name: created.name, begin_time: created.begin_time, end_time: { seconds: String(end) }, duration: { seconds: "7200" } },
    });
    expect({ begin: secondsOf(extended.begin_time), end: secondsOf(extended.end_time), duration: secondsOf(extended.duration) }).toEqual({ begin, end, duration: 7200 });
    await call("DeleteLease", { name: created.name });
  });

  it("honours a deadline sent as grpc-timeout", async () => {
    const response = await call("GetExporter", { name: "namespaces/lab/exporters/board-c" }, metadataOf(alice), { deadline: Date.now() + 5_000 });
    expect(response.name).toBe("namespaces/lab/exporters/board-c");
  });

  it("rotates a token: a new ES256 JWT that works, and the old one keeps working [K2], [K4], [K5]", async () => {
    const rotated = await call("RotateToken", { parent: "namespaces/lab" }, metadataOf(bob));
    const token = rotated.token as string;
    expect(token).not.toBe(bob.token);
    const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
    expect(payload).toMatchObject({ iss: "https://localhost:8085", sub: expect.stringMatching(/^client:lab:bob:/) as unknown });
    expect(secondsOf(rotated.expiry)).toBe(payload.exp);
    await expect(call("ListExporters", { parent: "namespaces/lab" }, metadataOf(bob, token))).resolves.toBeDefined();
    await expect(call("ListExporters", { parent: "namespaces/lab" }, metadataOf(bob))).resolves.toBeDefined();
  });

  it("answers an unknown method with UNIMPLEMENTED", async () => {
    const error = await new Promise<grpc.ServiceError>((resolve, reject) => {
      stub.makeUnaryRequest(
        "/jumpstarter.client.v1.ClientService/NoSuchMethod",
        (value: Buffer) => value,
        (value: Buffer) => value,
        Buffer.alloc(0),
        metadataOf(alice),
        {},
        (err) => (err !== null ? resolve(err) : reject(new Error("unexpected success"))),
      );
    });
    expect(error.code).toBe(grpc.status.UNIMPLEMENTED);
  });
});
