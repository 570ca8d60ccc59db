// The routes: they compose features (features never import each other).
// URL conventions: lists keep their filters in the query string; a detail
// page is /<kind>/<bare name>; /sign-in?next=<path>&reason=<controller's words>;
// /sign-in/oidc is the redirect URI a lab registers at its provider.
//
// Every page is loaded when first visited (route-level splitting): the
// sign-in page needs none of the tables, the wall none of the forms. Each
// route imports its page's own module, not a feature's index file, so a
// page never brings its neighbours (bench/bundle-routes.ts follows this).
//
// Declarative routes (<Routes>), not a data router: the portal uses none of
// the data router's loaders, actions or fetchers, and its code is about
// 16 KiB gzip on every first page (issue 13). Navigations are transitions
// (BrowserRouter's default), so the page on screen stays until the next
// one's code has arrived, as the data router's lazy routes did.
import type { QueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState, type ComponentType, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { RouteErrorBoundary } from "@/app/route-error-boundary";
import { BootFrame } from "@/boot/boot-frame";
import { RequireSession } from "@/features/auth/require-session";
// In the entry, not loaded with the page: the calls then start with no download of their own.
import { prefetchExporters as startExportersCalls } from "@/features/exporters/prefetch-exporters";
import { createLeaseLabPartsCode } from "@/features/booking/create-lease-lab-parts-code";
import { timelineGridCode } from "@/features/booking/timeline/timeline-grid-code";
import { loadedLeaseCode } from "@/features/leases/lease-detail-code";
import { leaseListViewCode } from "@/features/leases/lease-list-code";
import type { LoadOnce } from "@/components/lazy-tooltip/load-once";
import type { SessionStore } from "@/lib/session";

/** A module's import, asked for once; `loaded` holds the module once it is in. */
interface Loader<M> {
  (): Promise<M>;
  loaded?: M;
}

function loader<M>(load: () => Promise<M>): Loader<M> {
  let promise: Promise<M> | undefined;
  const f: Loader<M> = () =>
    (promise ??= load().then((m) => {
      f.loaded = m;
      return m;
    }));
  return f;
}

/**
 * A page component from a module loaded on first use. Once the module is in
 * (preloaded, see preloadFirstPage), the page renders at once instead of
 * suspending: a suspended first render is retried at low priority, and each
 * arriving page of a large list restarted it, so the exporters page showed
 * nothing until the whole list was in (issue 13).
 */
function page<M>(load: Loader<M>, pick: (m: M) => ComponentType): ComponentType {
  const Lazy = lazy(async () => ({ default: pick(await load()) }));
  let picked: ComponentType | undefined;
  return function Page() {
    const Component = load.loaded === undefined ? Lazy : (picked ??= pick(load.loaded));
    return <Component />;
  };
}

// Each page's module; import() of a module already asked for shares that download.
const modules = {
  signIn: loader(() => import("@/features/auth/sign-in-page")),
  oidcCallback: loader(() => import("@/features/auth/oidc/oidc-callback-page")),
  wallSource: loader(() => import("@/features/wall/wall-source")),
  wall: loader(() => import("@/features/wall/wall-page")),
  door: loader(() => import("@/features/wall/door-page")),
  shell: loader(() => import("@/app/app-shell")),
  exporters: loader(() => import("@/features/exporters/exporters-page")),
  exporterDetail: loader(() => import("@/features/exporters/exporter-detail-page")),
  leases: loader(() => import("@/features/leases/leases-page")),
  createLease: loader(() => import("@/features/booking/create-lease-page")),
  timeline: loader(() => import("@/features/booking/timeline/timeline-page")),
  leaseDetail: loader(() => import("@/features/leases/lease-detail-page")),
  notFound: loader(() => import("@/app/not-found-page")),
};

const SignInPage = page(modules.signIn, (m) => m.SignInPage);
const OidcCallbackPage = page(modules.oidcCallback, (m) => m.OidcCallbackPage);
const WallAccess = page(modules.wallSource, (m) => () => <m.WallAccess signIn={<RequireSession />} />);
const WallPage = page(modules.wall, (m) => m.WallPage);
const DoorPage = page(modules.door, (m) => m.DoorPage);
const AppShell = page(modules.shell, (m) => m.AppShell);
const ExportersPage = page(modules.exporters, (m) => m.ExportersPage);
const ExporterDetailPage = page(modules.exporterDetail, (m) => m.ExporterDetailPage);
const LeasesPage = page(modules.leases, (m) => m.LeasesPage);
const CreateLeasePage = page(modules.createLease, (m) => m.CreateLeasePage);
const TimelinePage = page(modules.timeline, (m) => m.TimelinePage);
const LeaseDetailPage = page(modules.leaseDetail, (m) => m.LeaseDetailPage);
const NotFoundPage = page(modules.notFound, (m) => m.NotFoundPage);

/** The signed-in page a path shows (the route table below), for preloading. */
function signedInPage(pathname: string): Loader<unknown> | undefined {
  if (pathname === "/" || pathname === "/exporters") return modules.exporters;
  if (pathname.startsWith("/exporters/")) return modules.exporterDetail;
  if (pathname === "/leases") return modules.leases;
  if (pathname === "/leases/new") return modules.createLease;
  if (pathname.startsWith("/leases/")) return modules.leaseDetail;
  if (pathname === "/timeline") return modules.timeline;
  return undefined;
}

/**
 * Code a page draws its content with but not its first paint (heading,
 * toolbar, loading state), asked for on entering the page so it travels
 * beside the page's own code and first calls instead of after them.
 */
function startCode(code: LoadOnce<unknown>): () => void {
  // A failed download is the page's to retry (useLoaded).
  return () => void code.get().catch(() => undefined);
}

const startLeases = startCode(leaseListViewCode);
const startLeaseDetail = startCode(loadedLeaseCode);
const startTimeline = startCode(timelineGridCode);
const startCreateLease = startCode(createLeaseLabPartsCode);

/** The code each page starts on a first load, as its route does on entering it later (below). */
const codeStarts = new Map<Loader<unknown>, () => void>([
  [modules.leases, startLeases],
  [modules.leaseDetail, startLeaseDetail],
  [modules.timeline, startTimeline],
  [modules.createLease, startCreateLease],
]);

/**
 * Asks for the first page's code, and the shell's for a signed-in page, at
 * once rather than one after the other: nested lazy routes would load the
 * shell, render it, and only then ask for the page, a round trip more on a
 * slow link (issue 13). The exporters page's first calls start here too.
 */
function preloadFirstPage(queryClient: QueryClient, sessionStore: SessionStore): Promise<unknown> {
  const { pathname, search } = window.location;
  if (pathname.startsWith("/sign-in")) return modules.signIn();
  if (pathname.startsWith("/wall")) return Promise.all([modules.wallSource(), pathname === "/wall" || pathname === "/wall/" ? modules.wall() : modules.door()]);
  const state = sessionStore.getState();
  if (state.session === null) return modules.signIn(); // the guard sends the visitor to sign-in
  const first = signedInPage(pathname);
  if (first === modules.exporters) startExportersCalls(queryClient, state, new URLSearchParams(search));
  if (first !== undefined) codeStarts.get(first)?.();
  return Promise.all([modules.shell(), first?.()]);
}

/**
 * Runs `start` once when the route is entered, in its first render: before
 * the page's code has arrived (the page suspends below this), so what it
 * starts travels beside that download. Not again while the route stays,
 * when the page changes its own search params.
 */
function StartOnEnter({ start, children }: { start: (search: URLSearchParams) => void; children: ReactNode }) {
  const { search } = useLocation();
  useState(() => start(new URLSearchParams(search)));
  return children;
}

export interface AppRoutesProps {
  readonly queryClient: QueryClient;
  readonly sessionStore: SessionStore;
}

export function AppRoutes({ queryClient, sessionStore }: AppRoutesProps) {
  // The first page's code is asked for at once; until it is in, the boot
  // frame stays, and the page then renders in one go (see page()).
  const [firstPageCode] = useState(() => preloadFirstPage(queryClient, sessionStore));
  const [firstPageIn, setFirstPageIn] = useState(false);
  useEffect(() => {
    let live = true;
    // A failed download is the lazy page's to retry and report (the error boundary).
    void firstPageCode.catch(() => undefined).then(() => live && setFirstPageIn(true));
    return () => {
      live = false;
    };
  }, [firstPageCode]);

  // Starts the exporters page's calls beside its code's download on entering
  // the route later; the page shows its own loading state and finds them in flight.
  const prefetchExporters = (search: URLSearchParams): void => startExportersCalls(queryClient, sessionStore.getState(), search);

  if (!firstPageIn) return <BootFrame />;
  return (
    <BrowserRouter>
      <RouteErrorBoundary>
        {/* While the first page's code arrives: the boot frame index.html painted, unchanged. */}
        <Suspense fallback={<BootFrame />}>
          <Routes>
            <Route path="/sign-in" element={<SignInPage />} />
            <Route path="/sign-in/oidc" element={<OidcCallbackPage />} />
            {/* The wall and door displays: no shell, the lab's kiosk client or a sign-in. */}
            <Route path="/wall" element={<WallAccess />}>
              <Route index element={<WallPage />} />
              <Route path=":board" element={<DoorPage />} />
            </Route>
            <Route element={<RequireSession />}>
              <Route element={<AppShell />}>
                <Route index element={<Navigate to="/exporters" replace />} />
                <Route
                  path="exporters"
                  element={
                    <StartOnEnter start={prefetchExporters}>
                      <ExportersPage />
                    </StartOnEnter>
                  }
                />
                <Route path="exporters/:name" element={<ExporterDetailPage />} />
                <Route
                  path="leases"
                  element={
                    <StartOnEnter start={startLeases}>
                      <LeasesPage />
                    </StartOnEnter>
                  }
                />
                <Route
                  path="leases/new"
                  element={
                    <StartOnEnter start={startCreateLease}>
                      <CreateLeasePage />
                    </StartOnEnter>
                  }
                />
                <Route
                  path="timeline"
                  element={
                    <StartOnEnter start={startTimeline}>
                      <TimelinePage />
                    </StartOnEnter>
                  }
                />
                <Route
                  path="leases/:name"
                  element={
                    <StartOnEnter start={startLeaseDetail}>
                      <LeaseDetailPage />
                    </StartOnEnter>
                  }
                />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </Suspense>
      </RouteErrorBoundary>
    </BrowserRouter>
  );
}
