// PatternFly's page sidebar (its <PageSidebar> in a managed page, and
// <PageSidebarBody>), open or collapsed as the page's sidebar state says.
import "@patternfly/react-styles/css/components/Page/page.css";
import type { ReactNode } from "react";
import { useSidebar } from "@/components/page-shell/sidebar-context";
import { joinClasses } from "@/components/join-classes";

export interface PageSidebarProps {
  readonly id?: string;
  readonly className?: string;
  readonly children?: ReactNode;
}

/** The id PatternFly gives the sidebar, which the toggle button names as what it controls. */
export const PAGE_SIDEBAR_ID = "page-sidebar";

export function PageSidebar({ id = PAGE_SIDEBAR_ID, className, children }: PageSidebarProps) {
  const { isOpen, isNarrow } = useSidebar();
  const classes = joinClasses("pf-v6-c-page__sidebar", isOpen && isNarrow && "pf-m-expanded", !isOpen && "pf-m-collapsed", className);
  return (
    // Collapsed, PatternFly hides it from screen readers; inert takes its links out of the tab order too.
    <div id={id} className={classes} aria-hidden={!isOpen} inert={!isOpen}>
      <div className="pf-v6-c-page__sidebar-main">{children}</div>
    </div>
  );
}

export interface PageSidebarBodyProps {
  /** false: as tall as its content, the rest of the sidebar going to the bodies before it. */
  readonly isFilled?: boolean;
  readonly className?: string;
  readonly children?: ReactNode;
}

export function PageSidebarBody({ isFilled, className, children }: PageSidebarBodyProps) {
  const classes = joinClasses("pf-v6-c-page__sidebar-body", isFilled === false && "pf-m-no-fill", isFilled === true && "pf-m-fill", className);
  return <div className={classes}>{children}</div>;
}
