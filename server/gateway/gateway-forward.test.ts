// Every ClientService method through the gateway over gRPC-Web, against the
// real lab simulator. Each answer — success or error — is compared with the
// same call made directly to the simulator over gRPC: the gateway must add
// nothing and lose nothing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { equals, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { DurationSchema, EmptySchema, FieldMaskSchema } from "@bufbuild/protobuf/wkt";
import { create } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient, type Client } from "@connectrpc/connect";
import { Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";
import { createConnectTransport, createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  ClientService,
  ExporterSchema,
  LeaseSchema,
  ListExportersResponseSchema,
  ListLeasesResponseSchema,
  type Lease,
} from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startLab } from "../lab/lab.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { parsedLines } from "./test-helpers.js";

type Lab = Awaited<ReturnType<typeof startLab>>;

const namespace = "gateway-test";
// The lab mints each client's token; the calls use the tokens it reports (RunningLab.clients).
const scenario = {
  namespace,
  clients: [{ name: "alice" }, { name: "bob" }, { name: "carol" }],
  exporters: [
    { name: "rcar-s4-01", labels: { board: "rcar-s4", site: "bcn" } },
    { name: "rcar-s4-02", labels: { board: "rcar-s4", site: "brno" } },
    { name: "rpi4-01", labels: { board: "rpi4", site: "bcn" } },
    { name: "rpi4-02", labels: { board: "rpi4", site: "bcn" }, online: false },
  ],
};

let dataDir: string;
let lab: Lab;
let gateway: RunningGateway;
let session: Http2SessionManager;
const lines: string[] = [];

type Service = Client<typeof ClientService>;
let direct: Service;
let viaGateway: Service;

const tokenOf = (client: string): string => lab.clients.find((c) => c.name === client)?.token ?? "";
/** The call metadata of [H1]: who the caller says it is. */
const metadataOf = (client: string) => ({ "jumpstarter-namespace": namespace, "jumpstarter-kind": "Client", "jumpstarter-name": client });
/** What `client` sends with each call: a token (its own by default) and its call metadata. */
const as = (client: string, token = tokenOf(client)) => ({ headers: { authorization: `Bearer ${token}`, ...metadataOf(client) } });
let alice: ReturnType<typeof as>;
const parent = `namespaces/${namespace}`;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "gateway-forward-"));
  lab = await startLab({ host: "127.0.0.1", port: 0, dataDir, scenario, warn: () => undefined });
  alice = as("alice");
  gateway = await startGateway({ controller: lab.url, caFile: lab.caFile, log: (l) => lines.push(l) });
  session = new Http2SessionManager(lab.url, undefined, { ca: lab.caPem });
  direct = createClient(ClientService, createGrpcTransport({ baseUrl: lab.url, sessionManager: session }));
  viaGateway = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
});

