// GetExporter for the detail page, refreshed about every 10 s (not after NotFound).
import { useQuery } from "@connectrpc/connect-query";
import { exporterName } from "@/domain/resource-names";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { EXPORTERS_POLL_MS } from "@/lib/config";
import { isNotFound } from "@/lib/errors";
import { useSession } from "@/lib/session-context";

export function useExporter(name: string) {
  const { namespace } = useSession();
  return useQuery(
    ClientService.method.getExporter,
    { name: exporterName(namespace, name) },
    { refetchInterval: (query) => (isNotFound(query.state.error) ? false : EXPORTERS_POLL_MS) },
  );
}
