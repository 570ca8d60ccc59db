// [A2] internal tokens and [A9]/[A10] their refusal texts.
import { generateKeyPairSync } from "node:crypto";
import { decodeJwt, decodeProtectedHeader, SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { checkToken, goTimeText, INTERNAL_ISSUER, internalSubject, mintInternalToken, tokenKeys, unverifiedIssuer } from "./tokens.js";

const NOW = Date.UTC(2026, 11, 1, 10, 0, 0);
const YEAR = 365 * 24 * 3600 * 1000;

function keys() {
  let saved = "";
  return { keys: tokenKeys(undefined, (pem) => (saved = pem)), saved: () => saved };
}

describe("internal tokens [A2]", () => {
  it("are ES256 JWTs with the controller's issuer, audience, subject and lifetime, and no kid, nbf or jti", async () => {
    const { keys: k } = keys();
    const { token, expiryMs } = await mintInternalToken(k, internalSubject("lab", "alice", "uid-1"), NOW, YEAR);
    expect(decodeProtectedHeader(token)).toEqual({ alg: "ES256", typ: "JWT" });
    const claims = decodeJwt(token);
    expect(claims).toEqual({
      iss: "https://localhost:8085",
      aud: ["jumpstarter"],
      sub: "client:lab:alice:uid-1",
      iat: NOW / 1000,
      exp: NOW / 1000 + YEAR / 1000,
    });
    expect(expiryMs).toBe(NOW + YEAR);
  });

  it("verify to the user name internal:<sub>", async () => {
    const { keys: k } = keys();
    const { token } = await mintInternalToken(k, "client:lab:alice:u", NOW, YEAR);
    expect(await checkToken(k, token, "internal:", NOW + 1000)).toEqual({ ok: true, username: "internal:client:lab:alice:u", subject: "client:lab:alice:u" });
  });

  it("survive a restart: the key is kept as PEM and read back", async () => {
    const first = keys();
    const { token } = await mintInternalToken(first.keys, "client:lab:a:u", NOW, YEAR);
    const again = tokenKeys(first.saved(), () => {
      throw new Error("must not generate a new key");
    });
    expect((await checkToken(again, token, "internal:", NOW)).ok).toBe(true);
  });

  it("refuse an expired token with the authenticator's 'token is expired' text [A10]", async () => {
    const { keys: k } = keys();
    const { token } = await mintInternalToken(k, "client:lab:a:u", NOW, 60_000);
    expect(await checkToken(k, token, "internal:", NOW + 61_000)).toEqual({
      ok: false,
      unknown: false,
      message: "oidc: verify token: oidc: token is expired (Token Expiry: 2026-12-01 10:01:00 +0000 UTC)",
    });
  });

  it("refuse a token signed by another key [A10]", async () => {
    const { keys: mine } = keys();
    const { keys: theirs } = keys();
    const { token } = await mintInternalToken(theirs, "client:lab:a:u", NOW, YEAR);
    expect(await checkToken(mine, token, "internal:", NOW)).toEqual({
      ok: false,
      unknown: false,
      message: "oidc: verify token: failed to verify signature: failed to verify id token signature",
    });
  });

  it("refuse a token for another audience [A10]", async () => {
    const { keys: k } = keys();
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", typ: "JWT" })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(["other"])
      .setSubject("client:lab:a:u")
      .setIssuedAt(NOW / 1000)
      .setExpirationTime(NOW / 1000 + 3600)
      .sign(k.privateKey);
    const check = await checkToken(k, token, "internal:", NOW);
    expect(check).toEqual({ ok: false, unknown: false, message: 'oidc: verify token: oidc: expected audience "jumpstarter" got ["other"]' });
  });

  it("treat non-JWTs and unknown issuers as not authenticated [A9]", async () => {
    const { keys: k } = keys();
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey;
    const foreign = await new SignJWT({}).setProtectedHeader({ alg: "ES256" }).setIssuer("https://idp.example.com").sign(other);
    for (const token of ["alice-token", "a.b", "a.b.c", foreign]) {
      expect(await checkToken(k, token, "internal:", NOW)).toEqual({ ok: false, unknown: true });
    }
    expect(unverifiedIssuer(foreign)).toBe("https://idp.example.com");
  });
});

describe("goTimeText (Go's time.Time.String in UTC)", () => {
  it.each([
    [Date.UTC(2027, 7, 21, 14, 32, 42), "2027-08-21 14:32:42 +0000 UTC"],
    [Date.UTC(2027, 7, 21, 14, 32, 42, 500), "2027-08-21 14:32:42.5 +0000 UTC"],
  ])("%d -> %s", (ms, text) => {
    expect(goTimeText(ms)).toBe(text);
  });
});
