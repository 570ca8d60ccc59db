import { describe, expect, it } from "vitest";
import {
  type Requirement,
  equalityLabels,
  formatSelector,
  isEmptySelector,
  leaseSelectorProblem,
  matchesSelector,
  normalizeSelector,
  parseSelector,
  selectorErrorText,
  type Selector,
} from "./selector.js";

function parsed(text: string): Selector {
  const result = parseSelector(text);
  if (!result.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${result.error.message}`);
  return result.selector;
}

const req = (key: string, operator: Requirement["operator"], ...values: string[]): Requirement => ({ key, operator, values });

describe("parseSelector: valid", () => {
  it.each<[string, Requirement[]]>([
    ["", []],
    ["   \t ", []],
    ["board=rcar-s4", [req("board", "=", "rcar-s4")]],
    ["board==rcar-s4", [req("board", "==", "rcar-s4")]],
    // [F1] filters accept k>N and k<N with a whole number.
    ["ram>4", [req("ram", "gt", "4")]],
    ["ram < 16", [req("ram", "lt", "16")]],
    ["ram>-1", [req("ram", "gt", "-1")]],
    // As the Kubernetes parser: an empty list or an empty slot is the empty value [F1].
    ["site in ()", [req("site", "in", "")]],
    ["site notin ( )", [req("site", "notin", "")]],
    ["site in (bcn,)", [req("site", "in", "bcn", "")]],
    ["site in (,bcn)", [req("site", "in", "", "bcn")]],
    ["site in (bcn,,brno)", [req("site", "in", "bcn", "", "brno")]],
    ["board!=rcar-s4", [req("board", "!=", "rcar-s4")]],
    ["board = rcar-s4", [req("board", "=", "rcar-s4")]],
    ["  board  !=  x  ", [req("board", "!=", "x")]],
    ["board=", [req("board", "=", "")]],
    ["board=,site=bcn", [req("board", "=", ""), req("site", "=", "bcn")]],
    ["board!=", [req("board", "!=", "")]],
    ["site in (bcn,brno)", [req("site", "in", "bcn", "brno")]],
    ["site in(bcn)", [req("site", "in", "bcn")]],
    ["site in ( bcn , brno )", [req("site", "in", "bcn", "brno")]],
    ["site notin (bcn)", [req("site", "notin", "bcn")]],
    ["site notin(a,b,c)", [req("site", "notin", "a", "b", "c")]],
    ["reserved", [req("reserved", "exists")]],
    ["!reserved", [req("reserved", "!")]],
    ["! reserved", [req("reserved", "!")]],
    ["jumpstarter.dev/name=rcar-s4-01", [req("jumpstarter.dev/name", "=", "rcar-s4-01")]],
    ["!jumpstarter.dev/lease-ended", [req("jumpstarter.dev/lease-ended", "!")]],
    [
      "board=rcar-s4,site in (bcn,brno),!reserved,dut",
      [req("board", "=", "rcar-s4"), req("site", "in", "bcn", "brno"), req("reserved", "!"), req("dut", "exists")],
    ],
    ["a=b , c!=d", [req("a", "=", "b"), req("c", "!=", "d")]],
    ["x in (in,notin)", [req("x", "in", "in", "notin")]],
    ["Board_Type=V1.2", [req("Board_Type", "=", "V1.2")]],
    ["board=rcar-s4\n,site=bcn", [req("board", "=", "rcar-s4"), req("site", "=", "bcn")]],
  ])("%j", (text, requirements) => {
    expect(parsed(text).requirements).toEqual(requirements);
  });
});

describe("parseSelector: invalid", () => {
  // [input, message fragment, position, length]
  it.each<[string, string, number, number]>([
    ["board=(x)", `expected a value after "=" (e.g. board=rcar-s4)`, 6, 1],
    ["board==)", `expected a value after "==" (e.g. board==rcar-s4)`, 7, 1],
    ["board!= !x", `expected a value after "!=" (e.g. board!=rcar-s4)`, 8, 1],
    ["board=>x", `unknown operator "=>"`, 5, 2],
    ["board~x", `unknown operator "~": use =, ==, !=, in, notin, > or <`, 5, 1],
    ["board>x", `expected a whole number after ">"`, 6, 1],
    ["board<", `expected a whole number after "<"`, 5, 1],
    ["board>=5", `unknown operator ">="`, 5, 2],
    ["board!==x", `unknown operator "!=="`, 5, 3],
    ["board!x", `unknown operator "!"`, 5, 1],
    ["site in bcn", `"in" needs a list of values in parentheses, e.g. site in (bcn,brno)`, 8, 3],
    ["site in", `"in" needs a list of values in parentheses`, 7, 0],
    ["site notin bcn,brno", `"notin" needs a list of values in parentheses, e.g. site notin (bcn,brno)`, 11, 3],
    ["site in (bcn,brno", `missing ")" to close the list started at column 9`, 17, 0],
    ["a=b, site in (bcn", `missing ")" to close the list started at column 14`, 17, 0],
    ["site in (", `missing ")" to close the list started at column 9`, 9, 0],
    ["site in (bcn brno)", `unexpected "brno": separate values with ","`, 13, 4],
    ["site in (bcn=x)", `unexpected "=" in the list started at column 9`, 12, 1],
    ["site in (b(c))", `unexpected "(" in the list started at column 9`, 10, 1],
    ["site in (bcn!)", `unexpected "!" in the list`, 12, 1],
    ["site in (-x)", `label value "-x" is invalid`, 9, 2],
    ["site (bcn)", `expected "in" or "notin" before "(", e.g. site in (a,b)`, 5, 1],
    ["site IN (bcn)", `write the operator "IN" in lowercase: in`, 5, 2],
    ["site NotIn (bcn)", `write the operator "NotIn" in lowercase: notin`, 5, 5],
    // The Kubernetes lexer reads these words as operators, never as keys.
    ["in=x", `expected a label key before "in"`, 0, 2],
    ["notin", `expected a label key before "notin"`, 0, 5],
    ["board rcar", `expected an operator after "board" (=, ==, !=, in, notin, >, <) or ",", found "rcar"`, 6, 4],
    ["board=rcar s4", `unexpected "s4": separate requirements with "," (label values cannot contain spaces)`, 11, 2],
    ["dut x", `expected an operator after "dut"`, 4, 1],
    ["site in (a) b", `unexpected "b": separate requirements with ","`, 12, 1],
    ["!dut x", `unexpected "x": separate requirements with ","`, 5, 1],
    [",board=x", `unexpected ",": expected a requirement such as board=rcar-s4`, 0, 1],
    ["board=x,,site=y", `unexpected ","`, 8, 1],
    [",", `unexpected ","`, 0, 1],
    ["board=x,", `trailing ",": add a requirement after it`, 7, 1],
    ["board=x , ", `trailing ","`, 8, 1],
    ["=x", `expected a label key before "=", e.g. board=rcar-s4`, 0, 1],
    ["!=x", `expected a label key before "!="`, 0, 2],
    ["!", `expected a label key after "!"`, 1, 0],
    ["!,a", `expected a label key after "!" (e.g. !reserved, for boards without that label), found ","`, 1, 1],
    ["!!board", `expected a label key before "!!"`, 0, 2],
    ["!board=x", `"!board" means the label is absent and takes no value; for "not equal" write board!=value`, 0, 6],
    ["!board in (a)", `"!board" means the label is absent`, 0, 6],
    ["(a)", `unexpected "(": expected a label key`, 0, 1],
    ["a=b)", `unexpected ")": there is no list to close`, 3, 1],
    ["a)", `unexpected ")": there is no list to close`, 1, 1],
    ["a=b(", `unexpected "(": a list of values must follow "in" or "notin"`, 3, 1],
    ["site in (a))", `unexpected ")": there is no list to close`, 11, 1],
    ["in (a)", `expected a label key before "in", e.g. site in (bcn,brno)`, 0, 2],
    ["board name=x", `expected an operator after "board"`, 6, 4],
    ["bo@rd=x", `label key "bo@rd" is invalid`, 0, 5],
    ["Jumpstarter.dev/name=x", `label key prefix "Jumpstarter.dev" is invalid`, 0, 20],
    ["a/b/c", `at most one '/'`, 0, 5],
    ["board=rcar_s4_", `label value "rcar_s4_" is invalid: use at most 63 letters`, 6, 8],
    ["board=a/b", `label value "a/b" is invalid`, 6, 3],
    [`board=${"x".repeat(64)}`, "is too long (64 characters)", 6, 64],
    ["board=\"rcar\"", `label value ""rcar"" is invalid`, 6, 6],
  ])("%j", (text, fragment, position, length) => {
    const result = parseSelector(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain(fragment);
    expect({ position: result.error.position, length: result.error.length }).toEqual({ position, length });
    // The underline stays inside the text (or sits at its very end).
    expect(result.error.position + result.error.length).toBeLessThanOrEqual(text.length);
  });

  it("states the column in one-line form", () => {
    const result = parseSelector("board=x,,y");
    expect(result.ok ? "" : selectorErrorText(result.error)).toBe(
      `unexpected ",": expected a requirement such as board=rcar-s4 before it (at column 9)`,
    );
  });
});

describe("matchesSelector", () => {
  const labels = { board: "rcar-s4", site: "bcn", "jumpstarter.dev/name": "rcar-s4-01", empty: "", ram: "8" };
  it.each<[string, boolean]>([
    ["", true],
    ["board=rcar-s4", true],
    ["board==rcar-s4", true],
    ["board=rcar-s3", false],
    ["board=RCAR-S4", false],
    ["board!=rcar-s4", false],
    ["board!=rcar-s3", true],
    ["missing!=x", true],
    ["missing=x", false],
    ["site in (bcn,brno)", true],
    ["site in (brno)", false],
    ["missing in (x)", false],
    ["site notin (bcn)", false],
    ["site notin (brno,tlv)", true],
    ["missing notin (x)", true],
    ["board", true],
    ["missing", false],
    ["!board", false],
    ["!missing", true],
    ["jumpstarter.dev/name=rcar-s4-01", true],
    ["jumpstarter.dev/name in (other,rcar-s4-01)", true],
    ["jumpstarter.dev/name", true],
    ["!jumpstarter.dev/name", false],
    ["name=rcar-s4-01", false],
    ["empty=", true],
    ["empty", true],
    ["missing=", false],
    ["empty!=", false],
    ["board!=", true],
    ["board=rcar-s4,site=bcn", true],
    ["board=rcar-s4,site=brno", false],
    ["board=rcar-s4,!jumpstarter.dev/lease-ended", true],
    // [F1] k>N / k<N compare whole numbers; a missing or non-numeric label never matches.
    ["ram>4", true],
    ["ram>8", false],
    ["ram<9", true],
    ["ram<8", false],
    ["board>1", false],
    ["missing<100", false],
  ])("%j -> %s", (text, expected) => {
    expect(matchesSelector(parsed(text), labels)).toBe(expected);
  });

  it("does not see inherited object properties as labels", () => {
    expect(matchesSelector(parsed("constructor"), {})).toBe(false);
    expect(matchesSelector(parsed("!toString"), {})).toBe(true);
  });
});

describe("formatSelector", () => {
  it.each<[string, string]>([
    ["", ""],
    ["site in (brno,bcn),board=rcar-s4", "board=rcar-s4,site in (bcn,brno)"],
    ["board!=x", "board notin (x)"],
    ["board==x", "board=x"],
    ["board = x", "board=x"],
    ["site in (b,a,b,a)", "site in (a,b)"],
    ["site notin(z, y)", "site notin (y,z)"],
    ["b,a,!c", "a,b,!c"],
    ["site notin (x),site=bcn", "site=bcn,site notin (x)"],
    ["site in (x),site!=y,site=bcn,site", "site=bcn,site in (x),site notin (y),site"],
    ["a=x,a=x", "a=x"],
    ["a!=x,a notin (x)", "a notin (x)"],
    ["a=x,a=y", "a=x,a=y"],
    ["board!=b,site=x,board!=a", "board notin (a,b),site=x"],
    ["board!=a,board!=a", "board notin (a)"],
    ["board!=,board!=x", "board notin (,x)"],
    ["board!=x,board notin (y)", "board notin (x),board notin (y)"],
    ["board=", "board="],
    ["board!=", "board notin ()"],
    ["jumpstarter.dev/name=x,board=y", "board=y,jumpstarter.dev/name=x"],
    ["B=1,a=2", "B=1,a=2"],
  ])("%j -> %j", (text, expected) => {
    expect(formatSelector(parsed(text))).toBe(expected);
  });

  it.each([
    "site in (brno,bcn),board=rcar-s4",
    "board!=x,!dut,a in (c,b)",
    "board!=,x=",
    "jumpstarter.dev/name notin (b,a),z",
    "board!=b,board!=,board!=a",
  ])("round-trips %j: the normalised text parses to the same normalised selector", (text) => {
    const once = formatSelector(parsed(text));
    expect(formatSelector(parsed(once))).toBe(once);
    expect(normalizeSelector(parsed(once))).toEqual(normalizeSelector(parsed(text)));
  });

  it("does not change what a selector matches", () => {
    const text = "site in (brno,bcn),board!=x,!dut,k,site!=tlv";
    const samples = [
      { site: "bcn", k: "" },
      { site: "bcn", board: "x", k: "" },
      { site: "tlv", k: "" },
      { site: "brno", dut: "1", k: "" },
      { site: "brno", k: "1", board: "y" },
    ];
    const before = samples.map((l) => matchesSelector(parsed(text), l));
    const after = samples.map((l) => matchesSelector(parsed(formatSelector(parsed(text))), l));
    expect(after).toEqual(before);
    expect(before).toEqual([true, false, false, false, true]);
  });
});

describe("leaseSelectorProblem [F4]", () => {
  it.each<[string, string | undefined]>([
    ["board=rcar-s4,site in (bcn,brno)", undefined],
    ["board=a,board=a", undefined],
    ["board!=a,board!=b", undefined],
    ["board==rcar-s4", "unsupported label selector operator: =="],
    ["ram>4", "unsupported label selector operator: gt"],
    ["ram<4", "unsupported label selector operator: lt"],
    ["board=a,board=b", "invalid selector: label board cannot have multiple equality requirements with different values (a and b)"],
  ])("%j -> %j", (text, problem) => {
    expect(leaseSelectorProblem(parsed(text))).toBe(problem);
  });
});

describe("equalityLabels and isEmptySelector", () => {
  it.each<[string, Record<string, string>]>([
    ["", {}],
    ["board=rcar-s4,site in (bcn),x!=y,!z,w", { board: "rcar-s4" }],
    ["board==a,jumpstarter.dev/name=b", { board: "a", "jumpstarter.dev/name": "b" }],
    ["a=1,a=2", { a: "2" }],
    ["a=", { a: "" }],
  ])("%j -> %j", (text, labels) => {
    expect(equalityLabels(parsed(text))).toEqual(labels);
  });

  it.each<[string, boolean]>([
    ["", true],
    ["  ", true],
    ["a", false],
  ])("isEmptySelector(%j) = %s", (text, expected) => {
    expect(isEmptySelector(parsed(text))).toBe(expected);
  });
});
