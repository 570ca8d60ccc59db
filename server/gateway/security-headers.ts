// Headers every response carries, API and static alike. The SPA is built by
// Vite into external module scripts; its one inline script, the boot script,
// is allowed by its hash (inline-scripts.ts), never by 'unsafe-inline'.
// PatternFly sets inline styles, hence 'unsafe-inline' for style-src only.
// The browser talks to the lab's OIDC providers itself (discovery, token
// endpoint), so their origins join connect-src, and nothing else does.
import type { ServerResponse } from "node:http";

export function contentSecurityPolicy(connectOrigins: readonly string[] = [], scriptHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(" "),
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

export function securityHeaders(connectOrigins: readonly string[] = [], scriptHashes: readonly string[] = []): Readonly<Record<string, string>> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(connectOrigins, scriptHashes),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
}

export function applySecurityHeaders(res: ServerResponse, headers: Readonly<Record<string, string>> = securityHeaders()): void {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
}
