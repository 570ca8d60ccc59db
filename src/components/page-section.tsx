// PatternFly's page section (its <PageSection> markup: the section and its
// body wrapper) for the portal's pages, without its class map of the whole
// page component or its page-context reads (issue 13). The portal's
// sections use the default type and variant only.
import "@patternfly/react-styles/css/components/Page/page.css";
import type { ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

export interface PageSectionProps {
  readonly className?: string;
  readonly "aria-label"?: string;
  readonly children?: ReactNode;
}

export function PageSection({ className, "aria-label": ariaLabel, children }: PageSectionProps) {
  return (
    <section className={joinClasses("pf-v6-c-page__main-section", className)} aria-label={ariaLabel}>
      <div className="pf-v6-c-page__main-body">{children}</div>
    </section>
  );
}
