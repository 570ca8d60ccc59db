// PatternFly's toolbar (the elements and classes of its <Toolbar>,
// <ToolbarContent>, <ToolbarGroup> and <ToolbarItem>, for the props the
// portal uses). PatternFly's Toolbar brings a table of every modifier class
// (14 KB of script), a filter-chip area that listens to every resize (105 ms
// of a throttled phone's first paint) and, through the page's measured
// width, a redraw whenever it crosses a breakpoint. Here the classes carry
// the breakpoints and the stylesheet's media queries apply them (issue 13).
import "@patternfly/react-styles/css/components/Toolbar/toolbar.css";
import type { ReactNode } from "react";
import { modifierClasses } from "@/components/flex-classes";
import { joinClasses } from "@/components/join-classes";

/** A value per breakpoint, as PatternFly's toolbar props take them. */
type PerBreakpoint<T extends string> = Readonly<Partial<Record<"default" | "md" | "lg" | "xl" | "2xl", T>>>;
type Visibility = PerBreakpoint<"hidden" | "visible">;
type Align = PerBreakpoint<"alignStart" | "alignCenter" | "alignEnd">;
/** PatternFly's larger gaps (gap_2xl...) are spelt otherwise; the portal's toolbars use none of them. */
type Gap = PerBreakpoint<"gapNone" | "gapXs" | "gapSm" | "gapMd" | "gapLg" | "gapXl">;

function classes(base: string, modifiers: readonly (string | false | undefined)[], className: string | undefined): string {
  return joinClasses(base, ...modifiers, className);
}

/** PatternFly's modifier names follow the same rule for toolbars as for flex layouts (flex-classes.ts). */
function breakpointClasses(mods: PerBreakpoint<string> | undefined): string {
  // "visible" has no class of its own: it undoes "hidden" from a breakpoint on (pf-m-visible-on-md).
  return modifierClasses(mods)
    .filter((c) => c !== "pf-m-visible")
    .join(" ");
}

type AlignItems = "start" | "center" | "baseline";

function alignItemsClass(alignItems: AlignItems | undefined): string | undefined {
  return alignItems === undefined ? undefined : `pf-m-align-items-${alignItems}`;
}

interface ToolbarPartProps {
  readonly className?: string;
  readonly children?: ReactNode;
}

export interface ToolbarProps extends ToolbarPartProps {
  readonly id?: string;
  /** As tall as its container (a masthead's). */
  readonly isFullHeight?: boolean;
  /** Not positioned (a masthead's): no expandable content to lay over what follows. */
  readonly isStatic?: boolean;
}

export function Toolbar({ id, isFullHeight = false, isStatic = false, className, children }: ToolbarProps) {
  return (
    <div className={classes("pf-v6-c-toolbar", [isFullHeight && "pf-m-full-height", isStatic && "pf-m-static"], className)} id={id}>
      {children}
    </div>
  );
}

export interface ToolbarContentProps extends ToolbarPartProps {
  readonly alignItems?: AlignItems;
}

export function ToolbarContent({ alignItems, className, children }: ToolbarContentProps) {
  return (
    <div className={classes("pf-v6-c-toolbar__content", [], className)}>
      <div className={classes("pf-v6-c-toolbar__content-section", [alignItemsClass(alignItems)], undefined)}>{children}</div>
    </div>
  );
}

export interface ToolbarGroupProps extends ToolbarPartProps {
  readonly variant?: "filter-group" | "action-group" | "action-group-plain" | "action-group-inline" | "label-group";
  /** e.g. { default: "hidden", md: "visible" } */
  readonly visibility?: Visibility;
  /** e.g. { default: "alignEnd" }: pushed to the end of the line. */
  readonly align?: Align;
  /** e.g. { default: "gapMd" } */
  readonly gap?: Gap;
  readonly alignItems?: AlignItems;
}

export function ToolbarGroup({ variant, visibility, align, gap, alignItems, className, children }: ToolbarGroupProps) {
  const mods = [variant === undefined ? undefined : `pf-m-${variant}`, breakpointClasses(visibility), breakpointClasses(align), breakpointClasses(gap), alignItemsClass(alignItems)];
  return <div className={classes("pf-v6-c-toolbar__group", mods, className)}>{children}</div>;
}

export interface ToolbarItemProps extends ToolbarPartProps {
  /** e.g. { default: "hidden", md: "visible" }: shown from PatternFly's md breakpoint on. */
  readonly visibility?: Visibility;
  readonly align?: Align;
  readonly alignItems?: AlignItems;
}

export function ToolbarItem({ visibility, align, alignItems, className, children }: ToolbarItemProps) {
  const mods = [breakpointClasses(visibility), breakpointClasses(align), alignItemsClass(alignItems)];
  return <div className={classes("pf-v6-c-toolbar__item", mods, className)}>{children}</div>;
}
