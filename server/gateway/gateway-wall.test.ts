// Issue 9, item 3: the wall's kiosk access through the real gateway, against
// the real simulator. Between them sits a counting HTTP/2 proxy, so the tests
// see every call that reaches the controller (the simulator runs cleartext
// h2c here for that reason: the proxy needs no certificate).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { connect, createServer, constants, type Http2Server, type ClientHttp2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Code, ConnectError, createClient, type Client } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { startLab } from "../lab/lab.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { loadWallCredentials } from "./wall-credentials.js";

const namespace = "wall-test";
const parent = `namespaces/${namespace}`;
const scenario = {
  namespace,
  clients: [{ name: "alice" }, { name: "wall" }],
  exporters: [
    { name: "rpi5-01", labels: { board: "rpi5" } },
    { name: "rpi5-02", labels: { board: "rpi5" } },
  ],
};

let dataDir: string;
let lab: Awaited<ReturnType<typeof startLab>>;
let proxy: Http2Server;
let upstreamSession: ClientHttp2Session;
const upstreamCalls: string[] = [];
let gateway: RunningGateway;
let keyed: RunningGateway;
let keyFile: string;

/** Forwards every stream to the simulator, noting its path. */
function startCountingProxy(target: string): Promise<number> {
  upstreamSession = connect(target);
  proxy = createServer();
  proxy.on("stream", (stream, headers) => {
    upstreamCalls.push(String(headers[constants.HTTP2_HEADER_PATH]));
    const forwarded = Object.fromEntries(Object.entries(headers).filter(([k]) => !k.startsWith(":") || k === ":path" || k === ":method"));
    const out = upstreamSession.request(forwarded);
    stream.pipe(out);
    out.on("response", (h) => stream.respond(h, { waitForTrailers: true }));
    out.on("trailers", (t: Record<string, string | string[]>) => stream.once("wantTrailers", () => stream.sendTrailers(t)));
    out.pipe(stream);
    out.on("error", () => stream.destroy());
    stream.on("error", () => out.destroy());
  });
  return new Promise((resolve) => proxy.listen(0, "127.0.0.1", () => resolve((proxy.address() as AddressInfo).port)));
}

const wallClient = (g: RunningGateway, key?: string): Client<typeof ClientService> =>
  createClient(
    ClientService,
    createGrpcWebTransport({ baseUrl: `${g.url}/wall-api`, ...(key === undefined ? {} : { interceptors: [(next) => (req) => (req.header.set("x-wall-key", key), next(req))] }) }),
  );

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "gateway-wall-"));
  lab = await startLab({ port: 0, dataDir, scenario, plaintext: true });
  const proxyPort = await startCountingProxy(lab.url);
  const wallConfig = lab.clients.find((c) => c.name === "wall")?.configPath ?? "";
  // The jmp config file the simulator wrote for the wall client, as `npm start` passes it.
  const credentials = loadWallCredentials({ tokenFile: wallConfig });
  keyFile = join(dataDir, "wall-key");
  writeFileSync(keyFile, "door-and-wall-2025\n");
  const common = { port: 0, controller: `http://127.0.0.1:${proxyPort}`, log: () => undefined };
  gateway = await startGateway({ ...common, wall: { credentials, refreshMs: 60_000 } });
  keyed = await startGateway({ ...common, wall: { credentials, keyFile, refreshMs: 60_000 } });
}, 30_000);

