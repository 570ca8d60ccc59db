import { describe, expect, it } from "vitest";
import { jwtPayload, readTokenIdentity } from "./client-token.js";

/** A JWT with `payload` (the signature is not looked at: the controller verifies). */
function jwt(payload: unknown, header: unknown = { alg: "ES256", typ: "JWT" }): string {
  const part = (v: unknown): string =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(v))))
      .replace(/\+/g, "-")
      .replace(/\//g, "_")
      .replace(/=+$/, "");
  return `${part(header)}.${part(payload)}.c2lnbmF0dXJl`;
}

const IAT = 1_780_000_000;

describe("readTokenIdentity [A2]", () => {
  it("reads namespace, client name and uid from an internal token's sub", () => {
    const token = jwt({ iss: "https://localhost:8085", aud: ["jumpstarter"], sub: "client:lab:alice:7d3c0e4a-1b2c-4d5e-8f90-123456789abc", iat: IAT, exp: IAT + 8760 * 3600 });
    expect(readTokenIdentity(token)).toEqual({
      kind: "internal",
      namespace: "lab",
      name: "alice",
      uid: "7d3c0e4a-1b2c-4d5e-8f90-123456789abc",
      issuer: "https://localhost:8085",
      expiresAtMs: (IAT + 8760 * 3600) * 1000,
    });
  });

  it("tolerates blanks around a pasted token and payloads with non-ASCII text", () => {
    const token = jwt({ sub: "client:lab:ci-bot:u1", name: "Zoë" });
    expect(readTokenIdentity(`  ${token}\n`)).toMatchObject({ kind: "internal", namespace: "lab", name: "ci-bot" });
  });

  it.each([
    ["an exporter's token", "exporter:lab:rcar-s4-01:u1"],
    ["an OIDC user", "developer-1"],
    ["a sub with too few parts", "client:lab:alice"],
    ["a sub with too many parts", "client:lab:alice:u1:extra"],
    ["an empty namespace", "client::alice:u1"],
  ])("leaves %s to the user (another sub shape)", (_name, sub) => {
    expect(readTokenIdentity(jwt({ iss: "https://dex.example", sub, exp: IAT }))).toEqual({
      kind: "other-jwt",
      issuer: "https://dex.example",
      subject: sub,
      expiresAtMs: IAT * 1000,
    });
  });

  it("reads a JWT without sub as another JWT", () => {
    expect(readTokenIdentity(jwt({ iss: "x" }))).toEqual({ kind: "other-jwt", issuer: "x", subject: undefined, expiresAtMs: undefined });
  });

  it.each([
    ["an opaque string", "alice-token"],
    ["two parts", "abc.def"],
    ["four parts", "a.b.c.d"],
    ["an empty part", `${jwt({ sub: "client:lab:alice:u" }).split(".").slice(0, 2).join(".")}.`],
    ["a payload that is not base64url", "eyJhbGciOiJFUzI1NiJ9.not base64!.sig"],
    ["a payload that is not JSON", `eyJhbGciOiJFUzI1NiJ9.${btoa("hello").replace(/=+$/, "")}.sig`],
    ["a JSON payload that is not an object", `eyJhbGciOiJFUzI1NiJ9.${btoa("[1,2]").replace(/=+$/, "")}.sig`],
    ["the empty string", ""],
  ])("reads %s as opaque", (_name, token) => {
    expect(readTokenIdentity(token)).toEqual({ kind: "opaque" });
    expect(jwtPayload(token)).toBeUndefined();
  });
});
