import { Toolbar as PfToolbar } from "@patternfly/react-core/dist/esm/components/Toolbar/Toolbar.js";
import { ToolbarContent as PfToolbarContent } from "@patternfly/react-core/dist/esm/components/Toolbar/ToolbarContent.js";
import { ToolbarGroup as PfToolbarGroup } from "@patternfly/react-core/dist/esm/components/Toolbar/ToolbarGroup.js";
import { ToolbarItem as PfToolbarItem } from "@patternfly/react-core/dist/esm/components/Toolbar/ToolbarItem.js";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem, type ToolbarGroupProps, type ToolbarItemProps } from "@/components/toolbar/toolbar";
import { withoutOuia } from "@/components/testing/without-ouia";

/**
 * PatternFly's markup without what ours leaves out: its OUIA test attributes,
 * the id it makes up, and the (hidden, empty) area for filter chips.
 */
function withoutExtras(html: string): string {
  return withoutOuia(html)
    .replace(/ id="pf-random-id-[^"]*"/g, "")
    .replace('<div class="pf-v6-c-toolbar__content pf-m-hidden" hidden=""><div class="pf-v6-c-toolbar__group"></div></div>', "");
}

const GROUPS: ToolbarGroupProps[] = [
  { align: { default: "alignEnd" }, gap: { default: "gapMd" }, alignItems: "center" },
  { variant: "action-group", visibility: { default: "hidden", lg: "visible" } },
  { align: { default: "alignStart", md: "alignEnd" }, gap: { default: "gapSm", "2xl": "gapLg" }, className: "mine" },
];

const ITEMS: ToolbarItemProps[] = [
  {},
  { visibility: { default: "hidden", md: "visible" } },
  { visibility: { default: "visible", md: "hidden" }, alignItems: "baseline" },
  { align: { default: "alignEnd" }, className: "portal-x" },
];

describe("Toolbar", () => {
  it("draws what PatternFly's masthead toolbar draws", () => {
    const theirs = renderToStaticMarkup(
      <PfToolbar isFullHeight isStatic>
        <PfToolbarContent>
          <PfToolbarGroup align={{ default: "alignEnd" }} gap={{ default: "gapMd" }} alignItems="center">
            <PfToolbarItem visibility={{ default: "hidden", md: "visible" }}>Who</PfToolbarItem>
            <PfToolbarItem>Sign out</PfToolbarItem>
          </PfToolbarGroup>
        </PfToolbarContent>
      </PfToolbar>,
    );
    const ours = renderToStaticMarkup(
      <Toolbar isFullHeight isStatic>
        <ToolbarContent>
          <ToolbarGroup align={{ default: "alignEnd" }} gap={{ default: "gapMd" }} alignItems="center">
            <ToolbarItem visibility={{ default: "hidden", md: "visible" }}>Who</ToolbarItem>
            <ToolbarItem>Sign out</ToolbarItem>
          </ToolbarGroup>
        </ToolbarContent>
      </Toolbar>,
    );
    expect(ours).toContain("pf-m-hidden pf-m-visible-on-md");
    expect(ours).toBe(withoutExtras(theirs));
  });

  it("draws a plain toolbar and content as PatternFly does", () => {
    const theirs = renderToStaticMarkup(
      <PfToolbar id="filters" className="x">
        <PfToolbarContent alignItems="start" className="y">
          text
        </PfToolbarContent>
      </PfToolbar>,
    );
    const ours = renderToStaticMarkup(
      <Toolbar id="filters" className="x">
        <ToolbarContent alignItems="start" className="y">
          text
        </ToolbarContent>
      </Toolbar>,
    );
    expect(ours).toBe(withoutExtras(theirs));
  });

  it.each(GROUPS)("draws PatternFly's toolbar group for %o", (props) => {
    expect(renderToStaticMarkup(<ToolbarGroup {...props}>g</ToolbarGroup>)).toBe(renderToStaticMarkup(<PfToolbarGroup {...props}>g</PfToolbarGroup>));
  });

  it.each(ITEMS)("draws PatternFly's toolbar item for %o", (props) => {
    expect(renderToStaticMarkup(<ToolbarItem {...props}>i</ToolbarItem>)).toBe(renderToStaticMarkup(<PfToolbarItem {...props}>i</PfToolbarItem>));
  });
});