afterAll(async () => {
  await gateway?.stop();
  await keyed?.stop();
  await new Promise<void>((resolve) => (proxy === undefined ? resolve() : proxy.close(() => resolve())));
  upstreamSession?.close();
  await lab?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

beforeEach(() => {
  upstreamCalls.length = 0;
});

describe("the wall's kiosk access", () => {
  it("reads the wall client's namespace and name from its jmp config [A2]", () => {
    const c = loadWallCredentials({ tokenFile: lab.clients.find((x) => x.name === "wall")?.configPath });
    expect([c?.namespace, c?.clientName]).toEqual([namespace, "wall"]);
  });

  it("tells the SPA the wall has a kiosk client, and whether it needs a key", async () => {
    expect(await (await fetch(`${gateway.url}/wall-config.json`)).json()).toEqual({ kiosk: true, namespace, keyRequired: false, refreshMs: 60_000 });
    expect(await (await fetch(`${keyed.url}/wall-config.json`)).json()).toMatchObject({ kiosk: true, keyRequired: true });
  });

  it("serves GetExporter, ListExporters, GetLease and ListLeases with no user token [F6]", async () => {
    const alice = lab.clients.find((c) => c.name === "alice")?.token ?? "";
    const direct = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const aliceHeaders = { headers: { authorization: `Bearer ${alice}`, "jumpstarter-namespace": namespace, "jumpstarter-kind": "Client", "jumpstarter-name": "alice" } };
    const lease = await direct.createLease({ parent, lease: { exporterName: "rpi5-01", duration: { seconds: 3600n } } }, aliceHeaders);

    const wall = wallClient(gateway);
    const exporters = await wall.listExporters({ parent });
    expect(exporters.exporters.map((e) => e.name).sort()).toEqual([`${parent}/exporters/rpi5-01`, `${parent}/exporters/rpi5-02`]);
    expect((await wall.getExporter({ name: `${parent}/exporters/rpi5-02` })).name).toBe(`${parent}/exporters/rpi5-02`);
    // Every client's leases, as ListLeases gives them [F6].
    const leases = await wall.listLeases({ parent });
    expect(leases.leases.map((l) => l.client)).toEqual([`${parent}/clients/alice`]);
    expect((await wall.getLease({ name: lease.name })).client).toBe(`${parent}/clients/alice`);
  });

  it("refuses CreateLease, UpdateLease, DeleteLease and RotateToken, and none reaches the controller", async () => {
    const wall = wallClient(gateway);
    const refused = async (call: Promise<unknown>): Promise<Code> => {
      try {
        await call;
      } catch (e) {
        return ConnectError.from(e).code;
      }
      throw new Error("the call was served");
    };
    // A gRPC-Web client reads the gateway's HTTP 404 as Unimplemented.
    expect(await refused(wall.createLease({ parent, lease: { exporterName: "rpi5-02", duration: { seconds: 60n } } }))).toBe(Code.Unimplemented);
    expect(await refused(wall.updateLease({ lease: { name: `${parent}/leases/x` } }))).toBe(Code.Unimplemented);
    expect(await refused(wall.deleteLease({ name: `${parent}/leases/x` }))).toBe(Code.Unimplemented);
    expect(await refused(wall.rotateToken({}))).toBe(Code.Unimplemented);
    const raw = await fetch(`${gateway.url}/wall-api/jumpstarter.client.v1.ClientService/DeleteLease`, { method: "POST", headers: { "content-type": "application/grpc-web+proto" }, body: new Uint8Array(5) });
    expect(raw.status).toBe(404);
    expect(await raw.text()).toMatch(/the wall serves GetExporter, ListExporters, GetLease and ListLeases only/);
    expect(upstreamCalls).toEqual([]);
  });

  it("answers ten concurrent wall polls with one controller call per request", async () => {
    const walls = Array.from({ length: 10 }, () => wallClient(gateway));
    const request = { parent, filter: "board=rpi5" };
    const answers = await Promise.all(walls.map((w) => w.listExporters(request)));
    expect(answers.map((a) => a.exporters.length)).toEqual(Array(10).fill(2));
    expect(upstreamCalls).toEqual(["/jumpstarter.client.v1.ClientService/ListExporters"]);
    // Within the refresh interval, the next round is served from the same answer.
    await Promise.all(walls.map((w) => w.listExporters(request)));
    expect(upstreamCalls).toHaveLength(1);
    // Another request is another answer.
    await wallClient(gateway).listExporters({ parent, filter: "board=none" });
    expect(upstreamCalls).toHaveLength(2);
  });

  it("refuses a wrong or missing wall key, and serves the right one", async () => {
    const expectRefused = async (key: string | undefined): Promise<void> => {
      const e = await wallClient(keyed, key).listLeases({ parent }).then(
        () => undefined,
        (err: unknown) => ConnectError.from(err),
      );
      expect(e?.code).toBe(Code.Unauthenticated);
      expect(e?.rawMessage).toBe("the wall key is missing or wrong: open the wall once as /wall?key=<the lab's wall key>");
    };
    await expectRefused(undefined);
    await expectRefused("door-and-wall-2024");
    expect(upstreamCalls).toEqual([]);
    expect((await wallClient(keyed, "door-and-wall-2025").listLeases({ parent })).leases).toBeDefined();
    expect(upstreamCalls).toHaveLength(1);
  });

  it("says clearly when the token file is not usable", () => {
    expect(() => loadWallCredentials({ tokenFile: join(dataDir, "missing") })).toThrow(/^cannot read the wall token file .*missing/);
    const junk = join(dataDir, "junk.yaml");
    writeFileSync(junk, "endpoint: x\n");
    expect(() => loadWallCredentials({ tokenFile: junk })).toThrow(`the wall token file ${junk} holds neither a token nor a jmp client config with a token`);
    expect(() => loadWallCredentials({ token: "opaque-token" })).toThrow("the wall token names no client: give its namespace and client name (--wall-namespace, --wall-client)");
  });
});
