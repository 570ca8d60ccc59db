// Raw gRPC-Web frames the browser never sends (issue 12, item 5): a trailer
// frame (flag 0x80) in a request is refused, and the call never reaches the
// controller. A fake controller counts the calls it receives.
import { request } from "node:http";
import { create, toBinary } from "@bufbuild/protobuf";
import { Code } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CreateLeaseRequestSchema, LeaseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import type { CallRecord } from "./access-log.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { refuseTrailerFrames } from "./grpc-web-framing.js";
import { answerOk, grpcFrame, startFakeController, type FakeController } from "./testing/fake-controller.js";

const createLease = toBinary(
  CreateLeaseRequestSchema,
  create(CreateLeaseRequestSchema, { parent: "namespaces/lab", lease: { selector: "board=rpi4" } }),
);
const lease = toBinary(LeaseSchema, create(LeaseSchema, { name: "namespaces/lab/leases/l1" }));

function trailerFrame(text = "grpc-status: 0\r\n"): Buffer {
  const frame = grpcFrame(Buffer.from(text));
  frame[0] = 0x80;
  return frame;
}

let fake: FakeController;
let gateway: RunningGateway;

beforeAll(async () => {
  fake = await startFakeController((stream) => answerOk(stream, lease));
  gateway = await startGateway({ controller: fake.url, log: () => undefined });
});

afterAll(async () => {
  await gateway.stop();
  await fake.close();
});

/** A gRPC-Web CreateLease whose body is written as the given chunks, one write each; the grpc-status of the answer. */
function createLeaseRaw(chunks: readonly Buffer[]): Promise<string | undefined> {
  const url = new URL(gateway.url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method: "POST",
        path: "/jumpstarter.client.v1.ClientService/CreateLease",
        headers: { "content-type": "application/grpc-web+proto", "x-grpc-web": "1" },
        agent: false,
      },
      (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.once("end", () => resolve(/grpc-status:\s*(\d+)/.exec(Buffer.concat(parts).toString("latin1"))?.[1]));
      },
    );
    req.once("error", reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe("a gRPC-Web request with a trailer frame", () => {
  it("is refused when the body begins with one, and the CreateLease after it is never forwarded", async () => {
    const before = fake.calls;
    expect(await createLeaseRaw([Buffer.concat([trailerFrame(), grpcFrame(createLease)])])).toBe(String(Code.InvalidArgument));
    expect(fake.calls).toBe(before);
  });

  it("is refused when the frame header arrives a byte at a time", async () => {
    const before = fake.calls;
    const body = Buffer.concat([trailerFrame(), grpcFrame(createLease)]);
    expect(await createLeaseRaw([...body].map((b) => Buffer.from([b])))).toBe(String(Code.InvalidArgument));
    expect(fake.calls).toBe(before);
  });

  it("is refused after the message too", async () => {
    const before = fake.calls;
    expect(await createLeaseRaw([grpcFrame(createLease), trailerFrame()])).toBe(String(Code.InvalidArgument));
    expect(fake.calls).toBe(before);
  });

  it("while the same CreateLease framed as browsers do is forwarded", async () => {
    const before = fake.calls;
    expect(await createLeaseRaw([grpcFrame(createLease)])).toBe("0");
    expect(fake.calls).toBe(before + 1);
  });
});

describe("refuseTrailerFrames", () => {
  async function drain(chunks: readonly Uint8Array[]): Promise<number> {
    // One chunk per turn of the event loop, as a request body arrives.
    async function* source(): AsyncGenerator<Uint8Array> {
      for (const chunk of chunks) yield await Promise.resolve(chunk);
    }
    let bytes = 0;
    for await (const chunk of refuseTrailerFrames(source(), {} satisfies CallRecord)) bytes += chunk.length;
    return bytes;
  }

  it("passes message frames through, split anywhere, and finds a trailer flag behind a long payload", async () => {
    const messages = Buffer.concat([grpcFrame(Buffer.alloc(70_000, 0x80)), grpcFrame(createLease)]);
    expect(await drain([messages.subarray(0, 3), messages.subarray(3, 40_000), messages.subarray(40_000)])).toBe(messages.length);
    const hostile = Buffer.concat([messages, trailerFrame()]);
    await expect(drain([hostile.subarray(0, 70_004), hostile.subarray(70_004)])).rejects.toThrow(/must not carry a trailer frame/);
  });
});
