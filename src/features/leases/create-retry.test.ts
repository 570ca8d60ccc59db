import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { earlierAttemptLanded } from "@/features/leases/create-retry";

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
