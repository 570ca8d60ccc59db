// PatternFly's flex layout class names, made from the same props as its
// <Flex> and <FlexItem> (flex.tsx). PatternFly's components look each
// modifier up in a table of every modifier at every breakpoint (22 KB of
// script on each page that lays anything out with them; issue 13); the
// names follow one rule, applied here.

/** A value per breakpoint, as PatternFly's layout props take them. */
export type Breakpoints = Readonly<Partial<Record<"default" | "sm" | "md" | "lg" | "xl" | "2xl", string>>>;

function kebab(camel: string): string {
  return camel.replace(/([a-z])([A-Z0-9])/g, "$1-$2").replace(/([0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

/** "pf-m-gap-sm pf-m-gap-md-on-lg" for { default: "gapSm", lg: "gapMd" }. */
export function modifierClasses(mods: Breakpoints | undefined): string[] {
  if (mods === undefined) return [];
  return Object.entries(mods)
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "")
    .map(([breakpoint, mod]) => `pf-m-${kebab(mod)}${breakpoint === "default" ? "" : `-on-${breakpoint}`}`);
}
