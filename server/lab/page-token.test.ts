import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { PageTokens } from "./page-token.js";

describe("page tokens", () => {
  const tokens = new PageTokens(randomBytes(32));

  it("round-trip the position for the same list and query", () => {
    const token = tokens.issue("leases", ["board=x", true, ""], "lease-7");
    expect(tokens.verify("leases", ["board=x", true, ""], token)).toBe("lease-7");
  });

  it("are bound to the list kind and the query", () => {
    const token = tokens.issue("exporters", [""], "rpi5-01");
    expect(tokens.verify("leases", [""], token)).toBeUndefined();
    expect(tokens.verify("exporters", ["site=bcn"], token)).toBeUndefined();
  });

  it("reject altered, forged and foreign tokens", () => {
    const token = tokens.issue("exporters", [""], "rpi5-01");
    const [body, mac] = token.split(".") as [string, string];
    const altered = Buffer.from(JSON.stringify({ k: "exporters", q: "x", a: "zzz" })).toString("base64url");
    expect(tokens.verify("exporters", [""], `${altered}.${mac}`)).toBeUndefined();
    expect(tokens.verify("exporters", [""], `${body}.${mac.slice(1)}`)).toBeUndefined();
    expect(tokens.verify("exporters", [""], "bm90LWEtdG9rZW4")).toBeUndefined();
    expect(tokens.verify("exporters", [""], new PageTokens(randomBytes(32)).issue("exporters", [""], "a"))).toBeUndefined();
  });
});
