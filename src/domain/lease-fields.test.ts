import { describe, expect, it } from "vitest";
import { leaseLabels, validateLeaseContext, validateLeaseTags } from "./lease-fields.js";
import { parseSelector, type Selector } from "./selector.js";

const many = (n: number, value = "v"): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));

describe("validateLeaseTags", () => {
  it.each<Record<string, string>>([{}, { team: "infra" }, { ci: "" }, many(10)])("accepts %j", (tags) => {
    expect(validateLeaseTags(tags)).toBeUndefined();
  });
  it.each<[Record<string, string>, string]>([
    [many(11), "a lease may have at most 10 tags, not 11"],
    [{ "jumpstarter.dev/team": "x" }, `tag "jumpstarter.dev/team": label name "jumpstarter.dev/team" is invalid: it cannot contain '/'`],
    [{ team: "my team" }, `tag "team": label value "my team" is invalid`],
    [{ "": "x" }, `tag "": label name is empty`],
    [{ _x: "y" }, `label name "_x" is invalid`],
  ])("rejects %j", (tags, fragment) => {
    expect(validateLeaseTags(tags)).toContain(fragment);
  });
});

describe("validateLeaseContext", () => {
  it.each<Record<string, string>>([{}, { "ci.job": "https://ci.example/1" }, many(8), { ["k".repeat(32)]: "v".repeat(64) }, { any: "" }])(
    "accepts %j",
    (context) => {
      expect(validateLeaseContext(context)).toBeUndefined();
    },
  );
  it.each<[Record<string, string>, string]>([
    [many(9), "at most 8 context entries, not 9"],
    [{ "": "x" }, "context key is empty"],
    [{ ["k".repeat(33)]: "v" }, "is too long (33 characters): use at most 32"],
    [{ job: "v".repeat(65) }, `context value for "job" is too long (65 characters): use at most 64`],
  ])("rejects %j", (context, fragment) => {
    expect(validateLeaseContext(context)).toContain(fragment);
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
  ])("%j with tags %j, ended %s", (text, tags, ended, labels) => {
    expect(leaseLabels(sel(text), tags, ended)).toEqual(labels);
  });
});
