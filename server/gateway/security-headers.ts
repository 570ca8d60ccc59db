// Headers every response carries, API and static alike. The SPA is built by
// Vite into external module scripts, so no inline script is ever needed;
// PatternFly sets inline styles, hence 'unsafe-inline' for style-src only.
// The browser talks to the lab's OIDC providers itself (discovery, token
// endpoint), so their origins join connect-src, and nothing else does.
import type { ServerResponse } from "node:http";

export function contentSecurityPolicy(connectOrigins: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins].join(" "),
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join("; ");
}

export function securityHeaders(connectOrigins: readonly string[] = []): Readonly<Record<string, string>> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(connectOrigins),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

export function applySecurityHeaders(res: ServerResponse, headers: Readonly<Record<string, string>> = securityHeaders()): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
