// Authentication of every call, in the controller's order, codes and texts
// (spec section 3 [A6]-[A15], metadata [H1]-[H4], clients [Z1]-[Z4]), and
// RotateToken [K1]-[K5].
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http2 from "node:http2";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, toBinary } from "@bufbuild/protobuf";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { ListExportersRequestSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { authenticate, metadataFromRawHeaders } from "./auth.js";
import { startLab, type RunningLab } from "./lab.js";
import { checkToken, tokenKeys } from "./tokens.js";
import { Code, grpcClient, refusal, startTestLab, type TestLab } from "./testing/lab-harness.js";

const parent = "namespaces/lab";
let t: TestLab;
let alice: string;

beforeAll(async () => {
  t = await startTestLab();
  alice = t.token("alice");
});
afterAll(() => t.close());

const as = (token: string | undefined, extra: { namespace?: string | undefined; kind?: string | undefined; name?: string | undefined } = {}) =>
  t.client({ token, namespace: "lab", kind: "Client", name: "alice", ...extra });

describe("the bearer token [A6]-[A10]", () => {
  it("is required: UNAUTHENTICATED `missing authorization header` [A6]", async () => {
    expect(await refusal(as(undefined).listExporters({ parent }))).toEqual({ code: "Unauthenticated", message: "missing authorization header" });
  });

  it("must read `Bearer <token>` [A8]", async () => {
    const raw = (value: string) =>
      t.client({ namespace: "lab", kind: "Client", name: "alice" }).listExporters({ parent }, { headers: { authorization: value } });
    for (const value of ["Basic abc", "Bearer", "bear"]) {
      expect(await refusal(raw(value))).toEqual({ code: "InvalidArgument", message: "malformed authorization header" });
    }
    // Case-insensitive scheme, one space.
    expect((await raw(`bearer ${alice}`)).exporters.length).toBeGreaterThan(0);
  });

  it("not a JWT, or an unknown issuer: UNKNOWN `failed to authenticate token` [A9]", async () => {
    for (const token of ["alice-token", "x.y.z", "a.b"]) {
      expect(await refusal(as(token).listExporters({ parent }))).toEqual({ code: "Unknown", message: "failed to authenticate token" });
    }
  });

  it("a forged signature: UNKNOWN with the authenticator's text [A10]", async () => {
    const [h, p] = alice.split(".");
    const forged = `${h}.${p}.${Buffer.from("not the signature").toString("base64url")}`;
    expect(await refusal(as(forged).listExporters({ parent }))).toEqual({
      code: "Unknown",
      message: "oidc: verify token: failed to verify signature: failed to verify id token signature",
    });
  });

  it("a bad token is reported before any header problem [H2]", async () => {
    expect(await refusal(t.client({ token: "nope" }).listExporters({ parent }))).toEqual({ code: "Unknown", message: "failed to authenticate token" });
  });
});

describe("call metadata [H1]-[H3], [A11], [A12]", () => {
  it.each([
    [{ namespace: undefined }, "missing metadata: jumpstarter-namespace"],
    [{ kind: undefined }, "missing metadata: jumpstarter-kind"],
    [{ kind: "Exporter" }, "object kind mismatch"],
    [{ kind: "client" }, "object kind mismatch"],
    [{ name: undefined }, "resource name required for pre-existing authentication"],
    [{ name: "" }, "resource name required for pre-existing authentication"],
  ])("%j: INVALID_ARGUMENT %s", async (extra, message) => {
    expect(await refusal(as(alice, extra).listExporters({ parent }))).toEqual({ code: "InvalidArgument", message });
  });

  it("refuses a repeated header [A7], [H2]", async () => {
    const base = { authorization: `Bearer ${alice}`, "jumpstarter-namespace": "lab", "jumpstarter-kind": "Client", "jumpstarter-name": "alice" };
    const twice = (name: keyof typeof base) => rawListExporters(t.lab, { ...base, [name]: [base[name], base[name]] });
    // Node's HTTP/2 client cannot send authorization twice; the rule is checked on the raw headers a server receives.
    const keys = tokenKeys(undefined, () => undefined);
    const deps = { namespace: "lab", verifyToken: (token: string, nowMs: number) => checkToken(keys, token, "internal:", nowMs), internalPrefix: "internal:", provisioning: false, client: () => undefined, provision: () => Promise.reject(new Error("no")), now: Date.now };
    const raw = metadataFromRawHeaders(["authorization", "Bearer a", "Authorization", "Bearer b"]);
    await expect(authenticate(raw, "lab", deps)).rejects.toMatchObject({ code: Code.InvalidArgument, rawMessage: "multiple authorization headers" });
    expect(await twice("jumpstarter-namespace")).toEqual({ status: "3", message: "multiple metadata: jumpstarter-namespace" });
    expect(await twice("jumpstarter-kind")).toEqual({ status: "3", message: "multiple metadata: jumpstarter-kind" });
    expect(await twice("jumpstarter-name")).toEqual({ status: "3", message: "resource name required for pre-existing authentication" });
    expect(await rawListExporters(t.lab, base)).toEqual({ status: "0", message: "" });
  });
});

/** A ListExporters over raw HTTP/2, so a header can really be sent twice (Headers objects join repeats). */
async function rawListExporters(lab: RunningLab, headers: Record<string, string | string[]>): Promise<{ status: string; message: string }> {
  const session = http2.connect(lab.url, lab.caPem === undefined ? {} : { ca: lab.caPem });
  try {
    const message = toBinary(ListExportersRequestSchema, create(ListExportersRequestSchema, { parent }));
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    frame.set(message, 5);
    const stream = session.request({
      ":method": "POST",
      ":path": "/jumpstarter.client.v1.ClientService/ListExporters",
      "content-type": "application/grpc",
      te: "trailers",
      ...headers,
    });
    stream.end(frame);
    stream.resume();
    const trailers = await new Promise<http2.IncomingHttpHeaders>((resolve, reject) => {
      stream.once("response", (h) => {
        if (h["grpc-status"] !== undefined) resolve(h); // trailers-only answer
      });
      stream.once("trailers", resolve);
      stream.once("error", reject);
    });
    return { status: String(trailers["grpc-status"]), message: decodeURIComponent(String(trailers["grpc-message"] ?? "")) };
  } finally {
    session.close();
  }
}

describe("the Client [A13]-[A15], [Z1], [Z4]", () => {
  it("an unknown client: UNKNOWN `client <ns>/<name>: ... not found` [A13]", async () => {
    expect(await refusal(as(alice, { name: "mallory" }).listExporters({ parent }))).toEqual({
      code: "Unknown",
      message: 'client lab/mallory: clients.jumpstarter.dev "mallory" not found',
    });
  });

  it("another namespace in the headers fails the lookup [Z4]", async () => {
    expect(await refusal(as(alice, { namespace: "other" }).listExporters({ parent: "namespaces/other" }))).toEqual({
      code: "Unknown",
      message: 'client other/alice: clients.jumpstarter.dev "alice" not found',
    });
  });

  it("a valid token presented for another client: PERMISSION_DENIED [A14], [Z1]", async () => {
    expect(await refusal(as(alice, { name: "bob" }).listExporters({ parent }))).toEqual({ code: "PermissionDenied", message: "permission denied for client lab/bob" });
  });

  it("a request naming another namespace: PERMISSION_DENIED `namespace mismatch` [A15]", async () => {
    expect(await refusal(as(alice).listExporters({ parent: "namespaces/other" }))).toEqual({ code: "PermissionDenied", message: "namespace mismatch" });
    expect(await refusal(as(alice).getLease({ name: "namespaces/other/leases/x" }))).toEqual({ code: "PermissionDenied", message: "namespace mismatch" });
    // An empty namespace segment passes the parser and fails here [N2].
    expect(await refusal(as(alice).listExporters({ parent: "namespaces/" }))).toEqual({ code: "PermissionDenied", message: "namespace mismatch" });
  });

  it("a malformed name is refused before authentication [X1], [N2]", async () => {
    expect(await refusal(as(undefined).getExporter({ name: "rpi5-01" }))).toEqual({
      code: "InvalidArgument",
      message: 'invalid number of segments in identifier "rpi5-01", expecting 4, got 1',
    });
  });

  it("every call authenticates the same way", async () => {
    const c = as("nope");
    const calls = [
      c.getExporter({ name: "namespaces/lab/exporters/rpi5-01" }),
      c.listExporters({ parent }),
      c.getLease({ name: "namespaces/lab/leases/x" }),
      c.listLeases({ parent }),
      c.createLease({ parent, lease: { selector: "board=rpi5", duration: { seconds: 60n } } }),
      c.updateLease({ lease: { name: "namespaces/lab/leases/x" } }),
      c.deleteLease({ name: "namespaces/lab/leases/x" }),
      c.rotateToken({ parent }),
    ];
    for (const call of calls) expect(await refusal(call)).toEqual({ code: "Unknown", message: "failed to authenticate token" });
  });
});

describe("RotateToken [K1]-[K5]", () => {
  it("returns a new internal token for the caller, stores it in the config file, and the old one keeps working [K4]", async () => {
    const bob = t.token("bob");
    const client = t.client({ token: bob, namespace: "lab", kind: "Client", name: "bob" });
    const rotated = await client.rotateToken({ parent });
    expect(rotated.token).not.toBe(bob);
    const claims = decodeJwt(rotated.token);
    expect(claims.iss).toBe("https://localhost:8085");
    expect(claims.sub).toMatch(/^client:lab:bob:[0-9a-f-]{36}$/);
    expect(decodeJwt(bob).sub).toBe(claims.sub);
    expect(Number(rotated.expiry?.seconds)).toBe(claims.exp);
    // Both work.
    for (const token of [bob, rotated.token]) {
      expect((await t.client({ token, namespace: "lab", kind: "Client", name: "bob" }).listExporters({ parent })).exporters.length).toBeGreaterThan(0);
    }
    // [K2] it becomes the client's credential: RunningLab and the jmp config file carry it.
    expect(t.token("bob")).toBe(rotated.token);
    const path = t.lab.clients.find((c) => c.name === "bob")?.configPath ?? "";
    expect((parseYaml(readFileSync(path, "utf8")) as { token: string }).token).toBe(rotated.token);
  });
});

describe("provisioning [Z3]", () => {
  it("creates the Client the headers name on first use when enabled, and the call proceeds", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lab-provision-"));
    const lab = await startLab({
      port: 0,
      dataDir,
      warn: () => undefined,
      scenario: { namespace: "lab", controller: { provisioning: { enabled: true } }, clients: [{ name: "alice" }], exporters: [{ name: "e1", labels: { a: "b" } }] },
    });
    try {
      const token = lab.clients.find((c) => c.name === "alice")?.token ?? "";
      // alice's token names alice's Client; a new Client "zed" is created with spec.username = that user...
      const zed = grpcClient(lab, { token, namespace: "lab", kind: "Client", name: "zed" });
      expect((await zed.listExporters({ parent })).exporters).toHaveLength(1);
      expect(lab.clients.map((c) => c.name)).toEqual(["alice", "zed"]);
      // ...and it has its own credential, an internal token for zed.
      const own = lab.clients.find((c) => c.name === "zed")?.token ?? "";
      expect(decodeJwt(own).sub).toMatch(/^client:lab:zed:/);
      expect((await grpcClient(lab, { token: own, namespace: "lab", kind: "Client", name: "zed" }).listLeases({ parent })).leases).toEqual([]);
    } finally {
      await lab.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
