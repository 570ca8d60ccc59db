import { describe, expect, it } from "vitest";
import { isDnsSubdomain, kubeLabelKeyProblem, validateLabelKey, validateLabelName, validateLabelValue } from "./labels.js";

const max63 = "a".repeat(63);
const over63 = "a".repeat(64);

describe("validateLabelKey", () => {
  it.each([
    "board",
    "Board_Type.v2",
    "a",
    "9",
    max63,
    "jumpstarter.dev/name",
    "example.com/a-b_c.d",
    "a/b",
    `${"a".repeat(253)}/x`,
    `${"abc.".repeat(62)}abcde/x`,
  ])("accepts %s", (key) => {
    expect(validateLabelKey(key)).toBeUndefined();
  });

  it.each([
    ["", "label key is empty"],
    [over63, `label key "${over63}" is too long (64 characters)`],
    ["-board", `label key "-board" is invalid: use at most 63 letters`],
    ["board-", `label key "board-" is invalid`],
    ["board name", `label key "board name" is invalid`],
    ["bo@rd", `label key "bo@rd" is invalid`],
    ["a/b/c", "at most one '/'"],
    ["/name", "the prefix before '/' is empty"],
    ["jumpstarter.dev/", "the name after '/' is empty"],
    ["Jumpstarter.dev/name", `label key prefix "Jumpstarter.dev" is invalid: use at most 253 lowercase letters`],
    ["jumpstarter..dev/name", `label key prefix "jumpstarter..dev" is invalid`],
    ["-jumpstarter.dev/name", `label key prefix "-jumpstarter.dev" is invalid`],
    ["jumpstarter_dev/name", `label key prefix "jumpstarter_dev" is invalid`],
    [`${"a".repeat(254)}/x`, "is too long (254 characters)"],
    ["jumpstarter.dev/-name", `the name "-name" after the prefix is invalid`],
    [`jumpstarter.dev/${over63}`, "after the prefix is too long (64 characters)"],
  ])("rejects %j", (key, fragment) => {
    expect(validateLabelKey(key)).toContain(fragment);
  });

  it("shortens very long text in messages", () => {
    const message = validateLabelKey(`${"x".repeat(200)}!`) ?? "";
    expect(message).toContain(`"${"x".repeat(77)}..."`);
    expect(message.length).toBeLessThan(220);
  });
});

describe("validateLabelName", () => {
  it.each(["board", "a.b_c-d", max63, "X9"])("accepts %s", (name) => {
    expect(validateLabelName(name)).toBeUndefined();
  });
  it.each([
    ["", "label name is empty"],
    ["jumpstarter.dev/name", "cannot contain '/'"],
    [over63, "is too long (64 characters)"],
    ["_x", `label name "_x" is invalid`],
    ["a b", `label name "a b" is invalid`],
  ])("rejects %j", (name, fragment) => {
    expect(validateLabelName(name)).toContain(fragment);
  });
});

describe("validateLabelValue", () => {
  it.each(["", "rcar-s4", "v1.2.3", "A_b", "0", max63])("accepts %j", (value) => {
    expect(validateLabelValue(value)).toBeUndefined();
  });
  it("gives the documented message", () => {
    expect(validateLabelValue("rcar s4")).toBe(
      `label value "rcar s4" is invalid: use at most 63 letters, digits, '-', '_' or '.', beginning and ending with a letter or digit`,
    );
  });
  it.each([
    [over63, "is too long (64 characters)"],
    ["-x", `"-x" is invalid`],
    ["x.", `"x." is invalid`],
    ["a/b", `"a/b" is invalid`],
    ["ümlaut", `"ümlaut" is invalid`],
  ])("rejects %j", (value, fragment) => {
    expect(validateLabelValue(value)).toContain(fragment);
  });
});

describe("isDnsSubdomain", () => {
  it.each([
    ["lab", true],
    ["my-lab.example.com", true],
    ["a".repeat(253), true],
    ["a".repeat(254), false],
    ["Lab", false],
    ["lab-", false],
    ["lab..x", false],
    ["", false],
    ["lab_x", false],
  ])("%j -> %s", (s, expected) => {
    expect(isDnsSubdomain(s)).toBe(expected);
  });
});

describe("kubeLabelKeyProblem (the API machinery's words)", () => {
  it.each<[string, string | undefined]>([
    ["metadata.jumpstarter.dev/team", undefined],
    ["board", undefined],
    ["metadata.jumpstarter.dev/a/b", `key: Invalid value: "metadata.jumpstarter.dev/a/b": a qualified name must consist of alphanumeric characters`],
    [`metadata.jumpstarter.dev/${"x".repeat(64)}`, "name part must be no more than 63 characters"],
    ["Bad_Prefix/x", "prefix part a lowercase RFC 1123 subdomain"],
  ])("%j", (key, fragment) => {
    const problem = kubeLabelKeyProblem(key);
    if (fragment === undefined) expect(problem).toBeUndefined();
    else expect(problem).toContain(fragment);
  });
});
