import { ClipboardCopy as PfClipboardCopy } from "@patternfly/react-core/dist/esm/components/ClipboardCopy/ClipboardCopy.js";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ClipboardCopy } from "@/components/clipboard-copy";
import { withoutOuia } from "@/components/testing/without-ouia";

/**
 * PatternFly's markup without its OUIA test attributes and its generated ids
 * (text-input-N, copy-button-N: nothing refers to them).
 */
function comparable(html: string): string {
  return withoutOuia(html).replace(/ id="(text-input|copy-button)-[^"]*"/g, "");
}

describe("ClipboardCopy", () => {
  it("draws what PatternFly's read-only ClipboardCopy draws, before any hover", () => {
    const ours = renderToStaticMarkup(
      <ClipboardCopy text="jmp shell --lease 0193" textAriaLabel="Command to open a shell on the board" copyAriaLabel="Copy the command" hoverTip="Copy the command" clickTip="Copied" />,
    );
    const theirs = renderToStaticMarkup(
      <PfClipboardCopy isReadOnly isCode hoverTip="Copy the command" clickTip="Copied" copyAriaLabel="Copy the command" textAriaLabel="Command to open a shell on the board">
        jmp shell --lease 0193
      </PfClipboardCopy>,
    );
    expect(comparable(ours)).toBe(comparable(theirs));
  });
});
