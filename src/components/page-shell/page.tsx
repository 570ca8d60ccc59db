// PatternFly's page frame (the elements and classes its <Page
// isManagedSidebar> renders: skip link, masthead, sidebar, main) with the
// sidebar managed by sidebar-state.ts. PatternFly's Page also brings its
// notification drawer (with a focus trap), a resize observer and breakpoint
// classes no style of ours or PatternFly's reads (issue 13).
import "@patternfly/react-styles/css/components/Page/page.css";
import type { ReactNode } from "react";
import { SidebarProvider, useManagedSidebar } from "@/components/page-shell/sidebar-context";

export interface PageProps {
  readonly skipToContent?: ReactNode;
  readonly masthead?: ReactNode;
  readonly sidebar?: ReactNode;
  /** The id of the main element, which the skip link points at. */
  readonly mainContainerId?: string;
  readonly children?: ReactNode;
}

export function Page({ skipToContent, masthead, sidebar, mainContainerId, children }: PageProps) {
  const control = useManagedSidebar();
  return (
    <SidebarProvider value={control}>
      <div className="pf-v6-c-page">
        {skipToContent}
        {masthead}
        {sidebar}
        <div className="pf-v6-c-page__main-container">
          {/* A press on the page closes a sidebar lying over it (PatternFly's managed sidebar does the same). */}
          <main id={mainContainerId} className="pf-v6-c-page__main" tabIndex={-1} onMouseDown={control.mainPressed} onTouchStart={control.mainPressed}>
            {children}
          </main>
        </div>
      </div>
    </SidebarProvider>
  );
}
