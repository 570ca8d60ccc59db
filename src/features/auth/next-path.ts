// Where to go after signing in: only a path inside the portal (never another
// site, never back to sign-in).

export const DEFAULT_AFTER_SIGN_IN = "/exporters";

export function safeNextPath(next: string | null): string {
  if (next === null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return DEFAULT_AFTER_SIGN_IN;
  if (next === "/sign-in" || next.startsWith("/sign-in?") || next.startsWith("/sign-in/")) return DEFAULT_AFTER_SIGN_IN;
  return next;
}

/** The sign-in URL that comes back to `path` afterwards, with why the session ended. */
export function signInPath(path: string, reason: string | null): string {
  const params = new URLSearchParams();
  if (path !== "/" && path !== "") params.set("next", path);
  if (reason !== null) params.set("reason", reason);
  const query = params.toString();
  return query === "" ? "/sign-in" : `/sign-in?${query}`;
}
