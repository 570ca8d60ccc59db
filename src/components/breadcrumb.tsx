// PatternFly's breadcrumb (its <Breadcrumb> and <BreadcrumbItem> markup:
// the labelled nav, the list, the dividers, the current page) without its
// OUIA ids and class map (issue 13).
import "@patternfly/react-styles/css/components/Breadcrumb/breadcrumb.css";
import RhMicronsCaretRightIcon from "@patternfly/react-icons/dist/esm/icons/rh-microns-caret-right-icon";
import { Children, cloneElement, isValidElement, type ComponentProps, type ComponentType, type ReactNode } from "react";

export function Breadcrumb({ "aria-label": ariaLabel = "Breadcrumb", children }: { readonly "aria-label"?: string; readonly children?: ReactNode }) {
  return (
    <nav aria-label={ariaLabel} className="pf-v6-c-breadcrumb">
      <ol className="pf-v6-c-breadcrumb__list" role="list">
        {Children.map(children, (child, index) => (isValidElement<BreadcrumbItemProps>(child) ? cloneElement(child, { showDivider: index > 0 }) : child))}
      </ol>
    </nav>
  );
}

export interface BreadcrumbItemProps {
  /** Where the item leads; the current page has none. */
  readonly to?: string;
  /** The link's element: an anchor, or a component that renders one (RouterAnchor). */
  readonly component?: "a" | ComponentType<ComponentProps<"a">>;
  /** The current page (aria-current). */
  readonly isActive?: boolean;
  /** Set by Breadcrumb: every item after the first. */
  readonly showDivider?: boolean;
  readonly children?: ReactNode;
}

export function BreadcrumbItem({ to, component: Link = "a", isActive = false, showDivider = false, children }: BreadcrumbItemProps) {
  return (
    <li className="pf-v6-c-breadcrumb__item">
      {showDivider && (
        <span className="pf-v6-c-breadcrumb__item-divider">
          <RhMicronsCaretRightIcon />
        </span>
      )}
      {to === undefined ? (
        children
      ) : (
        <Link href={to} className={isActive ? "pf-v6-c-breadcrumb__link pf-m-current" : "pf-v6-c-breadcrumb__link"} aria-current={isActive ? "page" : undefined}>
          {children}
        </Link>
      )}
    </li>
  );
}
