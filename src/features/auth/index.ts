// The auth feature's public face, for the app's routes and shell.
export { SignInPage } from "@/features/auth/sign-in-page";
export { OidcCallbackPage } from "@/features/auth/oidc/oidc-callback-page";
export { createOidcTokenRenewal } from "@/features/auth/oidc/oidc-renewal";
export { RequireSession } from "@/features/auth/require-session";
export { useSignOut } from "@/features/auth/use-sign-out";
export { signInPath, safeNextPath } from "@/features/auth/next-path";
// The session itself lives in lib (every feature needs it); re-exported for the shell.
export { useSession, useOptionalSession } from "@/lib/session-context";
export type { Session } from "@/lib/session";
