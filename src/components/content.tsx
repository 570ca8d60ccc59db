// PatternFly's text content wrapper (its <Content> markup: the element, its
// class and the data-pf-content mark its styles key on) for a block or a
// small note, without its OUIA ids and its class table of every element
// (issue 13).
import "@patternfly/react-styles/css/components/Content/content.css";
import type { ReactNode } from "react";
import { joinClasses } from "@/components/join-classes";

export interface ContentProps {
  /** A block of text (default) or a small note. */
  readonly component?: "div" | "small";
  readonly className?: string;
  readonly children?: ReactNode;
}

export function Content({ component: Element = "div", className, children }: ContentProps) {
  const base = Element === "div" ? "pf-v6-c-content" : "pf-v6-c-content--small";
  return (
    <Element data-pf-content className={joinClasses(base, className)}>
      {children}
    </Element>
  );
}
