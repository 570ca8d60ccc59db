// The routes: they compose features (features never import each other).
// URL conventions: lists keep their filters in the query string; a detail
// page is /<kind>/<bare name>; /sign-in?next=<path>&reason=<controller's words>;
// /sign-in/oidc is the redirect URI a lab registers at its provider.
//
// Every page is loaded when first visited (route-level splitting): the
// sign-in page needs none of the tables, the wall none of the forms. Each
// route imports its page's own module, not a feature's index file, so a
// page never brings its neighbours (bench/bundle-routes.ts follows this). The
// guard, the error page and the not-found page are small and stay here.
import type { QueryClient } from "@tanstack/react-query";
import type { ComponentType } from "react";
import { createBrowserRouter, Navigate, type LoaderFunctionArgs } from "react-router";
import { NotFoundPage } from "@/app/not-found-page";
import { RouteError } from "@/app/route-error";
import { RequireSession } from "@/features/auth/require-session";
import type { SessionStore } from "@/lib/session";

/** A route's component from a module loaded on first use. */
function page<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): () => Promise<{ Component: ComponentType }> {
  return async () => ({ Component: pick(await load()) });
}

export interface AppRouterDeps {
  readonly queryClient: QueryClient;
  readonly sessionStore: SessionStore;
}

export function createAppRouter({ queryClient, sessionStore }: AppRouterDeps) {
  // Starts the exporters page's calls beside its code's download; resolves at
  // once (the page shows its own loading state), so navigation never waits.
  // Not run again when the page changes its own search params: the page's
  // queries follow those.
  const prefetchExporters = ({ request }: LoaderFunctionArgs): null => {
    void import("@/features/exporters/prefetch-exporters").then((m) =>
      m.prefetchExporters(queryClient, sessionStore.getState(), new URL(request.url).searchParams),
    );
    return null;
  };

  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      // While the first page's code arrives: the page's own background, nothing that jumps.
      hydrateFallbackElement: <div className="portal-boot" aria-busy="true" />,
      children: [
        { path: "/sign-in", lazy: page(() => import("@/features/auth/sign-in-page"), (m) => m.SignInPage) },
        { path: "/sign-in/oidc", lazy: page(() => import("@/features/auth/oidc/oidc-callback-page"), (m) => m.OidcCallbackPage) },
        // The wall and door displays: no shell, the lab's kiosk client or a sign-in.
        {
          path: "/wall",
          lazy: async () => {
            const { WallAccess } = await import("@/features/wall/wall-source");
            return { Component: () => <WallAccess signIn={<RequireSession />} /> };
          },
          children: [
            { index: true, lazy: page(() => import("@/features/wall/wall-page"), (m) => m.WallPage) },
            { path: ":board", lazy: page(() => import("@/features/wall/door-page"), (m) => m.DoorPage) },
          ],
        },
        {
          element: <RequireSession />,
          children: [
            {
              lazy: page(() => import("@/app/app-shell"), (m) => m.AppShell),
              children: [
                { index: true, element: <Navigate to="/exporters" replace /> },
                { path: "exporters", loader: prefetchExporters, shouldRevalidate: () => false, lazy: page(() => import("@/features/exporters/exporters-page"), (m) => m.ExportersPage) },
                { path: "exporters/:name", lazy: page(() => import("@/features/exporters/exporter-detail-page"), (m) => m.ExporterDetailPage) },
                { path: "leases", lazy: page(() => import("@/features/leases/leases-page"), (m) => m.LeasesPage) },
                { path: "leases/new", lazy: page(() => import("@/features/booking/create-lease-page"), (m) => m.CreateLeasePage) },
                { path: "timeline", lazy: page(() => import("@/features/booking/timeline/timeline-page"), (m) => m.TimelinePage) },
                { path: "leases/:name", lazy: page(() => import("@/features/leases/lease-detail-page"), (m) => m.LeaseDetailPage) },
                { path: "*", element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
