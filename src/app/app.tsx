// The app: its long-lived objects are made once here (not per render, not
// as module singletons), then handed to the providers and the router.
import { useState } from "react";
import { AppProviders } from "@/app/providers";
import { AppRoutes } from "@/app/router";
import { createOidcTokenRenewal } from "@/features/auth/oidc/oidc-renewal";
import { createQueryClient } from "@/lib/query-client";
import { browserStorageAreas, createSessionStore } from "@/lib/session";
import { createSessionTransport } from "@/lib/transport";

function createApp() {
  // An OIDC session's calls send the token that renewal keeps fresh. The
  // renewal follows the store, so it is made just after; calls come later.
  const sessionStore = createSessionStore(browserStorageAreas(), (session) =>
    createSessionTransport(session, session?.oidc === undefined ? {} : { currentToken: () => renewal.currentToken() }),
  );
  const renewal = createOidcTokenRenewal(sessionStore);
  // A session-fatal answer anywhere (bad or expired token, unknown client...)
  // ends the session; the route guard then sends the user to sign-in with
  // the reason and the way back.
  const queryClient = createQueryClient({ onSessionRejected: (reason) => sessionStore.reject(reason) });
  return { sessionStore, queryClient };
}

export function App() {
  const [app] = useState(createApp);
  return (
    <AppProviders queryClient={app.queryClient} sessionStore={app.sessionStore}>
      <AppRoutes queryClient={app.queryClient} sessionStore={app.sessionStore} />
    </AppProviders>
  );
}
