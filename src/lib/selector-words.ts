// One wording for a label selector that does not parse, wherever one is
// typed (the exporters filter, the new-lease form): the parser's sentence,
// capitalised, with the column it points at shown by <SelectorPointer>.
import type { SelectorError } from "@/domain/selector";

/** "Missing ")" to close the list started at column 23." */
export function selectorProblemText(error: SelectorError): string {
  const text = error.message.trim().replace(/\.$/, "");
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The example both selector fields show as their placeholder: clearly an example, not an applied filter. */
export const SELECTOR_PLACEHOLDER = "e.g. board=rcar-s4";