afterAll(async () => {
  session.abort();
  await gateway.stop();
  await lab.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function failure(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (e) {
    return ConnectError.from(e);
  }
  throw new Error("the call succeeded");
}

/** The same failing call both ways: the same code and the same message. */
async function sameError(call: (c: Service) => Promise<unknown>): Promise<ConnectError> {
  const expected = await failure(call(direct));
  const actual = await failure(call(viaGateway));
  expect({ code: Code[actual.code], message: actual.rawMessage }).toEqual({ code: Code[expected.code], message: expected.rawMessage });
  return actual;
}

/** The same successful read both ways, equal field by field (after `settle` drops what changes with time). */
async function sameAnswer<D extends DescMessage>(
  schema: D,
  call: (c: Service) => Promise<MessageShape<D>>,
  settle: (m: MessageShape<D>) => void = () => undefined,
): Promise<MessageShape<D>> {
  const expected = await call(direct);
  const actual = await call(viaGateway);
  settle(expected);
  settle(actual);
  expect(equals(schema, actual, expected)).toBe(true);
  return actual;
}

// Time held so far: grows between the direct and the gateway call.
const settleLease = (lease: Lease): void => {
  lease.effectiveDuration = undefined;
};

describe("reads", () => {
  it("ListExporters, with a filter and pages", async () => {
    const all = await sameAnswer(ListExportersResponseSchema, (c) => c.listExporters({ parent }, alice));
    expect(all.exporters.map((e) => e.name)).toEqual(scenario.exporters.map((e) => `${parent}/exporters/${e.name}`));
    const rcar = await sameAnswer(ListExportersResponseSchema, (c) => c.listExporters({ parent, filter: "board=rcar-s4" }, alice));
    expect(rcar.exporters).toHaveLength(2);
    const first = await viaGateway.listExporters({ parent, pageSize: 3 }, alice);
    expect(first.exporters).toHaveLength(3);
    expect(first.nextPageToken).not.toBe("");
    const rest = await viaGateway.listExporters({ parent, pageSize: 3, pageToken: first.nextPageToken }, alice);
    expect(rest.exporters.map((e) => e.name)).toEqual([`${parent}/exporters/rpi4-02`]);
  });

  it("GetExporter", async () => {
    const exporter = await sameAnswer(ExporterSchema, (c) => c.getExporter({ name: `${parent}/exporters/rpi4-01` }, alice));
    expect(exporter.labels).toMatchObject({ board: "rpi4", site: "bcn" });
  });
});

describe("the lease life cycle", () => {
  const leaseName = `${parent}/leases/gateway-lease-1`;

  it("CreateLease, GetLease, ListLeases, UpdateLease, DeleteLease", async () => {
    const created = await viaGateway.createLease(
      {
        parent,
        leaseId: "gateway-lease-1",
        lease: { selector: "board=rcar-s4", duration: create(DurationSchema, { seconds: 3600n }), tags: { team: "gateway" } },
      },
      alice,
    );
    expect(created.name).toBe(leaseName);
    expect(created.tags).toEqual({ team: "gateway" });

    await vi.waitFor(async () => {
      const lease = await viaGateway.getLease({ name: leaseName }, alice);
      expect(lease.exporter).toMatch(/^namespaces\/gateway-test\/exporters\/rcar-s4-0[12]$/);
    });
    await sameAnswer(LeaseSchema, (c) => c.getLease({ name: leaseName }, alice), settleLease);

    const listed = await sameAnswer(
      ListLeasesResponseSchema,
      (c) => c.listLeases({ parent, tagFilter: "team=gateway" }, alice),
      (r) => r.leases.forEach(settleLease),
    );
    expect(listed.leases.map((l) => l.name)).toEqual([leaseName]);

    const updated = await viaGateway.updateLease(
      {
        lease: { name: leaseName, duration: create(DurationSchema, { seconds: 7200n }) },
        updateMask: create(FieldMaskSchema, { paths: ["duration"] }),
      },
      alice,
    );
    expect(updated.duration?.seconds).toBe(7200n);

    // Only the owner may change a lease: the controller's refusal, verbatim [D2].
    const denied = await sameError((c) => c.deleteLease({ name: leaseName }, as("bob")));
    expect({ code: denied.code, message: denied.rawMessage }).toEqual({ code: Code.Unknown, message: "DeleteLease permission denied" });

    const deleted = await viaGateway.deleteLease({ name: leaseName }, alice);
    expect(equals(EmptySchema, deleted, create(EmptySchema))).toBe(true);
    const again = await sameError((c) => c.deleteLease({ name: leaseName }, alice));
    expect(again.code).toBe(Code.FailedPrecondition);

    const ended = await viaGateway.listLeases({ parent, onlyActive: false, tagFilter: "team=gateway" }, alice);
    expect(ended.leases[0]?.conditions.some((c) => c.reason === "Released")).toBe(true);
  });

  it("CreateLease refusals pass through unchanged", async () => {
    const neither = await sameError((c) => c.createLease({ parent, lease: { duration: create(DurationSchema, { seconds: 60n }) } }, alice));
    expect({ code: neither.code, message: neither.rawMessage }).toEqual({ code: Code.InvalidArgument, message: "one of selector or exporter_name is required" });
    await viaGateway.createLease({ parent, leaseId: "gateway-dup", lease: { exporterName: "rpi4-01", duration: create(DurationSchema, { seconds: 60n }) } }, alice);
    const duplicate = await sameError((c) =>
      c.createLease({ parent, leaseId: "gateway-dup", lease: { exporterName: "rpi4-01", duration: create(DurationSchema, { seconds: 60n }) } }, alice),
    );
    // [C11] UNKNOWN with the API server's text: a retried create recognises it by that.
    expect({ code: duplicate.code, message: duplicate.rawMessage }).toEqual({ code: Code.Unknown, message: 'leases.jumpstarter.dev "gateway-dup" already exists' });
  });
});

describe("errors keep the controller's code and message", () => {
  it("Unknown with the parser's text for a filter that does not parse [F1]", async () => {
    const err = await sameError((c) => c.listExporters({ parent, filter: "board in (rcar" }, alice));
    expect(err.code).toBe(Code.Unknown);
    expect(err.rawMessage).toContain("missing \")\"");
  });

  it("Unknown `... not found` for an unknown exporter [X1], [E2]", async () => {
    const err = await sameError((c) => c.getExporter({ name: `${parent}/exporters/nope` }, alice));
    expect({ code: err.code, message: err.rawMessage }).toEqual({ code: Code.Unknown, message: 'exporters.jumpstarter.dev "nope" not found' });
  });

  it("InvalidArgument for missing call metadata [H2]", async () => {
    const err = await sameError((c) => c.listExporters({ parent }, { headers: { authorization: `Bearer ${tokenOf("alice")}` } }));
    expect({ code: err.code, message: err.rawMessage }).toEqual({ code: Code.InvalidArgument, message: "missing metadata: jumpstarter-namespace" });
  });

  it("PermissionDenied for another namespace", async () => {
    const err = await sameError((c) => c.listLeases({ parent: "namespaces/elsewhere" }, alice));
    expect(err.code).toBe(Code.PermissionDenied);
    expect(err.rawMessage).toContain("namespace mismatch");
  });

  it("the controller's answer to a wrong or missing token: the caller's header is what travels [A6], [A9]", async () => {
    const wrong = await sameError((c) => c.listExporters({ parent }, as("alice", "not-a-token")));
    expect({ code: wrong.code, message: wrong.rawMessage }).toEqual({ code: Code.Unknown, message: "failed to authenticate token" });
    const missing = await sameError((c) => c.listExporters({ parent }, { headers: metadataOf("alice") }));
    expect({ code: missing.code, message: missing.rawMessage }).toEqual({ code: Code.Unauthenticated, message: "missing authorization header" });
  });
});

describe("RotateToken", () => {
  it("returns a new token that works through the gateway, and the old one keeps working [K4]", async () => {
    const carol = as("carol");
    const old = tokenOf("carol");
    const rotated = await viaGateway.rotateToken({ parent }, carol);
    expect(rotated.token).not.toBe("");
    expect(rotated.token).not.toBe(old);
    expect(rotated.expiry).toBeDefined();
    await expect(viaGateway.listExporters({ parent }, as("carol", rotated.token))).resolves.toBeDefined();
    await expect(viaGateway.listExporters({ parent }, carol)).resolves.toBeDefined();
  });
});

describe("around the calls", () => {
  it("speaks the Connect protocol too", async () => {
    const connect = createClient(ClientService, createConnectTransport({ baseUrl: gateway.url }));
    const res = await connect.listExporters({ parent, filter: "site=brno" }, alice);
    expect(res.exporters.map((e) => e.name)).toEqual([`${parent}/exporters/rcar-s4-02`]);
  });

  it("logs each call with its outcome and never the token", async () => {
    lines.length = 0;
    await viaGateway.getExporter({ name: `${parent}/exporters/rpi4-01` }, alice);
    await failure(viaGateway.getExporter({ name: `${parent}/exporters/nope` }, alice));
    await vi.waitFor(() => expect(lines).toHaveLength(2));
    expect(parsedLines(lines)).toMatchObject([
      { method: "/jumpstarter.client.v1.ClientService/GetExporter", code: "ok", peer: "127.0.0.1" },
      { method: "/jumpstarter.client.v1.ClientService/GetExporter", code: "unknown", peer: "127.0.0.1" },
    ]);
    expect(lines.join("\n")).not.toContain(tokenOf("alice"));
  });

  it("is ready while the controller answers", async () => {
    const res = await fetch(`${gateway.url}/readyz`);
    expect(res.status).toBe(200);
  });
});
