// What the gateway tells the SPA at /portal-config.json before anyone signs
// in: the lab's namespace and its OIDC providers (from the controller's login
// service [CF3] or the gateway's flags). Read defensively: a provider entry
// that cannot be used is left out rather than breaking the sign-in page.
import type { UsernameMapping } from "@/domain/oidc-identity";

export interface PortalProvider extends UsernameMapping {
  /** The tokens' `iss`. */
  readonly issuer: string;
  /** Where the browser reads discovery and signs in (the issuer unless the lab says otherwise). */
  readonly authority: string;
  /** The portal's OAuth client at the provider (public, PKCE). */
  readonly clientId: string;
  /** "Sign in with <label>". */
  readonly label: string;
}

export interface PortalConfig {
  /** The lab's namespace, when the login service or the gateway's flags name it. */
  readonly namespace: string | undefined;
  readonly providers: readonly PortalProvider[];
}

export const NO_PORTAL_CONFIG: PortalConfig = { namespace: undefined, providers: [] };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);
const isHttpUrl = (v: string): boolean => /^https?:$/.test(URL.parse(v)?.protocol ?? "");

function parseProvider(v: unknown): PortalProvider | undefined {
  if (!isRecord(v)) return undefined;
  const issuer = text(v.issuer);
  const clientId = text(v.clientId);
  if (issuer === undefined || clientId === undefined || !isHttpUrl(issuer)) return undefined;
  const authority = text(v.authority);
  return {
    issuer,
    authority: authority !== undefined && isHttpUrl(authority) ? authority : issuer,
    clientId,
    label: text(v.label) ?? URL.parse(issuer)?.host ?? issuer,
    usernameClaim: text(v.usernameClaim) ?? "sub",
    // A prefix may be meant to end in ":" or be empty; only a missing one defaults.
    usernamePrefix: typeof v.usernamePrefix === "string" ? v.usernamePrefix : "",
  };
}

export function parsePortalConfig(v: unknown): PortalConfig {
  if (!isRecord(v)) return NO_PORTAL_CONFIG;
  const providers = Array.isArray(v.providers) ? v.providers.map(parseProvider).filter((p) => p !== undefined) : [];
  return { namespace: text(v.namespace), providers };
}
