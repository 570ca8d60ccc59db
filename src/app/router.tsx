// The routes: they compose features (features never import each other).
// URL conventions: lists keep their filters in the query string; a detail
// page is /<kind>/<bare name>; /sign-in?next=<path>&reason=<controller's words>;
// /sign-in/oidc is the redirect URI a lab registers at its provider.
import { createBrowserRouter, Navigate } from "react-router";
import { AppShell } from "@/app/app-shell";
import { NotFoundPage } from "@/app/not-found-page";
import { RouteError } from "@/app/route-error";
import { OidcCallbackPage, RequireSession, SignInPage } from "@/features/auth";
import { ExporterDetailPage, ExportersPage } from "@/features/exporters";
import { CreateLeasePage, LeaseDetailPage, LeasesPage } from "@/features/leases";
import { DoorPage, WallAccess, WallPage } from "@/features/wall";

export function createAppRouter() {
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { path: "/sign-in", element: <SignInPage /> },
        { path: "/sign-in/oidc", element: <OidcCallbackPage /> },
        // The wall and door displays: no shell, the lab's kiosk client or a sign-in.
        {
          path: "/wall",
          element: <WallAccess signIn={<RequireSession />} />,
          children: [
            { index: true, element: <WallPage /> },
            { path: ":board", element: <DoorPage /> },
          ],
        },
        {
          element: <RequireSession />,
          children: [
            {
              element: <AppShell />,
              children: [
                { index: true, element: <Navigate to="/exporters" replace /> },
                { path: "exporters", element: <ExportersPage /> },
                { path: "exporters/:name", element: <ExporterDetailPage /> },
                { path: "leases", element: <LeasesPage /> },
                { path: "leases/new", element: <CreateLeasePage /> },
                { path: "leases/:name", element: <LeaseDetailPage /> },
                { path: "*", element: <NotFoundPage /> },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
