import { describe, expect, it } from "vitest";
import { deriveClientName, namesItsClient } from "./client-names.js";

describe("deriveClientName [Z2]", () => {
  it.each([
    ["dex:Test-Client@Example.com", "test-client-example-com"],
    ["keycloak:developer-1", "developer-1"],
    ["plainuser", "plainuser"],
    ["dex:system:serviceaccount:ci:runner", "ci-runner"],
    ["p:--Weird__Name--", "weird-name"],
    ["internal:client:lab:alice:1234", "client-lab-alice-1234"],
    [`k:${"a".repeat(62)}-b`, "a".repeat(62)],
  ])("%s -> %s", (username, name) => {
    expect(deriveClientName(username)).toBe(name);
  });
});

describe("namesItsClient [H3]", () => {
  it.each([
    ["internal:client:lab:alice:u", true],
    ["dex:system:serviceaccount:ci:runner", true],
    ["keycloak:developer-1", false],
  ])("%s -> %s", (username, expected) => {
    expect(namesItsClient(username)).toBe(expected);
  });
});
