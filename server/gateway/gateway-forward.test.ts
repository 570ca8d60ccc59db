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
const tokens = { alice: "alice-token-0123456789", bob: "bob-token-0123456789", carol: "carol-token-0123456789" };
const scenario = {
  namespace,
  clients: Object.entries(tokens).map(([name, token]) => ({ name, token })),
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

const auth = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
const alice = auth(tokens.alice);
const parent = `namespaces/${namespace}`;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "gateway-forward-"));
  lab = await startLab({ host: "127.0.0.1", port: 0, dataDir, scenario });
  gateway = await startGateway({ controller: lab.url, log: (l) => lines.push(l) });
  session = new Http2SessionManager(lab.url);
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

    // Only the owner may change a lease: the controller's PermissionDenied, verbatim.
    const denied = await sameError((c) => c.deleteLease({ name: leaseName }, auth(tokens.bob)));
    expect(denied.code).toBe(Code.PermissionDenied);

    const deleted = await viaGateway.deleteLease({ name: leaseName }, alice);
    expect(equals(EmptySchema, deleted, create(EmptySchema))).toBe(true);
    const again = await sameError((c) => c.deleteLease({ name: leaseName }, alice));
    expect(again.code).toBe(Code.FailedPrecondition);

    const ended = await viaGateway.listLeases({ parent, onlyActive: false, tagFilter: "team=gateway" }, alice);
    expect(ended.leases[0]?.conditions.some((c) => c.reason === "Released")).toBe(true);
  });

  it("CreateLease refusals pass through unchanged", async () => {
    const neither = await sameError((c) => c.createLease({ parent, lease: { duration: create(DurationSchema, { seconds: 60n }) } }, alice));
    expect(neither.code).toBe(Code.InvalidArgument);
    await viaGateway.createLease({ parent, leaseId: "gateway-dup", lease: { exporterName: "rpi4-01", duration: create(DurationSchema, { seconds: 60n }) } }, alice);
    const duplicate = await sameError((c) =>
      c.createLease({ parent, leaseId: "gateway-dup", lease: { exporterName: "rpi4-01", duration: create(DurationSchema, { seconds: 60n }) } }, alice),
    );
    expect(duplicate.code).toBe(Code.AlreadyExists);
  });
});

describe("errors keep the controller's code and message", () => {
  it("InvalidArgument for a filter that does not parse", async () => {
    const err = await sameError((c) => c.listExporters({ parent, filter: "board in (rcar" }, alice));
    expect(err.code).toBe(Code.InvalidArgument);
    expect(err.rawMessage).not.toBe("");
  });

  it("NotFound for an unknown exporter", async () => {
    const err = await sameError((c) => c.getExporter({ name: `${parent}/exporters/nope` }, alice));
    expect(err.code).toBe(Code.NotFound);
  });

  it("PermissionDenied for another namespace", async () => {
    const err = await sameError((c) => c.listLeases({ parent: "namespaces/elsewhere" }, alice));
    expect(err.code).toBe(Code.PermissionDenied);
    expect(err.rawMessage).toContain("namespace mismatch");
  });

  it("Unauthenticated for a wrong or missing token: the caller's header is what travels", async () => {
    const wrong = await sameError((c) => c.listExporters({ parent }, auth("not-a-token")));
    expect(wrong.code).toBe(Code.Unauthenticated);
    const missing = await sameError((c) => c.listExporters({ parent }));
    expect(missing.code).toBe(Code.Unauthenticated);
  });
});

describe("RotateToken", () => {
  it("returns a new token that works through the gateway while the old one stops", async () => {
    const carol = auth(tokens.carol);
    const rotated = await viaGateway.rotateToken({ parent }, carol);
    expect(rotated.token).not.toBe("");
    expect(rotated.token).not.toBe(tokens.carol);
    expect(rotated.expiry).toBeDefined();
    await expect(viaGateway.listExporters({ parent }, auth(rotated.token))).resolves.toBeDefined();
    expect((await failure(viaGateway.listExporters({ parent }, carol))).code).toBe(Code.Unauthenticated);
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
      { method: "/jumpstarter.client.v1.ClientService/GetExporter", code: "not_found", peer: "127.0.0.1" },
    ]);
    expect(lines.join("\n")).not.toContain(tokens.alice);
  });

  it("is ready while the controller answers", async () => {
    const res = await fetch(`${gateway.url}/readyz`);
    expect(res.status).toBe(200);
  });
});
