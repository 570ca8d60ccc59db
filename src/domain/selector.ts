// The Kubernetes label-selector grammar (`board=rcar-s4,site in (bcn,brno)`),
// parsed with positions so an editor can underline the exact problem. The lab
// simulator parses `filter` with the same code, so the browser predicts the
// server's InvalidArgument message word for word.

import { quoteText, validateLabelKey, validateLabelValue } from "./labels.js";

/**
 * "==" is kept apart from "=" (they match alike, but a lease selector refuses
 * "==", spec [F4]); "gt"/"lt" are `k>N`/`k<N` (filters only); "!" means the
 * key must be absent.
 */
export type Operator = "=" | "==" | "!=" | "in" | "notin" | "exists" | "!" | "gt" | "lt";

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  /** One value for "=", "==", "!=", "gt" and "lt", at least one for "in"/"notin", none otherwise. */
  readonly values: readonly string[];
}

export interface Selector {
  readonly requirements: readonly Requirement[];
}

export interface SelectorError {
  readonly message: string;
  /** 0-based offset (UTF-16 code units) into the input where the problem is. */
  readonly position: number;
  /** Characters to underline: at least 1, except 0 at the end of the input. */
  readonly length: number;
}

export type SelectorParse =
  | { readonly ok: true; readonly selector: Selector }
  | { readonly ok: false; readonly error: SelectorError };

/** The selector that matches everything. */
export const EMPTY_SELECTOR: Selector = { requirements: [] };

// ---------------------------------------------------------------------------
// Lexer

type TokenKind = "word" | "op" | "(" | ")" | "," | "end";

interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly pos: number;
}

// Runs of these characters form one operator token, so typos such as "=>",
// "!==" or "~" surface as an unknown operator instead of a strange key.
const OPERATOR_CHARS = "=!<>~";
const PUNCTUATION = "(),";

function isSpace(c: string): boolean {
  return /\s/.test(c);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text.charAt(i);
    if (isSpace(c)) {
      i += 1;
    } else if (PUNCTUATION.includes(c)) {
      tokens.push({ kind: c as "(" | ")" | ",", text: c, pos: i });
      i += 1;
    } else {
      const isOp = OPERATOR_CHARS.includes(c);
      const start = i;
      while (i < text.length) {
        const d = text.charAt(i);
        if (isSpace(d) || PUNCTUATION.includes(d) || OPERATOR_CHARS.includes(d) !== isOp) break;
        i += 1;
      }
      tokens.push({ kind: isOp ? "op" : "word", text: text.slice(start, i), pos: start });
    }
  }
  tokens.push({ kind: "end", text: "", pos: text.length });
  return tokens;
}

// ---------------------------------------------------------------------------
// Parser

class SelectorSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
    readonly length: number,
  ) {
    super(message);
  }
}

function fail(message: string, token: Token): never {
  throw new SelectorSyntaxError(message, token.pos, token.text.length);
}

/** How a token reads inside a message. */
function describe(token: Token): string {
  return token.kind === "end" ? "the end" : quoteText(token.text);
}

const EQUALITY_EXAMPLE: Readonly<Record<string, string>> = {
  "=": "board=rcar-s4",
  "==": "board==rcar-s4",
  "!=": "board!=rcar-s4",
};

function unknownOperator(token: Token): never {
  fail(`unknown operator ${quoteText(token.text)}: use =, ==, !=, in, notin, > or <, or the key alone to require that it exists`, token);
}

/** Kubernetes: the value of `k>N` / `k<N` is a whole number (int64). */
const INTEGER = /^-?\d{1,18}$/;

