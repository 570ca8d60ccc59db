// PatternFly's description list (its <DescriptionList> family markup: terms
// and descriptions in their text wrappers) for the detail pages' compact
// horizontal lists, without its grid and breakpoint options (issue 13).
import "@patternfly/react-styles/css/components/DescriptionList/description-list.css";
import type { ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

interface Part {
  readonly className?: string;
  readonly children?: ReactNode;
}

export function DescriptionList({ isHorizontal = false, isCompact = false, className, children }: Part & { readonly isHorizontal?: boolean; readonly isCompact?: boolean }) {
  const classes = ["pf-v6-c-description-list", ...(isHorizontal ? ["pf-m-horizontal"] : []), ...(isCompact ? ["pf-m-compact"] : [])].join(" ");
  return <dl className={joinClasses(classes, className)}>{children}</dl>;
}

export function DescriptionListGroup({ className, children }: Part) {
  return <div className={joinClasses("pf-v6-c-description-list__group", className)}>{children}</div>;
}

export function DescriptionListTerm({ className, children }: Part) {
  return (
    <dt className={joinClasses("pf-v6-c-description-list__term", className)}>
      <span className="pf-v6-c-description-list__text">{children}</span>
    </dt>
  );
}

export function DescriptionListDescription({ className, children }: Part) {
  return (
    <dd className={joinClasses("pf-v6-c-description-list__description", className)}>
      <div className="pf-v6-c-description-list__text">{children}</div>
    </dd>
  );
}
