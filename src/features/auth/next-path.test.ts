import { describe, expect, it } from "vitest";
import { DEFAULT_AFTER_SIGN_IN, safeNextPath, signInPath } from "@/features/auth/next-path";

describe("safeNextPath", () => {
  it("keeps a path inside the portal, with its query", () => {
    expect(safeNextPath("/exporters?selector=board%3Drpi5")).toBe("/exporters?selector=board%3Drpi5");
    expect(safeNextPath("/leases/abc")).toBe("/leases/abc");
  });

  it("refuses other sites and odd values", () => {
    for (const bad of [null, "", "https://evil.example", "//evil.example/x", "/\\evil.example", "exporters"]) {
      expect(safeNextPath(bad)).toBe(DEFAULT_AFTER_SIGN_IN);
    }
  });

  it("never returns to the sign-in page itself", () => {
    expect(safeNextPath("/sign-in?next=/x")).toBe(DEFAULT_AFTER_SIGN_IN);
  });
});

describe("signInPath", () => {
  it("carries the page to come back to and the reason", () => {
    const url = new URL(signInPath("/leases?mine=0", "token revoked"), "http://portal");
    expect(url.pathname).toBe("/sign-in");
    expect(url.searchParams.get("next")).toBe("/leases?mine=0");
    expect(url.searchParams.get("reason")).toBe("token revoked");
  });

  it("is plain /sign-in from the root without a reason", () => {
    expect(signInPath("/", null)).toBe("/sign-in");
  });
});