class Parser {
  private index = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    // The token list always ends with an "end" token, which is never consumed.
    return this.tokens[this.index] ?? this.tokens[this.tokens.length - 1]!;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== "end") this.index += 1;
    return token;
  }

  parse(): Selector {
    const requirements: Requirement[] = [];
    if (this.peek().kind === "end") return EMPTY_SELECTOR;
    for (;;) {
      requirements.push(this.requirement());
      const sep = this.next();
      if (sep.kind === "end") return { requirements };
      if (sep.kind !== ",") this.afterRequirement(sep, requirements[requirements.length - 1]!);
      if (this.peek().kind === "end") {
        fail(`trailing ",": add a requirement after it, e.g. site=bcn, or remove it`, sep);
      }
    }
  }

  /** Something other than "," or the end follows a complete requirement. */
  private afterRequirement(token: Token, previous: Requirement): never {
    if (token.kind === "word") {
      if (previous.operator === "=" || previous.operator === "==" || previous.operator === "!=") {
        fail(`unexpected ${describe(token)}: separate requirements with "," (label values cannot contain spaces)`, token);
      }
      fail(`unexpected ${describe(token)}: separate requirements with ","`, token);
    }
    if (token.kind === ")") fail(`unexpected ")": there is no list to close`, token);
    if (token.kind === "(") fail(`unexpected "(": a list of values must follow "in" or "notin"`, token);
    fail(`unexpected ${describe(token)}: separate requirements with ","`, token);
  }

  private key(token: Token): string {
    const message = validateLabelKey(token.text);
    if (message !== undefined) fail(message, token);
    return token.text;
  }

  private requirement(): Requirement {
    const first = this.next();
    switch (first.kind) {
      case "word":
        return this.afterKey(first);
      case "op":
        if (first.text === "!") return this.doesNotExist(first);
        return fail(`expected a label key before ${describe(first)}, e.g. board=rcar-s4`, first);
      case ",":
        return fail(`unexpected ",": expected a requirement such as board=rcar-s4 before it`, first);
      case "(":
      case ")":
        return fail(`unexpected ${describe(first)}: expected a label key, e.g. site in (bcn,brno)`, first);
      case "end":
        // Only reachable after a ",", which parse() reports as trailing.
        return fail(`expected a requirement such as board=rcar-s4`, first);
    }
  }

  private doesNotExist(bang: Token): Requirement {
    const keyToken = this.next();
    if (keyToken.kind !== "word") {
      fail(`expected a label key after "!" (e.g. !reserved, for boards without that label), found ${describe(keyToken)}`, keyToken);
    }
    const key = this.key(keyToken);
    const after = this.peek();
    if (after.kind === "op" || (after.kind === "word" && (after.text === "in" || after.text === "notin"))) {
      fail(`"!${key}" means the label is absent and takes no value; for "not equal" write ${key}!=value`, {
        kind: "op",
        text: bang.text + keyToken.text,
        pos: bang.pos,
      });
    }
    return { key, operator: "!", values: [] };
  }

  private afterKey(keyToken: Token): Requirement {
    const op = this.peek();
    // The Kubernetes lexer reads "in" and "notin" as operators wherever a key is expected.
    if (keyToken.text === "in" || keyToken.text === "notin") {
      fail(`expected a label key before "${keyToken.text}", e.g. site ${keyToken.text} (bcn,brno)`, keyToken);
    }
    const key = this.key(keyToken);
    switch (op.kind) {
      case "end":
      case ",":
        return { key, operator: "exists", values: [] };
      case "op":
        this.next();
        if (op.text === "=" || op.text === "==" || op.text === "!=") {
          return { key, operator: op.text, values: [this.exactValue(op)] };
        }
        if (op.text === ">" || op.text === "<") {
          return { key, operator: op.text === ">" ? "gt" : "lt", values: [this.integerValue(op)] };
        }
        return unknownOperator(op);
      case "word":
        this.next();
        if (op.text === "in" || op.text === "notin") {
          return { key, operator: op.text, values: this.valueList(op) };
        }
        if (op.text.toLowerCase() === "in" || op.text.toLowerCase() === "notin") {
          return fail(`write the operator ${quoteText(op.text)} in lowercase: ${op.text.toLowerCase()}`, op);
        }
        return fail(`expected an operator after ${quoteText(key)} (=, ==, !=, in, notin, >, <) or ",", found ${describe(op)}`, op);
      case "(":
        return fail(`expected "in" or "notin" before "(", e.g. ${key} in (a,b)`, op);
      case ")":
        return fail(`unexpected ")": there is no list to close`, op);
    }
  }

  /** The value after "=", "==" or "!=": may be empty, as in Kubernetes. */
  private exactValue(op: Token): string {
    const token = this.peek();
    if (token.kind === "end" || token.kind === ",") return "";
    if (token.kind !== "word") {
      fail(`expected a value after "${op.text}" (e.g. ${EQUALITY_EXAMPLE[op.text] ?? "board=rcar-s4"})`, token);
    }
    this.next();
    return this.value(token);
  }

  /** The whole number after ">" or "<". */
  private integerValue(op: Token): string {
    const token = this.peek();
    if (token.kind !== "word" || !INTEGER.test(token.text)) {
      fail(`expected a whole number after "${op.text}" (e.g. ram${op.text}4): ${op.text} compares numbers`, token.kind === "word" ? token : op);
    }
    this.next();
    return token.text;
  }

  private value(token: Token): string {
    const message = validateLabelValue(token.text);
    if (message !== undefined) fail(message, token);
    return token.text;
  }

  /**
   * "(" value ("," value)* ")" after "in" or "notin". As in the Kubernetes
   * parser, an empty list or an empty slot between commas is the empty value:
   * `k in ()` is `k in ("")`, `(a,)` is `a` and `""`.
   */
  private valueList(op: Token): string[] {
    const open = this.next();
    if (open.kind !== "(") {
      fail(`"${op.text}" needs a list of values in parentheses, e.g. site ${op.text} (bcn,brno)`, open);
    }
    const column = open.pos + 1;
    const unclosed = (token: Token): never => fail(`missing ")" to close the list started at column ${column}`, token);
    const values: string[] = [];
    for (;;) {
      // Expecting a value (possibly empty).
      let token = this.next();
      if (token.kind === "word") {
        values.push(this.value(token));
        token = this.next();
      } else {
        values.push("");
      }
      // Expecting "," or ")".
      if (token.kind === ")") return [...new Set(values)];
      if (token.kind === "end") unclosed(token);
      if (token.kind === "word") fail(`unexpected ${describe(token)}: separate values with ","`, token);
      if (token.kind !== ",") {
        fail(`unexpected ${describe(token)} in the list started at column ${column}: separate values with "," and close the list with ")"`, token);
      }
    }
  }
}

