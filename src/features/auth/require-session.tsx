// The guard for every signed-in route: without a session, go to sign-in and
// come back here afterwards (with the controller's reason if it rejected us).
import { Navigate, Outlet, useLocation } from "react-router";
import { signInPath } from "@/features/auth/next-path";
import { useSessionState } from "@/lib/session-context";

export function RequireSession() {
  const { session, rejection, signedOut } = useSessionState();
  const location = useLocation();
  if (session === null) {
    // After signing out, the next sign-in starts afresh rather than returning here.
    const here = signedOut ? "/" : `${location.pathname}${location.search}${location.hash}`;
    return <Navigate to={signInPath(here, rejection)} replace />;
  }
  return <Outlet />;
}
