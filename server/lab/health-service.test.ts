// grpc.health.v1.Health as the controller serves it [T4]: through a real lab
// over TLS, with no credentials at all, and the Watch stream's life cycle.
import { create } from "@bufbuild/protobuf";
import { createClient, createHandlerContext, type Client } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Health, HealthCheckRequestSchema, HealthCheckResponse_ServingStatus as ServingStatus } from "../../src/gen/grpc/health/v1/health_pb.js";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { createHealthService } from "./health-service.js";
import { Code, labTransport, rpcError, startTestLab, type TestLab } from "./testing/lab-harness.js";

describe("the Health service's shape", () => {
  it("has the standard method paths", () => {
    expect(Health.methods.map((m) => `/${Health.typeName}/${m.name} ${m.methodKind}`)).toEqual([
      "/grpc.health.v1.Health/Check unary",
      "/grpc.health.v1.Health/Watch server_streaming",
    ]);
  });
});

describe("Health on the lab [T4]", () => {
  let t: TestLab;
  // No interceptor: not even an authorization header travels.
  let health: Client<typeof Health>;

  beforeAll(async () => {
    t = await startTestLab();
    health = createClient(Health, labTransport(t.lab));
  });

  afterAll(async () => {
    await t.close();
  });

  it('answers Check("") with SERVING, without authentication', async () => {
    expect((await health.check({ service: "" })).status).toBe(ServingStatus.SERVING);
  });

  it("answers Check for ClientService with SERVING", async () => {
    expect((await health.check({ service: ClientService.typeName })).status).toBe(ServingStatus.SERVING);
  });

  it('answers an unknown service with NOT_FOUND "unknown service", as grpc-go does', async () => {
    const error = await rpcError(health.check({ service: "grpc.reflection.v1.ServerReflection" }));
    expect(error.code).toBe(Code.NotFound);
    expect(error.rawMessage).toBe("unknown service");
  });

  it("streams the current status on Watch and then waits", async () => {
    const abort = new AbortController();
    const stream = health.watch({ service: "" }, { signal: abort.signal })[Symbol.asyncIterator]();
    expect((await stream.next()).value).toMatchObject({ status: ServingStatus.SERVING });
    // The stream is still open: the next message is pending until the client cancels.
    const next = stream.next();
    abort.abort();
    const error = await rpcError(next);
    expect(error.code).toBe(Code.Canceled);
  });
});

describe("Watch when the lab stops", () => {
  it("tells an open watch NOT_SERVING and ends it, so stopping does not wait for the client", async () => {
    const t = await startTestLab();
    try {
      const health = createClient(Health, labTransport(t.lab));
      const stream = health.watch({ service: ClientService.typeName })[Symbol.asyncIterator]();
      expect((await stream.next()).value).toMatchObject({ status: ServingStatus.SERVING });
      const stopped = t.lab.stop();
      expect((await stream.next()).value).toMatchObject({ status: ServingStatus.NOT_SERVING });
      expect((await stream.next()).done).toBe(true);
      await stopped;
    } finally {
      await t.close();
    }
  });
});

describe("createHealthService", () => {
  const context = () =>
    createHandlerContext({ service: Health, method: Health.method.watch, protocolName: "grpc", requestMethod: "POST", url: "https://lab/grpc.health.v1.Health/Watch" });

  it("reports SERVICE_UNKNOWN on Watch for an unknown service and keeps the stream until the client goes", async () => {
    const health = createHealthService([ClientService.typeName]);
    const ctx = context();
    const stream = health.service.watch(create(HealthCheckRequestSchema, { service: "nope" }), ctx)[Symbol.asyncIterator]();
    expect((await stream.next()).value).toEqual({ status: ServingStatus.SERVICE_UNKNOWN });
    const next = stream.next();
    ctx.abort();
    expect(await next).toEqual({ done: true, value: undefined });
  });

  it("answers NOT_SERVING to Check once shut down", () => {
    const health = createHealthService([]);
    const check = (service: string) => health.service.check(create(HealthCheckRequestSchema, { service }), context());
    expect(check("")).toEqual({ status: ServingStatus.SERVING });
    health.shutdown();
    expect(check("")).toEqual({ status: ServingStatus.NOT_SERVING });
  });
});
