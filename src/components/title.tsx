// PatternFly's title (the heading with its size class, as its <Title>
// draws it) without its OUIA ids and class map (issue 13).
import "@patternfly/react-styles/css/components/Title/title.css";
import type { ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

export interface TitleProps {
  readonly headingLevel: "h1" | "h2" | "h3" | "h4" | "h5" | "h6";
  /** A size other than the heading level's own. */
  readonly size?: "md" | "lg" | "xl" | "2xl" | "3xl" | "4xl";
  readonly className?: string;
  readonly id?: string;
  readonly children?: ReactNode;
}

export function Title({ headingLevel: Heading, size, className, id, children }: TitleProps) {
  const classes = joinClasses("pf-v6-c-title", `pf-m-${size ?? Heading}`, className);
  return (
    <Heading id={id} className={classes}>
      {children}
    </Heading>
  );
}
