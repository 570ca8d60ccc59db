// Test helpers: a real lab on a free port with a temp data dir, and gRPC
// clients for it made from the generated service.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Code, ConnectError, createClient, type Client, type Interceptor } from "@connectrpc/connect";
import { createGrpcTransport } from "@connectrpc/connect-node";
import { ClientService, type Lease } from "../../../src/gen/jumpstarter/client/v1/client_pb.js";
import type { Condition } from "../../../src/gen/jumpstarter/v1/kubernetes_pb.js";
import { startLab, type LabOptions, type RunningLab } from "../lab.js";

export const TEST_SCENARIO = join(import.meta.dirname, "..", "..", "..", "scenarios", "test.yaml");

export type LabClient = Client<typeof ClientService>;

export interface TestLab {
  readonly lab: RunningLab;
  readonly dataDir: string;
  /** A client that sends `Bearer <token>` (no header at all when token is undefined). */
  client(token: string | undefined): LabClient;
  /** Stops the lab and removes its data dir. */
  close(): Promise<void>;
}

export function grpcClient(baseUrl: string, token: string | undefined): LabClient {
  const bearer: Interceptor = (next) => (req) => {
    if (token !== undefined) req.header.set("authorization", `Bearer ${token}`);
    return next(req);
  };
  return createClient(ClientService, createGrpcTransport({ baseUrl, interceptors: [bearer] }));
}

export async function startTestLab(options: Partial<LabOptions> = {}): Promise<TestLab> {
  const dataDir = mkdtempSync(join(tmpdir(), "lab-test-"));
  try {
    const lab = await startLab({ port: 0, scenario: TEST_SCENARIO, ...options, dataDir });
    return {
      lab,
      dataDir,
      client: (token) => grpcClient(lab.url, token),
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
    await new Promise((resolve) => setTimeout(resolve, 50));
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

export { Code };
