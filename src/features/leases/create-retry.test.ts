import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { earlierAttemptLanded } from "@/features/leases/create-retry";

describe("earlierAttemptLanded", () => {
  const exists = new ConnectError('lease "x" already exists', Code.AlreadyExists);

  it("takes AlreadyExists on a retry as the first attempt having landed", () => {
    expect(earlierAttemptLanded(exists, 2)).toBe(true);
  });

  it("treats AlreadyExists on the first attempt as a real clash", () => {
    expect(earlierAttemptLanded(exists, 1)).toBe(false);
  });

  it("does not mistake other refusals for success", () => {
    expect(earlierAttemptLanded(new ConnectError("bad selector", Code.InvalidArgument), 3)).toBe(false);
    expect(earlierAttemptLanded(new TypeError("Failed to fetch"), 3)).toBe(false);
  });
});
