// PatternFly's masthead (the elements and classes of its <Masthead> and
// parts). PatternFly's Masthead reads the page's measured width to pick its
// display class; here the class is the one it picks for every width when
// given a single display (issue 13).
import "@patternfly/react-styles/css/components/Masthead/masthead.css";
import type { ReactNode } from "react";
import { RouterAnchor } from "@/components/router-anchor";
import { joinClasses } from "@/components/join-classes";

interface PartProps {
  readonly className?: string;
  readonly children?: ReactNode;
}

function classes(base: string, className: string | undefined): string {
  return joinClasses(base, className);
}

export interface MastheadProps extends PartProps {
  /** inline: brand and content on one line at every width; stack: content below the brand. */
  readonly display: "inline" | "stack";
}

export function Masthead({ display, className, children }: MastheadProps) {
  return <header className={classes(`pf-v6-c-masthead pf-m-display-${display}`, className)}>{children}</header>;
}

export function MastheadMain({ className, children }: PartProps) {
  return <div className={classes("pf-v6-c-masthead__main", className)}>{children}</div>;
}

export function MastheadToggle({ className, children }: PartProps) {
  return <span className={classes("pf-v6-c-masthead__toggle", className)}>{children}</span>;
}

export function MastheadBrand({ className, children }: PartProps) {
  return <div className={classes("pf-v6-c-masthead__brand", className)}>{children}</div>;
}

/** The product's name, a link (client-side) to `href`. */
export function MastheadLogo({ href, className, children }: PartProps & { readonly href: string }) {
  return (
    <RouterAnchor className={classes("pf-v6-c-masthead__logo", className)} href={href}>
      {children}
    </RouterAnchor>
  );
}

export function MastheadContent({ className, children }: PartProps) {
  return <div className={classes("pf-v6-c-masthead__content", className)}>{children}</div>;
}
