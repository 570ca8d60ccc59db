// PatternFly's card (its <Card>, <CardTitle> and <CardBody> markup) for the
// plain cards the portal uses, without the selectable and clickable card
// machinery, OUIA ids and class map (issue 13).
import "@patternfly/react-styles/css/components/Card/card.css";
import type { ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

interface Part {
  readonly className?: string;
  readonly children?: ReactNode;
}

export function Card({ className, children }: Part) {
  return <div className={joinClasses("pf-v6-c-card", className)}>{children}</div>;
}

export function CardTitle({ component: Heading = "div", className, children }: Part & { readonly component?: "div" | "h2" | "h3" }) {
  return (
    <div className="pf-v6-c-card__title">
      <Heading className={joinClasses("pf-v6-c-card__title-text", className)}>{children}</Heading>
    </div>
  );
}

export function CardBody({ className, children }: Part) {
  return <div className={joinClasses("pf-v6-c-card__body", className)}>{children}</div>;
}
