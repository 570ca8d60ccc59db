// PatternFly's vertical navigation (the elements and classes of its <Nav>,
// a nav list and <NavItem>s whose links navigate client-side). PatternFly's
// NavItem carries flyout menus (the positioning engine, the menu styles)
// and its NavList watches its size for the scroll buttons of a horizontal
// nav: none of it is of use to a sidebar's few links (issue 13).
import "@patternfly/react-styles/css/components/Nav/nav.css";
import type { ReactNode } from "react";
import { RouterAnchor } from "@/components/router-anchor";
import { useSidebar } from "@/components/page-shell/sidebar-context";

export function Nav({ "aria-label": ariaLabel, children }: { readonly "aria-label": string; readonly children: ReactNode }) {
  return (
    <nav className="pf-v6-c-nav" aria-label={ariaLabel}>
      {children}
    </nav>
  );
}

export function NavList({ children }: { readonly children: ReactNode }) {
  return (
    <ul className="pf-v6-c-nav__list" role="list">
      {children}
    </ul>
  );
}

export interface NavItemProps {
  /** The page the item's link goes to. */
  readonly to: string;
  /** The page being shown: marked as current. */
  readonly isActive: boolean;
  readonly children: ReactNode;
}

export function NavItem({ to, isActive, children }: NavItemProps) {
  const { isOpen, navigated } = useSidebar();
  return (
    <li className="pf-v6-c-nav__item">
      <RouterAnchor
        href={to}
        onClick={navigated}
        className={isActive ? "pf-v6-c-nav__link pf-m-current" : "pf-v6-c-nav__link"}
        aria-current={isActive ? "page" : undefined}
        // As PatternFly does: the links of a collapsed sidebar are out of the tab order.
        tabIndex={isOpen ? undefined : -1}
      >
        <span className="pf-v6-c-nav__link-text">{children}</span>
      </RouterAnchor>
    </li>
  );
}
