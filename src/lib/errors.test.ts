import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { describeError, errorMessage, isNetworkFailure, isUnavailable } from "@/lib/errors";

describe("describeError", () => {
  it("keeps the controller's own words for every code", () => {
    const cases: [Code, string][] = [
      [Code.Unavailable, "The lab controller cannot be reached: upstream down."],
      [Code.PermissionDenied, "Not allowed: namespace mismatch."],
      [Code.InvalidArgument, "unexpected \"(\" at column 3."],
      [Code.Unauthenticated, "Your session was rejected by the controller: invalid or expired token."],
      [Code.NotFound, "Not found: exporter \"x\" not found."],
      [Code.AlreadyExists, "Already exists: lease \"a\" already exists."],
      [Code.FailedPrecondition, "Not possible now: lease \"a\" has already ended."],
    ];
    const raw: Record<number, string> = {
      [Code.Unavailable]: "upstream down",
      [Code.PermissionDenied]: "namespace mismatch",
      [Code.InvalidArgument]: 'unexpected "(" at column 3',
      [Code.Unauthenticated]: "invalid or expired token",
      [Code.NotFound]: 'exporter "x" not found',
      [Code.AlreadyExists]: 'lease "a" already exists',
      [Code.FailedPrecondition]: 'lease "a" has already ended',
    };
    for (const [code, expected] of cases) {
      const d = describeError(new ConnectError(raw[code] ?? "", code));
      expect(d.message).toBe(expected);
      expect(d.code).toBe(code);
      expect(d.detail).toBe(raw[code]);
    }
  });

  it("titles an unreachable controller plainly", () => {
    expect(describeError(new ConnectError("x", Code.Unavailable)).title).toBe("The lab controller cannot be reached");
  });

  it("does not add a dangling colon when the controller gave no message", () => {
    expect(errorMessage(new ConnectError("", Code.PermissionDenied))).toBe("Not allowed.");
    expect(errorMessage(new ConnectError("", Code.InvalidArgument))).toBe("The controller did not accept the request.");
  });

  it("recognises a browser that got no answer at all", () => {
    const offline = ConnectError.from(new TypeError("Failed to fetch"));
    expect(isNetworkFailure(offline)).toBe(true);
    expect(isUnavailable(offline)).toBe(true);
    expect(describeError(offline).title).toBe("The portal's server cannot be reached");
    expect(describeError(offline).message).toContain("Failed to fetch");
  });

  it("describes plain errors too", () => {
    expect(errorMessage(new Error("boom"))).toBe("The lab controller reported an error: boom.");
    expect(isUnavailable(new Error("boom"))).toBe(false);
  });
});
