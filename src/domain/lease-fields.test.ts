import { describe, expect, it } from "vitest";
import { effectiveMaxTags, leaseContextFieldErrors, leaseLabels, validateLeaseTags } from "./lease-fields.js";
import { parseSelector, type Selector } from "./selector.js";

const many = (n: number, value = "v"): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));

describe("validateLeaseTags [TG1]", () => {
  it.each<Record<string, string>>([{}, { team: "infra" }, { ci: "" }, { Build_No: "1.2" }, many(10)])("accepts %j", (tags) => {
    expect(validateLeaseTags(tags)).toBeUndefined();
  });
  it.each<[Record<string, string>, string]>([
    [many(11), "too many tags: 11 (maximum 10)"],
    [{ "jumpstarter.dev/team": "x" }, `tag key "jumpstarter.dev/team" must not use reserved prefix`],
    [{ "metadata.jumpstarter.dev/team": "x" }, `tag key "metadata.jumpstarter.dev/team" must not use reserved prefix`],
    [{ "example.com/team": "x" }, `tag key "example.com/team" must not contain '/' (use simple names without prefix)`],
    [{ "": "x" }, `tag key "" is not a valid label key: name part must be non-empty`],
    [{ _x: "y" }, `tag key "_x" is not a valid label key: name part must consist of alphanumeric characters`],
    [{ ["k".repeat(64)]: "y" }, `is not a valid label key: name part must be no more than 63 characters`],
    [{ team: "my team" }, `tag value for key "team" is not a valid label value: a valid label must be an empty string or consist of alphanumeric characters`],
    [{ team: "v".repeat(64) }, `tag value for key "team" is not a valid label value: must be no more than 63 characters`],
  ])("rejects %j", (tags, fragment) => {
    expect(validateLeaseTags(tags)).toContain(fragment);
  });
  it("applies a configured maximum [TG3]", () => {
    expect(validateLeaseTags(many(3), 2)).toBe("too many tags: 3 (maximum 2)");
    expect(effectiveMaxTags(undefined)).toBe(10);
    expect(effectiveMaxTags(0)).toBe(10);
    expect(effectiveMaxTags(-3)).toBe(10);
    expect(effectiveMaxTags(12)).toBe(12);
  });
});

describe("leaseContextFieldErrors [TG4]", () => {
  it.each<Record<string, string>>([{}, { "ci.job": "https://ci.example/1" }, many(8), { ["k".repeat(32)]: "v".repeat(64) }, { any: "" }, { "a key / any chars": "é" }])(
    "accepts %j",
    (context) => {
      expect(leaseContextFieldErrors(context)).toBeUndefined();
    },
  );
  it.each<[Record<string, string>, string]>([
    [many(9), "spec.context: Too many: 9: must have at most 8 items"],
    [{ ["k".repeat(33)]: "v" }, `spec.context: Invalid value: "object": context keys max 32 chars, values max 64 chars`],
    [{ job: "v".repeat(65) }, "context keys max 32 chars, values max 64 chars"],
  ])("rejects %j", (context, fragment) => {
    expect(leaseContextFieldErrors(context)).toContain(fragment);
  });
});

describe("leaseLabels", () => {
  const sel = (text: string): Selector => {
    const r = parseSelector(text);
    if (!r.ok) throw new Error(r.error.message);
    return r.selector;
  };
  it.each<[string, Record<string, string>, boolean, Record<string, string>]>([
    ["", {}, false, {}],
    ["board=rcar-s4,site in (bcn)", {}, false, { board: "rcar-s4" }],
    ["board=rcar-s4", { team: "infra" }, true, { board: "rcar-s4", "metadata.jumpstarter.dev/team": "infra", "jumpstarter.dev/lease-ended": "true" }],
    ["", { a: "1", b: "" }, false, { "metadata.jumpstarter.dev/a": "1", "metadata.jumpstarter.dev/b": "" }],
    // [F3] selector keys under metadata.jumpstarter.dev/ are left out
    ["metadata.jumpstarter.dev/x=1,board=a", {}, false, { board: "a" }],
  ])("%j with tags %j, ended %s", (text, tags, ended, labels) => {
    expect(leaseLabels(sel(text), tags, ended)).toEqual(labels);
  });
});
