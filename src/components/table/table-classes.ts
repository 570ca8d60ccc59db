// The class lists PatternFly's Table, Tr, Th and Td put on their elements, for
// the props the portal uses (pure, so the markup test and the components agree).
import { joinClasses } from "@/components/join-classes";

/** PatternFly's gridBreakPoint: below it the table reads as one card per row ("" never does). */
export type GridBreakpoint = "" | "grid-md" | "grid-lg";
/** PatternFly's cell modifiers the portal uses. */
export type CellModifier = "wrap" | "nowrap";

export interface TableClassOptions {
  readonly className?: string | undefined;
  readonly gridBreakPoint: GridBreakpoint;
  readonly variant?: "compact" | undefined;
  readonly isStickyHeader?: boolean | undefined;
}

const modifier = (name: string | undefined): string | undefined => (name === undefined || name === "" ? undefined : `pf-m-${name}`);

export function tableClasses({ className, gridBreakPoint, variant, isStickyHeader = false }: TableClassOptions): string {
  return joinClasses(className, "pf-v6-c-table", modifier(gridBreakPoint), modifier(variant), isStickyHeader && "pf-m-sticky-header");
}

export function thClasses(className: string | undefined, cellModifier: CellModifier | undefined): string {
  return joinClasses("pf-v6-c-table__th", className, modifier(cellModifier));
}

export function tdClasses(className: string | undefined, isActionCell: boolean, cellModifier: CellModifier | undefined): string {
  return joinClasses("pf-v6-c-table__td", className, isActionCell && "pf-v6-c-table__action", modifier(cellModifier));
}
