// PatternFly's description list (its <DescriptionList> family markup: terms
// and descriptions in their text wrappers) for the detail pages' compact
// horizontal lists, without its grid and breakpoint options (issue 13).
import "@patternfly/react-styles/css/components/DescriptionList/description-list.css";
import type { ReactNode } from "react";

interface Part {
  readonly className?: string;
  readonly children?: ReactNode;
}

const withClass = (base: string, className: string | undefined): string => (className === undefined || className === "" ? base : `${base} ${className}`);

export function DescriptionList({ isHorizontal = false, isCompact = false, className, children }: Part & { readonly isHorizontal?: boolean; readonly isCompact?: boolean }) {
  const classes = ["pf-v6-c-description-list", ...(isHorizontal ? ["pf-m-horizontal"] : []), ...(isCompact ? ["pf-m-compact"] : [])].join(" ");
  return <dl className={withClass(classes, className)}>{children}</dl>;
}

export function DescriptionListGroup({ className, children }: Part) {
  return <div className={withClass("pf-v6-c-description-list__group", className)}>{children}</div>;
}

export function DescriptionListTerm({ className, children }: Part) {
  return (
    <dt className={withClass("pf-v6-c-description-list__term", className)}>
      <span className="pf-v6-c-description-list__text">{children}</span>
    </dt>
  );
}

export function DescriptionListDescription({ className, children }: Part) {
  return (
    <dd className={withClass("pf-v6-c-description-list__description", className)}>
      <div className="pf-v6-c-description-list__text">{children}</div>
    </dd>
  );
}
