// The frame of every signed-in page: masthead (product, who I am, theme,
// sign out), navigation, skip link, the stale-data banner, and the page.
import { Button } from "@/components/button/button";
// The frame's PatternFly pieces are thin copies of its markup: PatternFly's
// Page, Nav and Toolbar components cost 16 KiB gzip and a focus trap on
// every first page (issue 13).
import { Masthead, MastheadBrand, MastheadContent, MastheadLogo, MastheadMain, MastheadToggle } from "@/components/page-shell/masthead";
import { Nav, NavItem, NavList } from "@/components/page-shell/nav";
import { Page } from "@/components/page-shell/page";
import { PageSidebar, PageSidebarBody } from "@/components/page-shell/page-sidebar";
import { PageToggleButton } from "@/components/page-shell/page-toggle-button";
import { SkipToContent } from "@/components/page-shell/skip-to-content";
import { Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem } from "@/components/toolbar/toolbar";
import { SignOutAltIcon } from "@patternfly/react-icons";
import { Outlet, useLocation } from "react-router";
import { lazy, memo, Suspense, useEffect } from "react";
import { GlobalStaleBanner } from "@/app/global-stale-banner";
import { ThemeToggle } from "@/app/theme-toggle";
import { useSignOut } from "@/features/auth/use-sign-out";
import { useSession } from "@/lib/session-context";
import { RouteFocusProvider } from "@/lib/route-focus";
import { PRODUCT_NAME } from "@/lib/use-document-title";
import { useAfterFirstPaint } from "@/lib/use-after-first-paint";

// The watcher of my leases (its toasts, its calls) starts once the first page
// is painted: nothing of it is on the first frame (issue 13).
const LeaseNotifications = lazy(async () => ({ default: (await import("@/features/leases/lease-notifications")).LeaseNotifications }));

function LeaseWatcher() {
  const painted = useAfterFirstPaint();
  if (!painted) return null;
  return (
    <Suspense fallback={null}>
      <LeaseNotifications />
    </Suspense>
  );
}

export const MAIN_CONTENT_ID = "main-content";

interface NavEntry {
  readonly to: string;
  readonly text: string;
  readonly isActive: (path: string) => boolean;
}

const NAV: readonly NavEntry[] = [
  { to: "/exporters", text: "Exporters", isActive: (p) => p === "/exporters" || p.startsWith("/exporters/") },
  { to: "/leases", text: "Leases", isActive: (p) => (p === "/leases" || p.startsWith("/leases/")) && p !== "/leases/new" },
  { to: "/leases/new", text: "New lease", isActive: (p) => p === "/leases/new" },
  { to: "/timeline", text: "Timeline", isActive: (p) => p === "/timeline" },
];

function Identity() {
  const session = useSession();
  const via = session.oidc === undefined ? undefined : `Signed in with ${session.oidc.label} as ${session.oidc.username}`;
  return (
    <span className="portal-identity" title={via}>
      <span className="portal-identity__label">Client</span> <strong>{session.clientName}</strong>
      <span className="portal-identity__sep" aria-hidden>
        ·
      </span>
      <span className="portal-identity__label">Namespace</span> <strong>{session.namespace}</strong>
    </span>
  );
}

function Header() {
  const signOut = useSignOut();
  return (
    // One line on phones too: the theme moves into the navigation there, and Sign out keeps only its icon.
    <Masthead display="inline">
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton aria-label="Main navigation" />
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo href="/exporters" className="portal-logo">
            {PRODUCT_NAME}
          </MastheadLogo>
        </MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight isStatic>
          <ToolbarContent>
            <ToolbarGroup align={{ default: "alignEnd" }} gap={{ default: "gapMd" }} alignItems="center">
              <ToolbarItem visibility={{ default: "hidden", md: "visible" }}>
                <Identity />
              </ToolbarItem>
              <ToolbarItem visibility={{ default: "hidden", md: "visible" }}>
                <ThemeToggle />
              </ToolbarItem>
              <ToolbarItem>
                <Button variant="secondary" icon={<SignOutAltIcon />} onClick={signOut} aria-label="Sign out" className="portal-sign-out">
                  <span className="portal-sign-out__text">Sign out</span>
                </Button>
              </ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
}

/** The main navigation, redrawn only when the page it marks changes (or the sidebar opens or closes). */
const MainNav = memo(function MainNav({ active }: { active: string | undefined }) {
  return (
    <Nav aria-label="Main">
      <NavList>
        {NAV.map((n) => (
          <NavItem key={n.to} to={n.to} isActive={n.to === active}>
            {n.text}
          </NavItem>
        ))}
      </NavList>
    </Nav>
  );
});

function Sidebar() {
  const { pathname } = useLocation();
  return (
    <PageSidebar>
      <PageSidebarBody>
        <MainNav active={NAV.find((n) => n.isActive(pathname))?.to} />
      </PageSidebarBody>
      <PageSidebarBody isFilled={false} className="portal-sidebar-theme">
        <span className="portal-muted">Theme</span> <ThemeToggle idPrefix="nav-theme" />
      </PageSidebarBody>
    </PageSidebar>
  );
}

/** A new page starts at its top: the shell's scroll container outlives routes. */
function ScrollToTopOnNavigate() {
  const { pathname } = useLocation();
  useEffect(() => {
    document.getElementById(MAIN_CONTENT_ID)?.scrollTo({ top: 0 });
  }, [pathname]);
  return null;
}

export function AppShell() {
  return (
    <Page
      masthead={<Header />}
      sidebar={<Sidebar />}
      skipToContent={<SkipToContent href={`#${MAIN_CONTENT_ID}`}>Skip to content</SkipToContent>}
      mainContainerId={MAIN_CONTENT_ID}
    >
      <ScrollToTopOnNavigate />
      <GlobalStaleBanner />
      <LeaseWatcher />
      {/* Back to a page puts focus where it was; a new page with focus lost, on its heading. */}
      <RouteFocusProvider>
        <Outlet />
      </RouteFocusProvider>
    </Page>
  );
}
