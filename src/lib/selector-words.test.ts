import { describe, expect, it } from "vitest";
import { parseSelector } from "@/domain/selector";
import { SELECTOR_PLACEHOLDER, selectorProblemText } from "@/lib/selector-words";

function problem(text: string): string {
  const parsed = parseSelector(text);
  if (parsed.ok) throw new Error(`${text} parses`);
  return selectorProblemText(parsed.error);
}

describe("selectorProblemText", () => {
  it("is the parser's sentence, capitalised and ended, the same on every page", () => {
    expect(problem("board=rcar-s4,site in (bcn")).toBe('Missing ")" to close the list started at column 23.');
    expect(problem("=x")).toBe('Expected a label key before "=", e.g. board=rcar-s4.');
  });
});

describe("SELECTOR_PLACEHOLDER", () => {
  it("reads as an example, not as a filter in force", () => {
    expect(SELECTOR_PLACEHOLDER.startsWith("e.g. ")).toBe(true);
    expect(parseSelector(SELECTOR_PLACEHOLDER.slice("e.g. ".length)).ok).toBe(true);
  });
});
