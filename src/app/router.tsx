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
import { lazy, Suspense, useState, type ComponentType, type ReactNode } from "react";
import { BrowserRouter, Navigate, Route, Routes, useLocation } from "react-router";
import { RouteErrorBoundary } from "@/app/route-error-boundary";
import { RequireSession } from "@/features/auth/require-session";
import type { SessionStore } from "@/lib/session";

/** A page component from a module loaded on first use. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): ComponentType {
  return lazy(async () => ({ default: pick(await load()) }));
}

const SignInPage = page(() => import("@/features/auth/sign-in-page"), (m) => m.SignInPage);
const OidcCallbackPage = page(() => import("@/features/auth/oidc/oidc-callback-page"), (m) => m.OidcCallbackPage);
const WallAccess = page(() => import("@/features/wall/wall-source"), (m) => () => <m.WallAccess signIn={<RequireSession />} />);
const WallPage = page(() => import("@/features/wall/wall-page"), (m) => m.WallPage);
const DoorPage = page(() => import("@/features/wall/door-page"), (m) => m.DoorPage);
const AppShell = page(() => import("@/app/app-shell"), (m) => m.AppShell);
const ExportersPage = page(() => import("@/features/exporters/exporters-page"), (m) => m.ExportersPage);
const ExporterDetailPage = page(() => import("@/features/exporters/exporter-detail-page"), (m) => m.ExporterDetailPage);
const LeasesPage = page(() => import("@/features/leases/leases-page"), (m) => m.LeasesPage);
const CreateLeasePage = page(() => import("@/features/booking/create-lease-page"), (m) => m.CreateLeasePage);
const TimelinePage = page(() => import("@/features/booking/timeline/timeline-page"), (m) => m.TimelinePage);
const LeaseDetailPage = page(() => import("@/features/leases/lease-detail-page"), (m) => m.LeaseDetailPage);
const NotFoundPage = page(() => import("@/app/not-found-page"), (m) => m.NotFoundPage);

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
  // Starts the exporters page's calls beside its code's download; the page
  // shows its own loading state and finds them in flight.
  const prefetchExporters = (search: URLSearchParams): void => {
    void import("@/features/exporters/prefetch-exporters").then((m) => m.prefetchExporters(queryClient, sessionStore.getState(), search));
  };

  return (
    <BrowserRouter>
      <RouteErrorBoundary>
        {/* While the first page's code arrives: the page's own background, nothing that jumps. */}
        <Suspense fallback={<div className="portal-boot" aria-busy="true" />}>
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
                <Route path="leases" element={<LeasesPage />} />
                <Route path="leases/new" element={<CreateLeasePage />} />
                <Route path="timeline" element={<TimelinePage />} />
                <Route path="leases/:name" element={<LeaseDetailPage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
            </Route>
          </Routes>
        </Suspense>
      </RouteErrorBoundary>
    </BrowserRouter>
  );
}
