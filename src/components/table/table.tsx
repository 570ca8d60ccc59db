// PatternFly's table (the same elements, classes, roles and data-label as its
// react-table Table/Thead/Tbody/Tr/Th/Td) for the props the portal uses.
// PatternFly's Td imports its actions column, and with it Dropdown, Menu and
// the Popper engine (~20 KB minified) that no portal table uses (issue 13).
// Left out on purpose: PatternFly's Th and Td measure themselves on mount and
// show a tooltip when their text is cut off; the portal's cells wrap instead.
import "@patternfly/react-styles/css/components/Table/table.css";
import "@patternfly/react-styles/css/components/Table/table-grid.css";
import "@patternfly/react-styles/css/utilities/Accessibility/accessibility.css";
import type { HTMLAttributes, ReactNode, TableHTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { tableClasses, tdClasses, thClasses, type CellModifier, type GridBreakpoint } from "@/components/table/table-classes";
import { joinClasses } from "@/components/join-classes";

export interface TableProps extends TableHTMLAttributes<HTMLTableElement> {
  readonly "aria-label": string;
  readonly variant?: "compact";
  /** Below this width each row reads as a card with its cells labelled (PatternFly's default: grid-md). */
  readonly gridBreakPoint?: GridBreakpoint;
  readonly isStickyHeader?: boolean;
}

export function Table({ "aria-label": ariaLabel, role = "grid", className, variant, gridBreakPoint = "grid-md", isStickyHeader, children, ...rest }: TableProps) {
  return (
    <table aria-label={ariaLabel} role={role} className={tableClasses({ className, gridBreakPoint, variant, isStickyHeader })} {...rest}>
      {children}
    </table>
  );
}

export function Thead({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={joinClasses("pf-v6-c-table__thead", className)} {...rest} />;
}

export function Tbody({ className, ...rest }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody role="rowgroup" className={joinClasses("pf-v6-c-table__tbody", className)} {...rest} />;
}

export function Tr({ className, ...rest }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={joinClasses("pf-v6-c-table__tr", className)} {...rest} />;
}

export interface ThProps extends ThHTMLAttributes<HTMLTableCellElement> {
  readonly modifier?: CellModifier;
  /** The header's name for screen readers when it shows nothing (an actions column). */
  readonly screenReaderText?: string;
  readonly dataLabel?: string;
}

export function Th({ modifier, screenReaderText, dataLabel, scope = "col", className, children, ...rest }: ThProps) {
  const shown: ReactNode = children ?? (screenReaderText === undefined ? null : <span className="pf-v6-u-screen-reader">{screenReaderText}</span>);
  return (
    <th tabIndex={-1} data-label={dataLabel} scope={scope} className={thClasses(className, modifier)} {...rest}>
      {shown}
    </th>
  );
}

export interface TdProps extends TdHTMLAttributes<HTMLTableCellElement> {
  /** The column's name, shown beside the cell in the grid (card) layout. */
  readonly dataLabel?: string;
  readonly isActionCell?: boolean;
  readonly modifier?: CellModifier;
}

export function Td({ dataLabel, isActionCell = false, modifier, className, ...rest }: TdProps) {
  return <td tabIndex={-1} data-label={dataLabel} className={tdClasses(className, isActionCell, modifier)} {...rest} />;
}
