// GetLease for the detail page: every 2 s while it waits, 5 s while held,
// not at all once it has ended (or does not exist).
import { useQuery } from "@connectrpc/connect-query";
import { leaseName } from "@/domain/resource-names";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { leasePollInterval } from "@/features/leases/lease-polling";
import { useSession } from "@/lib/session-context";

/** The lease named `name` (its bare name) in the session's namespace. */
export function useLease(name: string) {
  const { namespace } = useSession();
  return useQuery(
    ClientService.method.getLease,
    { name: leaseName(namespace, name) },
    { refetchInterval: (query) => leasePollInterval(query.state.data, query.state.error, Date.now()) },
  );
}
