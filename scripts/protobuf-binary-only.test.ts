import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { create, fromBinary, toBinary } from "@bufbuild/protobuf";
import { build, type Plugin, type Rolldown } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GetLeaseRequestSchema, LeaseSchema } from "../src/gen/jumpstarter/client/v1/client_pb.js";
import * as stub from "../src/lib/protobuf-json-unsupported.js";
import { binaryOnlyTarget, protobufBinaryOnly } from "./protobuf-binary-only.js";

const STUB = fileURLToPath(new URL("../src/lib/protobuf-json-unsupported.ts", import.meta.url));
const PROTOBUF_ESM = fileURLToPath(new URL("../node_modules/@bufbuild/protobuf/dist/esm/", import.meta.url));

describe("binaryOnlyTarget", () => {
  it("points the protobuf barrel's two JSON imports at the stand-in, and nothing else", () => {
    const barrel = join(PROTOBUF_ESM, "index.js");
    expect(binaryOnlyTarget("./from-json.js", barrel, STUB)).toBe(STUB);
    expect(binaryOnlyTarget("./to-json.js", barrel, STUB)).toBe(STUB);
    expect(binaryOnlyTarget("./to-binary.js", barrel, STUB)).toBeNull();
    expect(binaryOnlyTarget("./from-json.js", join(PROTOBUF_ESM, "txtpb", "index.js"), STUB)).toBeNull();
    expect(binaryOnlyTarget("./from-json.js", "/work/src/index.js", STUB)).toBeNull();
    expect(binaryOnlyTarget("./from-json.js", undefined, STUB)).toBeNull();
  });
});

describe("the stand-in for protobuf's JSON format", () => {
  it("has every export of the modules it replaces, so every import of the package still links", async () => {
    const real = { ...(await import(pathToFileURL(join(PROTOBUF_ESM, "from-json.js")).href)), ...(await import(pathToFileURL(join(PROTOBUF_ESM, "to-json.js")).href)) } as Record<string, unknown>;
    const names = Object.keys(real).sort();
    expect(names.length).toBeGreaterThan(5);
    expect(Object.keys(stub).filter((n) => n !== "PROTOBUF_JSON_UNSUPPORTED").sort()).toEqual(names);
  });

  it("throws a clear error from each function", () => {
    for (const [name, value] of Object.entries(stub)) {
      if (typeof value !== "function") continue;
      expect(() => (value as () => unknown)(), name).toThrow(stub.PROTOBUF_JSON_UNSUPPORTED);
    }
  });
});

// The portal's own session transport and ClientService, bundled with the
// plugin as the app is, answering a call from a gRPC-Web binary response.
const HARNESS = `
import { toJsonString } from "@bufbuild/protobuf";
import { createClient } from "@connectrpc/connect";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb";
import { createSessionTransport } from "@/lib/transport";
export { toJsonString };
export function getLease(name, fetch) {
  const session = { token: "t", namespace: "lab", clientName: "alice" };
  return createClient(ClientService, createSessionTransport(session, { baseUrl: "https://portal.example", fetch })).getLease({ name });
}`;

interface Harness {
  toJsonString: (...args: unknown[]) => string;
  getLease: (name: string, fetch: typeof globalThis.fetch) => Promise<{ name: string; selector: string }>;
}

function harnessEntry(): Plugin {
  return {
    name: "test:harness",
    enforce: "pre",
    resolveId: (id) => (id === "virtual:harness" ? "\0harness.js" : null),
    load: (id) => (id === "\0harness.js" ? HARNESS : null),
  };
}

/** A gRPC-Web body: one message frame, then the trailers frame. */
function grpcWebBody(message: Uint8Array): Uint8Array<ArrayBuffer> {
  const trailer = new TextEncoder().encode("grpc-status: 0\r\n");
  const frame = (flag: number, bytes: Uint8Array) => {
    const out = new Uint8Array(5 + bytes.length);
    out[0] = flag;
    new DataView(out.buffer).setUint32(1, bytes.length);
    out.set(bytes, 5);
    return out;
  };
  return new Uint8Array([...frame(0, message), ...frame(0x80, trailer)]);
}

describe("the portal's bundle with protobuf's JSON format left out", () => {
  let dir = "";
  let harness: Harness;

  beforeAll(async () => {
    const out = (await build({
      configFile: false,
      logLevel: "silent",
      plugins: [protobufBinaryOnly(STUB), harnessEntry()],
      resolve: { alias: { "@": fileURLToPath(new URL("../src", import.meta.url)) } },
      ssr: { noExternal: true },
      build: { ssr: true, write: false, minify: false, rolldownOptions: { input: "virtual:harness" } },
    })) as Rolldown.RolldownOutput;
    dir = mkdtempSync(join(tmpdir(), "protobuf-binary-only-"));
    const entry = out.output.find((o) => o.type === "chunk" && o.isEntry);
    if (entry?.type !== "chunk") throw new Error("the harness build has no entry chunk");
    writeFileSync(join(dir, "harness.mjs"), entry.code);
    harness = (await import(pathToFileURL(join(dir, "harness.mjs")).href)) as Harness;
  }, 60_000);

  afterAll(() => {
    if (dir !== "") rmSync(dir, { recursive: true, force: true });
  });

  it("makes a call with binary messages both ways, never reaching the JSON stand-in", async () => {
    let sent: Uint8Array | undefined;
    const fetch: typeof globalThis.fetch = async (_input, init) => {
      sent = new Uint8Array(await new Response(init?.body).arrayBuffer());
      const lease = toBinary(LeaseSchema, create(LeaseSchema, { name: "namespaces/lab/leases/l1", selector: "board=rcar-s4" }));
      return new Response(grpcWebBody(lease), { status: 200, headers: { "content-type": "application/grpc-web+proto" } });
    };
    const lease = await harness.getLease("namespaces/lab/leases/l1", fetch);
    expect(lease.name).toBe("namespaces/lab/leases/l1");
    expect(lease.selector).toBe("board=rcar-s4");
    expect(sent).toBeDefined();
    expect(fromBinary(GetLeaseRequestSchema, (sent as Uint8Array).subarray(5)).name).toBe("namespaces/lab/leases/l1");
  });

  it("has the stand-in in place of protobuf's JSON functions", () => {
    expect(() => harness.toJsonString(LeaseSchema, create(LeaseSchema))).toThrow(stub.PROTOBUF_JSON_UNSUPPORTED);
  });
});
