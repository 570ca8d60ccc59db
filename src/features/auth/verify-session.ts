// Checks a token before it becomes the session: one ListExporters call with
// page_size 1, the cheapest call that proves the token and its namespace.
import { callUnaryMethod } from "@connectrpc/connect-query";
import { useMutation } from "@tanstack/react-query";
import { parentName } from "@/domain/resource-names";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";
import type { Session } from "@/lib/session";
import { createSessionTransport } from "@/lib/transport";

export async function verifySession(session: Session): Promise<Session> {
  // A throwaway transport for the candidate: the session's own is made when it is saved.
  const transport = createSessionTransport(session);
  await callUnaryMethod(transport, ClientService.method.listExporters, {
    parent: parentName(session.namespace),
    pageSize: 1,
  });
  return session;
}

/** The sign-in check; it shows a session-fatal answer itself instead of ending a session. */
export function useVerifySession() {
  return useMutation({
    mutationFn: verifySession,
    meta: { handlesSessionRejection: true },
  });
}
