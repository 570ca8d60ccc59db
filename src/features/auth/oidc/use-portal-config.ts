// The gateway's /portal-config.json: which providers the sign-in page offers.
// Read once per page load; a gateway without one (vite dev, an older
// gateway) simply offers no provider.
import { useQuery } from "@tanstack/react-query";
import { NO_PORTAL_CONFIG, parsePortalConfig, type PortalConfig } from "@/features/auth/oidc/portal-config";

export const PORTAL_CONFIG_PATH = "/portal-config.json";

export async function fetchPortalConfig(fetchFn: typeof fetch = fetch): Promise<PortalConfig> {
  const res = await fetchFn(PORTAL_CONFIG_PATH, { signal: AbortSignal.timeout(5_000), headers: { accept: "application/json" } });
  if (!res.ok || !(res.headers.get("content-type") ?? "").includes("json")) return NO_PORTAL_CONFIG;
  return parsePortalConfig(await res.json());
}

export function usePortalConfig(): { config: PortalConfig; isLoading: boolean } {
  const q = useQuery({
    queryKey: ["portal-config"],
    queryFn: () => fetchPortalConfig(),
    staleTime: Infinity,
    retry: 1,
  });
  return { config: q.data ?? NO_PORTAL_CONFIG, isLoading: q.isPending };
}
