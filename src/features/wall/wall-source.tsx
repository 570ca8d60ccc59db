// Where the wall's data comes from: the gateway's kiosk client when the lab
// gave it one (/wall-config.json says so), else the signed-in person's
// session. Either way the pages below read the namespace and refresh from
// useWallSource() and call through the TransportProvider given here.
import { TransportProvider } from "@connectrpc/connect-query";
import { addStaticKeyToTransport } from "@connectrpc/connect-query";
import { createGrpcWebTransport } from "@connectrpc/connect-web";
import { useQuery } from "@tanstack/react-query";
import { createContext, use, useState, type ReactNode } from "react";
import { Outlet } from "react-router";
import { takeWallKey } from "@/features/wall/wall-key";
import { apiBaseUrl } from "@/lib/transport";
import { useOptionalSession } from "@/lib/session-context";

export interface WallSource {
  readonly namespace: string;
  /** How often the wall asks again (the gateway's one shared answer lasts as long). */
  readonly refreshMs: number;
}

interface WallConfig {
  readonly kiosk: boolean;
  readonly namespace?: string;
  readonly keyRequired?: boolean;
  readonly refreshMs?: number;
}

const WallSourceContext = createContext<WallSource | null>(null);
const DEFAULT_REFRESH_MS = 10_000;

export function useWallSource(): WallSource {
  const source = use(WallSourceContext);
  if (source === null) throw new Error("useWallSource must be used under <WallAccess>");
  return source;
}

async function fetchWallConfig(): Promise<WallConfig> {
  const res = await fetch("/wall-config.json", { cache: "no-store" });
  // A gateway without kiosk support (or Envoy): the wall signs in like any page.
  if (!res.ok) return { kiosk: false };
  return (await res.json()) as WallConfig;
}

function KioskSource({ config, children }: { config: WallConfig; children: ReactNode }) {
  const [transport] = useState(() => {
    const key = takeWallKey(window.localStorage, window.location, window.history);
    return addStaticKeyToTransport(
      createGrpcWebTransport({
        baseUrl: `${apiBaseUrl()}/wall-api`,
        defaultTimeoutMs: 30_000,
        interceptors: key === undefined ? [] : [(next) => (req) => (req.header.set("x-wall-key", key), next(req))],
      }),
      "wall-kiosk",
    );
  });
  const source: WallSource = { namespace: config.namespace ?? "", refreshMs: config.refreshMs ?? DEFAULT_REFRESH_MS };
  return (
    <TransportProvider transport={transport}>
      <WallSourceContext value={source}>{children}</WallSourceContext>
    </TransportProvider>
  );
}

/** The person's session (its transport is the app's); the guard inside sends them to sign in first. */
function SessionSource({ children }: { children: ReactNode }) {
  const session = useOptionalSession();
  return <WallSourceContext value={{ namespace: session?.namespace ?? "", refreshMs: DEFAULT_REFRESH_MS }}>{children}</WallSourceContext>;
}

/**
 * The wall routes' parent. `signIn` is the app's sign-in guard (it renders
 * the child routes once signed in), used when the lab has no kiosk client.
 */
export function WallAccess({ signIn }: { signIn: ReactNode }) {
  const config = useQuery({ queryKey: ["wall-config"], queryFn: fetchWallConfig, staleTime: Infinity, retry: true, retryDelay: 5_000 });
  if (config.data === undefined) return <p className="wall-connecting">Connecting to the portal…</p>;
  if (!config.data.kiosk) return <SessionSource>{signIn}</SessionSource>;
  return (
    <KioskSource config={config.data}>
      <Outlet />
    </KioskSource>
  );
}
