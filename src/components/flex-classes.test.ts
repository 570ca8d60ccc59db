import { formatBreakpointMods } from "@patternfly/react-core/dist/esm/helpers/util.js";
import styles from "@patternfly/react-styles/css/layouts/Flex/flex";
import { describe, expect, it } from "vitest";
import { modifierClasses, type Breakpoints } from "@/components/flex-classes";

// Every modifier the portal's layouts use, and a few it may: the classes must be PatternFly's own.
const CASES: Breakpoints[] = [
  { default: "gapXs" },
  { default: "gapSm" },
  { default: "gapMd" },
  { default: "gap2xl" },
  { default: "gapSm", md: "gapLg", "2xl": "gapXl" },
  { default: "alignItemsFlexEnd" },
  { default: "alignItemsCenter" },
  { default: "alignItemsBaseline" },
  { default: "justifyContentSpaceBetween" },
  { default: "nowrap" },
  { default: "wrap", lg: "nowrap" },
  { default: "grow" },
  { default: "column", md: "row" },
];

describe("modifierClasses", () => {
  it.each(CASES)("names the classes PatternFly's Flex gives %o", (mods) => {
    expect(modifierClasses(mods).join(" ")).toBe(formatBreakpointMods(mods, styles));
  });

  it("gives nothing for no modifiers", () => {
    expect(modifierClasses(undefined)).toEqual([]);
    expect(modifierClasses({})).toEqual([]);
  });
});
