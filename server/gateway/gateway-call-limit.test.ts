// The calls in flight toward the controller are bounded (issue 12, item 8):
// a few run, a short queue waits briefly, the rest are refused at once with
// Unavailable (which the portal retries). A fake controller answers slowly
// and counts how many calls it holds at once.
import { create, toBinary } from "@bufbuild/protobuf";
import { Code, ConnectError, createClient } from "@connectrpc/connect";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { afterEach, describe, expect, it } from "vitest";
import { ClientService, LeaseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { createCallLimit } from "./call-limit.js";
import { startGateway, type RunningGateway } from "./gateway.js";
import { answerOk, startFakeController, type FakeController } from "./testing/fake-controller.js";

const lease = toBinary(LeaseSchema, create(LeaseSchema, { name: "namespaces/lab/leases/l1" }));
let fake: FakeController | undefined;
let gateway: RunningGateway | undefined;

afterEach(async () => {
  await gateway?.stop();
  await fake?.close();
});

/** A controller answering each call after `delayMs`; `peak` is the most calls it held at once. */
async function slowController(delayMs: number): Promise<{ fake: FakeController; peak: () => number }> {
  let open = 0;
  let peak = 0;
  fake = await startFakeController((stream) => {
    open += 1;
    peak = Math.max(peak, open);
    setTimeout(() => {
      open -= 1;
      answerOk(stream, lease);
    }, delayMs);
  });
  return { fake, peak: () => peak };
}

type Outcome = { ok: true } | { ok: false; code: string; message: string };
async function outcome(call: Promise<unknown>): Promise<Outcome> {
  try {
    await call;
    return { ok: true };
  } catch (e) {
    const err = ConnectError.from(e);
    return { ok: false, code: Code[err.code], message: err.rawMessage };
  }
}

describe("the gateway past its capacity", () => {
  it("holds at most maxCallsInFlight at the controller, queues a few and refuses the rest with Unavailable", async () => {
    const { fake, peak } = await slowController(400);
    gateway = await startGateway({ controller: fake.url, maxCallsInFlight: 2, maxCallsQueued: 2, maxQueueWaitMs: 5_000, log: () => undefined });
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => outcome(client.getLease({ name: "namespaces/lab/leases/l1" }))));
    expect(peak()).toBe(2);
    expect(outcomes.filter((o) => o.ok)).toHaveLength(4);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r).toMatchObject({ code: "Unavailable", message: expect.stringMatching(/^the gateway is at capacity .*try again shortly$/) as string });
    expect(fake.calls).toBe(4);
  });

  it("refuses a queued call whose wait runs out, with Unavailable", async () => {
    const { fake } = await slowController(1_000);
    gateway = await startGateway({ controller: fake.url, maxCallsInFlight: 1, maxCallsQueued: 4, maxQueueWaitMs: 100, log: () => undefined });
    const client = createClient(ClientService, createGrpcWebTransport({ baseUrl: gateway.url }));
    const [first, second] = await Promise.all([0, 1].map(() => outcome(client.getLease({ name: "namespaces/lab/leases/l1" }))));
    expect(first).toEqual({ ok: true });
    expect(second).toMatchObject({ code: "Unavailable", message: expect.stringContaining("no place freed within 100 ms") as string });
  });
});

describe("createCallLimit", () => {
  it("gives a freed place to the first waiter and forgets a waiter that hung up", async () => {
    const limit = createCallLimit({ maxInFlight: 1, maxQueued: 2, maxQueueWaitMs: 10_000 });
    let finishFirst = (): void => undefined;
    const first = limit.run(() => new Promise<string>((resolve) => (finishFirst = () => resolve("first"))));
    const gone = new AbortController();
    const hungUp = limit.run(() => Promise.resolve("never"), gone.signal);
    const second = limit.run(() => Promise.resolve("second"));
    expect(limit.queued).toBe(2);
    gone.abort(new ConnectError("browser left", Code.Canceled));
    await expect(hungUp).rejects.toThrow(/browser left/);
    expect(limit.queued).toBe(1);
    finishFirst();
    expect(await Promise.all([first, second])).toEqual(["first", "second"]);
    expect(limit.inFlight).toBe(0);
  });
});
