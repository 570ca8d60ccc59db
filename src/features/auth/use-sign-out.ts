// Signing out forgets the token everywhere (tab and device) and every cached answer.
import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useNavigate } from "react-router";
import { useSessionStore } from "@/lib/session-context";

export function useSignOut(): () => void {
  const store = useSessionStore();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(() => {
    void navigate("/sign-in");
    store.signOut();
    queryClient.clear();
  }, [navigate, store, queryClient]);
}
