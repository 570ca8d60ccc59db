import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { createRetryDelayMs, earlierAttemptLanded, noAnswerYet } from "@/features/booking/create-retry";

describe("earlierAttemptLanded [C11]", () => {
  const existsV2 = new ConnectError('leases.jumpstarter.dev "0198c0de-0000-7000-8000-000000000001" already exists', Code.Unknown);
  const existsOlder = new ConnectError('lease "x" already exists', Code.AlreadyExists);

  it("takes UNKNOWN ... already exists on a retry as the first attempt having landed", () => {
    expect(earlierAttemptLanded(existsV2, 2)).toBe(true);
  });

  it("takes ALREADY_EXISTS of older servers the same way", () => {
    expect(earlierAttemptLanded(existsOlder, 3)).toBe(true);
  });

  it("treats already exists on the first attempt as a real clash", () => {
    expect(earlierAttemptLanded(existsV2, 1)).toBe(false);
    expect(earlierAttemptLanded(existsOlder, 1)).toBe(false);
  });

  it("does not mistake other refusals for success", () => {
    expect(earlierAttemptLanded(new ConnectError("bad selector", Code.InvalidArgument), 3)).toBe(false);
    expect(earlierAttemptLanded(new ConnectError('leases.jumpstarter.dev "x" not found', Code.Unknown), 3)).toBe(false);
    expect(earlierAttemptLanded(new TypeError("Failed to fetch"), 3)).toBe(false);
  });
});

describe("noAnswerYet: a create is tried again by itself only while nothing decided it", () => {
  it.each<[string, unknown, boolean]>([
    ["the controller cannot be reached (Unavailable)", new ConnectError("the controller at https://lab:8082 cannot be reached: connect ECONNREFUSED", Code.Unavailable), true],
    ["no answer in time", new ConnectError("deadline exceeded", Code.DeadlineExceeded), true],
    ["the network failed", new ConnectError("Failed to fetch", Code.Unknown, undefined, undefined, new TypeError("Failed to fetch")), true],
    ["a refusal", new ConnectError("failed to parse label selector: x", Code.Unknown), false],
    ["a bad argument", new ConnectError("invalid lease tags: too many tags: 11 (maximum 10)", Code.InvalidArgument), false],
    ["a stop by the user", new ConnectError("stopped", Code.Canceled), false],
  ])("%s: %s", (_what, error, retried) => {
    expect(noAnswerYet(error)).toBe(retried);
  });

  it("waits 1 s, 2 s, 4 s, then 5 s between attempts", () => {
    expect([1, 2, 3, 4, 10].map(createRetryDelayMs)).toEqual([1_000, 2_000, 4_000, 5_000, 5_000]);
  });
});
