// A caller's deadline longer than the gateway's cap is clamped to the cap
// (issue 12, item 2): 2^31 ms or more used to overflow Node's timers and fail
// at once with DEADLINE_EXCEEDED and a TimeoutOverflowWarning. A fake
// controller answers after a short delay and records the deadline it got [T7].
import { create, toBinary } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LeaseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { clampConnectTimeout, clampGrpcTimeout, formatGrpcTimeout } from "./deadline.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { answerOk, startFakeController, type FakeController } from "./testing/fake-controller.js";

const capMs = 2_000;
const lease = toBinary(LeaseSchema, create(LeaseSchema, { name: "namespaces/lab/leases/l1" }));
let fake: FakeController;
let gateway: RunningGateway;
const deadlinesSeen: string[] = [];
const warnings: Error[] = [];
const onWarning = (w: Error): void => {
  warnings.push(w);
};

beforeAll(async () => {
  process.on("warning", onWarning);
  fake = await startFakeController((stream, headers) => {
    deadlinesSeen.push(String(headers["grpc-timeout"]));
    setTimeout(() => answerOk(stream, lease), 50);
  });
  gateway = await startGateway({ controller: fake.url, upstreamTimeoutMs: capMs, log: () => undefined });
});

afterAll(async () => {
  process.off("warning", onWarning);
  await gateway.stop();
  await fake.close();
});

/** The grpc-status of a gRPC-Web GetLease with the given extra headers (read from the trailer frame). */
async function grpcWebStatus(headers: Record<string, string>): Promise<string | undefined> {
  const res = await fetch(`${gateway.url}/jumpstarter.client.v1.ClientService/GetLease`, {
    method: "POST",
    headers: { "content-type": "application/grpc-web+proto", "x-grpc-web": "1", ...headers },
    body: new Uint8Array(5),
  });
  const text = Buffer.from(await res.arrayBuffer()).toString("latin1");
  return /grpc-status:\s*(\d+)/.exec(text)?.[1];
}

function ms(grpcTimeout: string | undefined): number {
  const match = /^(\d+)([HMSmun])$/.exec(grpcTimeout ?? "");
  const unit: Record<string, number> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 };
  return Number(match?.[1]) * (unit[match?.[2] ?? ""] ?? NaN);
}

describe("a deadline longer than the gateway's cap [T7]", () => {
  // 2^31 ms in seconds, in hours, and the longest grpc-timeout there is.
  it.each(["2147484S", "597H", "99999999H"])(
    "grpc-timeout %s is served within the cap, not refused at once",
    async (value) => {
      deadlinesSeen.length = 0;
      warnings.length = 0;
      expect(await grpcWebStatus({ "grpc-timeout": value })).toBe("0");
      expect(deadlinesSeen).toHaveLength(1);
      expect(ms(deadlinesSeen[0])).toBeGreaterThan(0);
      expect(ms(deadlinesSeen[0])).toBeLessThanOrEqual(capMs);
      expect(warnings.map((w) => w.name)).not.toContain("TimeoutOverflowWarning");
    },
  );

  it("connect-timeout-ms of ten digits is served within the cap", async () => {
    deadlinesSeen.length = 0;
    warnings.length = 0;
    const res = await fetch(`${gateway.url}/jumpstarter.client.v1.ClientService/GetLease`, {
      method: "POST",
      headers: { "content-type": "application/proto", "connect-protocol-version": "1", "connect-timeout-ms": "9999999999" },
      body: new Uint8Array(0),
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    expect(ms(deadlinesSeen[0])).toBeLessThanOrEqual(capMs);
    expect(warnings.map((w) => w.name)).not.toContain("TimeoutOverflowWarning");
  });

  it("a malformed grpc-timeout is still refused with the protocol's message", async () => {
    expect(await grpcWebStatus({ "grpc-timeout": "123456789S" })).toBe(String(Code.InvalidArgument));
  });
});

describe("clamping", () => {
  it("keeps a deadline within the cap as sent and clamps a longer one", () => {
    expect(clampGrpcTimeout("1500m", 30_000)).toBe("1500m");
    expect(clampGrpcTimeout("2147484S", 30_000)).toBe("30000m");
    expect(clampGrpcTimeout("3H", 30_000)).toBe("30000m");
    expect(clampGrpcTimeout("12x", 30_000)).toBe("12x");
    expect(clampConnectTimeout("9999999999", 30_000)).toBe("30000");
    expect(clampConnectTimeout("250", 30_000)).toBe("250");
  });

  it("writes a cap of more than 8 digits of milliseconds in seconds, never longer than the cap", () => {
    expect(formatGrpcTimeout(2 ** 31 - 1)).toBe("2147483S");
    expect(formatGrpcTimeout(99_999_999)).toBe("99999999m");
  });
});

describe("the cap itself", () => {
  it("must fit Node's timers, with a message that says so", async () => {
    await expect(startGateway({ controller: "http://127.0.0.1:1", upstreamTimeoutMs: 2 ** 31, log: () => undefined })).rejects.toThrow(
      /upstreamTimeoutMs must be at most 2147483647 \(about 24.8 days/,
    );
  });
});