/** Parses a Kubernetes label selector; empty or blank text is the empty selector. */
export function parseSelector(text: string): SelectorParse {
  try {
    return { ok: true, selector: new Parser(tokenize(text)).parse() };
  } catch (e) {
    if (e instanceof SelectorSyntaxError) {
      return { ok: false, error: { message: e.message, position: e.position, length: e.length } };
    }
    throw e;
  }
}

/** One line for logs and gRPC status messages: the message and its column. */
export function selectorErrorText(error: SelectorError): string {
  return `${error.message} (at column ${error.position + 1})`;
}

// ---------------------------------------------------------------------------
// Matching and normalisation

function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case "=":
    case "==":
      return has && value === r.values[0];
    case "gt":
    case "lt": {
      // Kubernetes: the label must hold a whole number; otherwise the object does not match.
      if (!has || value === undefined || !INTEGER.test(value)) return false;
      const n = BigInt(value);
      const bound = BigInt(r.values[0] ?? "0");
      return r.operator === "gt" ? n > bound : n < bound;
    }
    case "in":
      return has && value !== undefined && r.values.includes(value);
    // Kubernetes: "not equal" and "not in" also match objects without the key.
    case "!=":
      return !has || value !== r.values[0];
    case "notin":
      return !has || value === undefined || !r.values.includes(value);
    case "exists":
      return has;
    case "!":
      return !has;
  }
}

/** Kubernetes semantics: every requirement must hold (the empty selector matches all). */
export function matchesSelector(selector: Selector, labels: Readonly<Record<string, string>>): boolean {
  return selector.requirements.every((r) => requirementMatches(r, labels));
}

function compareStrings(a: string, b: string): number {
  // Code-unit order, as Go sorts strings; keys and values are ASCII.
  return a < b ? -1 : a > b ? 1 : 0;
}

function sameRequirement(a: Requirement, b: Requirement): boolean {
  return a.key === b.key && a.operator === b.operator && a.values.length === b.values.length && a.values.every((v, i) => v === b.values[i]);
}

/**
 * The "!=" terms of one key as a single "notin" (`a!=x,a!=y` is `a notin (x,y)`,
 * as the controller stores it), at the place of the first one; `a!=` is
 * `a notin ()`, the empty value.
 */
