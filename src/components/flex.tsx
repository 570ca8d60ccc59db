// PatternFly's flex layout (the same elements and classes as its <Flex> and
// <FlexItem>, for the props the portal uses) without its table of class
// names: see flex-classes.ts.
import "@patternfly/react-styles/css/layouts/Flex/flex.css";
import type { HTMLAttributes } from "react";
import { modifierClasses, type Breakpoints } from "@/components/flex-classes";
import { joinClasses } from "@/components/join-classes";

export interface FlexProps extends HTMLAttributes<HTMLDivElement> {
  readonly gap?: Breakpoints;
  readonly alignItems?: Breakpoints;
  readonly justifyContent?: Breakpoints;
  readonly flexWrap?: Breakpoints;
}

export interface FlexItemProps extends HTMLAttributes<HTMLDivElement> {
  readonly grow?: Breakpoints;
}

function classes(base: string, mods: readonly (Breakpoints | undefined)[], className: string | undefined): string {
  return joinClasses(base, ...mods.flatMap(modifierClasses), className);
}

export function Flex({ gap, alignItems, justifyContent, flexWrap, className, ...rest }: FlexProps) {
  return <div {...rest} className={classes("pf-v6-l-flex", [alignItems, justifyContent, flexWrap, gap], className)} />;
}

export function FlexItem({ grow, className, ...rest }: FlexItemProps) {
  return <div {...rest} className={classes("", [grow], className).trim()} />;
}
