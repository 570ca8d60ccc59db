// Signing out forgets the token everywhere (tab and device) and every cached
// answer; a session from the lab's provider is ended there too, so the next
// person at this browser signs in with their own password.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router";
import { signOutAtProvider } from "@/features/auth/oidc/oidc-client";
import { useSessionStore } from "@/lib/session-context";

export function useSignOut(): () => void {
  const store = useSessionStore();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    const oidc = store.getState().session?.oidc;
    void navigate("/sign-in");
    store.signOut();
    queryClient.clear();
    if (oidc !== undefined) void signOutAtProvider(oidc);
  }, [navigate, store, queryClient]);
}