function mergeNotEqual(requirements: readonly Requirement[]): Requirement[] {
  const valuesByKey = new Map<string, string[]>();
  const merged: Requirement[] = [];
  for (const r of requirements) {
    const value = r.values[0] ?? "";
    if (r.operator !== "!=") {
      merged.push(r);
      continue;
    }
    const values = valuesByKey.get(r.key);
    if (values !== undefined) {
      values.push(value);
      continue;
    }
    const fresh = [value];
    valuesByKey.set(r.key, fresh);
    merged.push({ key: r.key, operator: "notin", values: fresh });
  }
  return merged;
}

/**
 * The selector as the controller reports it: "!=" becomes "notin" (one per
 * key), set values sorted and de-duplicated, requirements sorted by key
 * (stable, "=" terms first for equal keys, as Kubernetes lists matchLabels
 * before matchExpressions), exact duplicates dropped.
 */
export function normalizeSelector(selector: Selector): Selector {
  const normalised = mergeNotEqual(selector.requirements).map((r): Requirement => {
    switch (r.operator) {
      case "!=":
        return { key: r.key, operator: "notin", values: [...r.values] };
      case "in":
      case "notin":
        return { key: r.key, operator: r.operator, values: [...new Set(r.values)].sort(compareStrings) };
      case "==":
        return { key: r.key, operator: "=", values: [...r.values] };
      case "=":
      case "exists":
      case "!":
      case "gt":
      case "lt":
        return r;
    }
  });
  const sorted = normalised
    .map((r, index) => ({ r, index }))
    .sort((a, b) => {
      const byKey = compareStrings(a.r.key, b.r.key);
      if (byKey !== 0) return byKey;
      const byOperator = Number(a.r.operator !== "=") - Number(b.r.operator !== "=");
      return byOperator !== 0 ? byOperator : a.index - b.index;
    })
    .map(({ r }) => r);
  const requirements: Requirement[] = [];
  for (const r of sorted) {
    if (!requirements.some((kept) => sameRequirement(kept, r))) requirements.push(r);
  }
  return { requirements };
}

/** One requirement in selector syntax, as written (no normalisation). */
export function formatRequirement(r: Requirement): string {
  switch (r.operator) {
    case "=":
      return `${r.key}=${r.values[0] ?? ""}`;
    case "==":
      return `${r.key}==${r.values[0] ?? ""}`;
    case "gt":
      return `${r.key}>${r.values[0] ?? ""}`;
    case "lt":
      return `${r.key}<${r.values[0] ?? ""}`;
    case "!=":
      return `${r.key}!=${r.values[0] ?? ""}`;
    case "in":
    case "notin":
      return `${r.key} ${r.operator} (${r.values.join(",")})`;
    case "exists":
      return r.key;
    case "!":
      return `!${r.key}`;
  }
}

/** The normalised text of a selector; "" for the empty selector. */
export function formatSelector(selector: Selector): string {
  return normalizeSelector(selector).requirements.map(formatRequirement).join(",");
}

/** The "=" (and "==") terms as labels (a lease's own labels); a later term wins on repeats. */
export function equalityLabels(selector: Selector): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const r of selector.requirements) {
    if (r.operator === "=" || r.operator === "==") labels[r.key] = r.values[0] ?? "";
  }
  return labels;
}

/**
 * What the controller refuses in a lease selector that parses (spec [F4]):
 * "==", ">" and "<", and two "=" terms giving one key different values. The
 * texts are the controller's own.
 */
export function leaseSelectorProblem(selector: Selector): string | undefined {
  const wanted = new Map<string, string>();
  for (const r of selector.requirements) {
    if (r.operator === "==" || r.operator === "gt" || r.operator === "lt") return `unsupported label selector operator: ${r.operator}`;
    if (r.operator !== "=") continue;
    const value = r.values[0] ?? "";
    const earlier = wanted.get(r.key);
    if (earlier !== undefined && earlier !== value) {
      return `invalid selector: label ${r.key} cannot have multiple equality requirements with different values (${earlier} and ${value})`;
    }
    wanted.set(r.key, value);
  }
  return undefined;
}

export function isEmptySelector(selector: Selector): boolean {
  return selector.requirements.length === 0;
}
