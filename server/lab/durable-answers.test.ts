// The interceptor of group commit: an answer, or a refusal, leaves only once
// the store says the changes so far are on disk. The store is a fake here, so
// the test decides when (and whether) the commit succeeds.
import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { durableAnswers } from "./durable-answers.js";

function controlledStore(): { durable: () => Promise<void>; succeed: () => void; fail: (e: Error) => void } {
  let succeed: () => void = () => undefined;
  let fail: (e: Error) => void = () => undefined;
  const pending = new Promise<void>((resolve, reject) => {
    succeed = resolve;
    fail = reject;
  });
  return { durable: () => pending, succeed: () => succeed(), fail: (e) => fail(e) };
}

/** Runs a call through the interceptor; `handler` stands for the RPC. */
function call(store: { durable: () => Promise<void> }, handler: () => Promise<unknown>): Promise<unknown> {
  const intercepted = durableAnswers(store)(handler as never) as unknown as (req: unknown) => Promise<unknown>;
  return intercepted({});
}

const settled = async (p: Promise<unknown>): Promise<boolean> => {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 5; i += 1) await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe("durable answers", () => {
  it("holds an answer until the store's batch is committed", async () => {
    const store = controlledStore();
    const answer = call(store, () => Promise.resolve("created"));
    expect(await settled(answer)).toBe(false);
    store.succeed();
    await expect(answer).resolves.toBe("created");
  });

  it("holds a refusal too, then passes it on as it was", async () => {
    const store = controlledStore();
    const refusal = new ConnectError('leases.jumpstarter.dev "x" already exists', Code.Unknown);
    const answer = call(store, () => Promise.reject(refusal));
    expect(await settled(answer)).toBe(false);
    store.succeed();
    await expect(answer).rejects.toBe(refusal);
  });

  it("answers INTERNAL with the store's words when the commit failed, never the success", async () => {
    const store = controlledStore();
    const answer = call(store, () => Promise.resolve("created"));
    store.fail(new Error("the lab could not save its changes: disk I/O error"));
    const error = await answer.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConnectError);
    expect((error as ConnectError).code).toBe(Code.Internal);
    expect((error as ConnectError).rawMessage).toBe("the lab could not save its changes: disk I/O error");
  });
});
