// The frame of every signed-in page: masthead (product, who I am, theme,
// sign out), navigation, skip link, the stale-data banner, and the page.
import {
  Button,
  Masthead,
  MastheadBrand,
  MastheadContent,
  MastheadLogo,
  MastheadMain,
  MastheadToggle,
  Nav,
  NavItem,
  Page,
  PageContext,
  PageSidebar,
  PageSidebarBody,
  PageToggleButton,
  SkipToContent,
  Toolbar,
  ToolbarContent,
  ToolbarGroup,
  ToolbarItem,
} from "@patternfly/react-core";
import { SignOutAltIcon } from "@patternfly/react-icons";
import { Outlet, useLocation } from "react-router";
import { lazy, memo, Suspense, useContext, useEffect } from "react";
import { GlobalStaleBanner } from "@/app/global-stale-banner";
import { RouterAnchor } from "@/components/router-anchor";
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
    <Masthead display={{ default: "inline" }}>
      <MastheadMain>
        <MastheadToggle>
          <PageToggleButton isHamburgerButton aria-label="Main navigation" />
        </MastheadToggle>
        <MastheadBrand>
          <MastheadLogo component={RouterAnchor} href="/exporters" className="portal-logo">
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

/**
 * The main navigation, redrawn only when the page it marks changes. Its list
 * is PatternFly's nav list markup rather than the NavList component: that
 * one watches its size and reads the text direction and its items' places
 * (forced style and layout passes) on mounting and after every redraw, for
 * the scroll buttons of a horizontal nav this vertical one never shows. On a
 * phone's CPU that was about 40 ms of the exporters page's first paint
 * (issue 13).
 */
const MainNav = memo(function MainNav({ active }: { active: string | undefined }) {
  return (
    <Nav aria-label="Main">
      {/* Nav (above) brings the nav styles this class names. */}
      <ul className="pf-v6-c-nav__list" role="list">
        {NAV.map((n) => (
          <NavItem key={n.to} to={n.to} component={RouterAnchor} isActive={n.to === active}>
            {n.text}
          </NavItem>
        ))}
      </ul>
    </Nav>
  );
});

function Sidebar() {
  const { pathname } = useLocation();
  // A collapsed sidebar is aria-hidden (PatternFly): make it inert too, so its links leave the tab order.
  const { isSidebarOpen } = useContext(PageContext);
  return (
    <PageSidebar inert={!isSidebarOpen}>
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
      isManagedSidebar
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
