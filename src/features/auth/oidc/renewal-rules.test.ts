import { describe, expect, it } from "vitest";
import {
  RENEW_LEAD_MAX_MS,
  RenewalError,
  classifyRenewalError,
  endsTheSession,
  mustRenewBeforeSending,
  renewalDueAtMs,
  renewalEndedReason,
} from "@/features/auth/oidc/renewal-rules";

const hour = { obtainedAtMs: 0, expiresAtMs: 3_600_000 };
const short = { obtainedAtMs: 0, expiresAtMs: 20_000 };

describe("when an OIDC session renews its token", () => {
  it("renews a minute before a long token expires, a quarter of its life before a short one does", () => {
    expect(renewalDueAtMs(hour)).toBe(3_600_000 - RENEW_LEAD_MAX_MS);
    expect(renewalDueAtMs(short)).toBe(15_000);
    // A token that was already expired when it came is due at once.
    expect(renewalDueAtMs({ obtainedAtMs: 10, expiresAtMs: 5 })).toBe(5);
  });

  it("holds a call back only when the token is about to run out", () => {
    expect(mustRenewBeforeSending(short, 14_999)).toBe(false);
    expect(mustRenewBeforeSending(short, 15_000)).toBe(true);
    expect(mustRenewBeforeSending(short, 25_000)).toBe(true);
  });
});

describe("when renewing fails", () => {
  it("tells an OAuth refusal from a provider that did not answer", () => {
    expect(classifyRenewalError({ error: "invalid_grant", error_description: "grant request is invalid" })).toEqual({ kind: "refused", detail: "grant request is invalid" });
    expect(classifyRenewalError({ error: "invalid_grant", error_description: null })).toEqual({ kind: "refused", detail: "invalid_grant" });
    expect(classifyRenewalError(new TypeError("Failed to fetch"))).toEqual({ kind: "unreachable", detail: "Failed to fetch" });
    expect(classifyRenewalError(new RenewalError({ kind: "no-refresh-token" }))).toEqual({ kind: "no-refresh-token" });
  });

  it("ends the session on a refusal at once, on silence only once the token has run out", () => {
    const refused = { kind: "refused", detail: "x" } as const;
    const silent = { kind: "unreachable", detail: "Failed to fetch" } as const;
    expect(endsTheSession(refused, short, 16_000)).toBe(true);
    expect(endsTheSession(silent, short, 16_000)).toBe(false);
    expect(endsTheSession(silent, short, 20_000)).toBe(true);
  });

  it("says why, in the provider's name and words", () => {
    expect(renewalEndedReason("the demo provider", { kind: "refused", detail: "grant request is invalid." })).toBe(
      "Your sign-in with the demo provider has ended: it would not renew it (grant request is invalid).",
    );
    expect(renewalEndedReason("Keycloak", { kind: "unreachable", detail: "Failed to fetch" })).toBe(
      "Your sign-in with Keycloak has expired, and Keycloak did not answer to renew it (Failed to fetch).",
    );
    expect(renewalEndedReason("Keycloak", { kind: "no-refresh-token" })).toMatch(/no refresh token/);
  });
});
