import { Masthead as PfMasthead } from "@patternfly/react-core/dist/esm/components/Masthead/Masthead.js";
import { MastheadBrand as PfMastheadBrand } from "@patternfly/react-core/dist/esm/components/Masthead/MastheadBrand.js";
import { MastheadContent as PfMastheadContent } from "@patternfly/react-core/dist/esm/components/Masthead/MastheadContent.js";
import { MastheadLogo as PfMastheadLogo } from "@patternfly/react-core/dist/esm/components/Masthead/MastheadLogo.js";
import { MastheadMain as PfMastheadMain } from "@patternfly/react-core/dist/esm/components/Masthead/MastheadMain.js";
import { MastheadToggle as PfMastheadToggle } from "@patternfly/react-core/dist/esm/components/Masthead/MastheadToggle.js";
import { Nav as PfNav } from "@patternfly/react-core/dist/esm/components/Nav/Nav.js";
import { NavItem as PfNavItem } from "@patternfly/react-core/dist/esm/components/Nav/NavItem.js";
import { Page as PfPage } from "@patternfly/react-core/dist/esm/components/Page/Page.js";
import { PageContext, pageContextDefaults } from "@patternfly/react-core/dist/esm/components/Page/PageContext.js";
import { PageSidebar as PfPageSidebar } from "@patternfly/react-core/dist/esm/components/Page/PageSidebar.js";
import { PageSidebarBody as PfPageSidebarBody } from "@patternfly/react-core/dist/esm/components/Page/PageSidebarBody.js";
import { PageToggleButton as PfPageToggleButton } from "@patternfly/react-core/dist/esm/components/Page/PageToggleButton.js";
import { SkipToContent as PfSkipToContent } from "@patternfly/react-core/dist/esm/components/SkipToContent/SkipToContent.js";
import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { RouterAnchor } from "@/components/router-anchor";
import { Masthead, MastheadBrand, MastheadContent, MastheadLogo, MastheadMain, MastheadToggle } from "@/components/page-shell/masthead";
import { Nav, NavItem, NavList } from "@/components/page-shell/nav";
import { Page } from "@/components/page-shell/page";
import { PageSidebar, PageSidebarBody } from "@/components/page-shell/page-sidebar";
import { PageToggleButton } from "@/components/page-shell/page-toggle-button";
import { SidebarProvider } from "@/components/page-shell/sidebar-context";
import { SkipToContent } from "@/components/page-shell/skip-to-content";
import { withoutOuia } from "@/components/testing/without-ouia";

function markup(node: ReactNode): string {
  return renderToStaticMarkup(<MemoryRouter>{node}</MemoryRouter>);
}

const LINKS = [
  { to: "/exporters", text: "Exporters" },
  { to: "/leases", text: "Leases" },
];

// The shell's pieces as app-shell.tsx puts them together, in PatternFly's components and in ours.

function theirMasthead() {
  return (
    <PfMasthead display={{ default: "inline" }}>
      <PfMastheadMain>
        <PfMastheadToggle>
          {/* aria-controls: ours names the sidebar it opens; PatternFly passes it on when given. */}
          <PfPageToggleButton isHamburgerButton aria-label="Main navigation" aria-controls="page-sidebar" />
        </PfMastheadToggle>
        <PfMastheadBrand>
          <PfMastheadLogo component={RouterAnchor} href="/exporters" className="portal-logo">
            Portal
          </PfMastheadLogo>
        </PfMastheadBrand>
      </PfMastheadMain>
      <PfMastheadContent>
        <span>tools</span>
      </PfMastheadContent>
    </PfMasthead>
  );
}

function ourMasthead() {
  return (
    <Masthead display="inline">
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton aria-label="Main navigation" />
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo href="/exporters" className="portal-logo">
            Portal
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <span>tools</span>
      </MastheadContent>
    </Masthead>
  );
}

function theirSidebar(inert: boolean, active: string) {
  return (
    <PfPageSidebar inert={inert}>
      <PfPageSidebarBody>
        <PfNav aria-label="Main">
          <ul className="pf-v6-c-nav__list" role="list">
            {LINKS.map((l) => (
              <PfNavItem key={l.to} to={l.to} component={RouterAnchor} isActive={l.to === active}>
                {l.text}
              </PfNavItem>
            ))}
          </ul>
        </PfNav>
      </PfPageSidebarBody>
      <PfPageSidebarBody isFilled={false} className="portal-sidebar-theme">
        Theme
      </PfPageSidebarBody>
    </PfPageSidebar>
  );
}

function ourSidebar(active: string) {
  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label="Main">
          <NavList>
            {LINKS.map((l) => (
              <NavItem key={l.to} to={l.to} isActive={l.to === active}>
                {l.text}
              </NavItem>
            ))}
          </NavList>
        </Nav>
      </PageSidebarBody>
      <PageSidebarBody isFilled={false} className="portal-sidebar-theme">
        Theme
      </PageSidebarBody>
    </PageSidebar>
  );
}

describe("the page shell", () => {
  it("draws what PatternFly's managed Page draws on a wide screen", () => {
    const theirs = markup(
      <PfPage
        masthead={theirMasthead()}
        sidebar={theirSidebar(false, "/exporters")}
        isManagedSidebar
        skipToContent={<PfSkipToContent href="#main-content">Skip to content</PfSkipToContent>}
        mainContainerId="main-content"
      >
        <h1>Exporters</h1>
      </PfPage>,
    );
    const ours = markup(
      <Page masthead={ourMasthead()} sidebar={ourSidebar("/exporters")} skipToContent={<SkipToContent href="#main-content">Skip to content</SkipToContent>} mainContainerId="main-content">
        <h1>Exporters</h1>
      </Page>,
    );
    expect(ours).toContain('aria-expanded="true"');
    expect(ours).toContain('aria-current="page"');
    expect(ours).toBe(withoutOuia(theirs));
  });

  // The other states, as PatternFly's page context would put them.
  it.each([
    { isOpen: true, isNarrow: true, what: "open over the page (narrow)" },
    { isOpen: false, isNarrow: true, what: "collapsed (narrow)" },
    { isOpen: false, isNarrow: false, what: "collapsed (wide)" },
  ])("draws PatternFly's masthead and sidebar $what", ({ isOpen, isNarrow }) => {
    const pageContext = { ...pageContextDefaults, isManagedSidebar: true, isSidebarOpen: isOpen, isMobile: isNarrow };
    const theirs = markup(
      <PageContext.Provider value={pageContext}>
        {theirMasthead()}
        {theirSidebar(!isOpen, "/leases")}
      </PageContext.Provider>,
    );
    const noop = () => undefined;
    const ours = markup(
      <SidebarProvider value={{ isOpen, isNarrow, toggle: noop, navigated: noop, mainPressed: noop }}>
        {ourMasthead()}
        {ourSidebar("/leases")}
      </SidebarProvider>,
    );
    expect(ours).toContain(`aria-expanded="${String(isOpen)}"`);
    expect(ours).toBe(withoutOuia(theirs));
  });
});
