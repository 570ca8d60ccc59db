// Everything the pages rely on: the query cache, the session (and its
// transport, made once per session by the store), and toasts.
import { TransportProvider } from "@connectrpc/connect-query";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import { useSyncExternalStore, type ReactNode } from "react";
import { ToastProvider } from "@/components/toasts";
import type { SessionStore } from "@/lib/session";
import { SessionProvider } from "@/lib/session-context";

export interface AppProvidersProps {
  readonly queryClient: QueryClient;
  readonly sessionStore: SessionStore;
  readonly children: ReactNode;
}

export function AppProviders({ queryClient, sessionStore, children }: AppProvidersProps) {
  const { transport } = useSyncExternalStore(sessionStore.subscribe, sessionStore.getState);
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider store={sessionStore}>
        <TransportProvider transport={transport}>
          <ToastProvider>{children}</ToastProvider>
        </TransportProvider>
      </SessionProvider>
    </QueryClientProvider>
  );
}
