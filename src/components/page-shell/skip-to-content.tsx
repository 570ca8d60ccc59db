// PatternFly's skip link (its <SkipToContent>: a primary button-styled
// link, shown when focused) without its Button component.
import "@patternfly/react-styles/css/components/Button/button.css";
import "@patternfly/react-styles/css/components/SkipToContent/skip-to-content.css";
import type { ReactNode } from "react";

export function SkipToContent({ href, children }: { readonly href: string; readonly children: ReactNode }) {
  return (
    <div className="pf-v6-c-skip-to-content">
      <a href={href} className="pf-v6-c-button pf-m-primary">
        <span className="pf-v6-c-button__text">{children}</span>
      </a>
    </div>
  );
}
