// Test helpers: a real lab on a free port with a temp data dir, and gRPC
// clients for it made from the generated service, acting as the lab's clients
// with the metadata a real client sends ([H1]).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Code, ConnectError, createClient, type Client, type Interceptor, type Transport } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { ClientService, type Lease } from "../../../src/gen/jumpstarter/client/v1/client_pb.js";
import type { Condition } from "../../../src/gen/jumpstarter/v1/kubernetes_pb.js";
import { startLab, type LabOptions, type RunningLab } from "../lab.js";

export const TEST_SCENARIO = join(import.meta.dirname, "..", "..", "..", "scenarios", "test.yaml");

export type LabClient = Client<typeof ClientService>;

/** The headers a call carries; undefined leaves a header out. */
export interface CallIdentity {
  readonly token?: string | undefined;
  readonly namespace?: string | undefined;
  readonly kind?: string | undefined;
  readonly name?: string | undefined;
}

/** A client that sends `authorization: Bearer <token>` and the jumpstarter-* metadata given. */
export function grpcClient(lab: Pick<RunningLab, "url" | "caPem">, identity: CallIdentity): LabClient {
  const headers: Interceptor = (next) => (req) => {
    if (identity.token !== undefined) req.header.set("authorization", `Bearer ${identity.token}`);
    if (identity.namespace !== undefined) req.header.set("jumpstarter-namespace", identity.namespace);
    if (identity.kind !== undefined) req.header.set("jumpstarter-kind", identity.kind);
    if (identity.name !== undefined) req.header.set("jumpstarter-name", identity.name);
    return next(req);
  };
  return createClient(ClientService, labTransport(lab, [headers]));
}

/** What `jmp` sends for the lab's client `name` ([J3]). */
export function identityOf(lab: RunningLab, name: string): CallIdentity {
  const client = lab.clients.find((c) => c.name === name);
  if (client === undefined) throw new Error(`no client ${name} in the lab`);
  return { token: client.token, namespace: lab.namespace, kind: "Client", name };
}

/** A client acting as the lab's client `name`, as jmp would. */
export function clientAs(lab: RunningLab, name: string): LabClient {
  return grpcClient(lab, identityOf(lab, name));
}

export interface TestLab {
  readonly lab: RunningLab;
  readonly dataDir: string;
  /** A client acting as the scenario's client `name`. */
  as(name: string): LabClient;
  /** The current token of the scenario's client `name`. */
  token(name: string): string;
  /** A client sending exactly these headers. */
  client(identity: CallIdentity): LabClient;
  /** Stops the lab and removes its data dir. */
  close(): Promise<void>;
}

/**
 * gRPC to the lab as jmp reaches it: over TLS trusting only the lab's CA
 * (ALPN h2), or cleartext for a lab started with `plaintext: true`.
 */
export function labTransport(lab: Pick<RunningLab, "url" | "caPem">, interceptors: Interceptor[] = []): Transport {
  return createGrpcTransport({ baseUrl: lab.url, interceptors, nodeOptions: lab.caPem === undefined ? {} : { ca: lab.caPem } });
}

export async function startTestLab(options: Partial<LabOptions> = {}): Promise<TestLab> {
  const dataDir = mkdtempSync(join(tmpdir(), "lab-test-"));
  try {
    const lab = await startLab({ port: 0, scenario: TEST_SCENARIO, warn: () => undefined, ...options, dataDir });
    return {
      lab,
      dataDir,
      as: (name) => clientAs(lab, name),
      token: (name) => identityOf(lab, name).token ?? "",
      client: (identity) => grpcClient(lab, identity),
      async close() {
        await lab.stop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
}

/** Polls until `probe` returns a value (not undefined). */
export async function until<T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export function condition(lease: Lease, type: string): Condition | undefined {
  return lease.conditions.find((c) => c.type === type);
}

/** Polls GetLease until the lease has `type` with `status` (and `reason`, if given). */
export function untilCondition(
  client: LabClient,
  name: string,
  type: string,
  status: "True" | "False",
  reason?: string,
  timeoutMs?: number,
): Promise<Lease> {
  return until(
    `lease ${name} to have ${type}=${status}${reason === undefined ? "" : ` (${reason})`}`,
    async () => {
      const lease = await client.getLease({ name });
      const c = condition(lease, type);
      return c?.status === status && (reason === undefined || c.reason === reason) ? lease : undefined;
    },
    timeoutMs,
  );
}

/** The ConnectError a call fails with; fails the test if the call succeeds. */
export async function rpcError(call: Promise<unknown>): Promise<ConnectError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof ConnectError) return e;
    throw e;
  }
  throw new Error("the call succeeded, but an error was expected");
}

/** Code and message of a refusal, for one-line expectations. */
export async function refusal(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const e = await rpcError(call);
  return { code: Code[e.code], message: e.rawMessage };
}

export { Code };
