// GetExporter for the detail page, refreshed about every 10 s (not once the
// controller said there is no such exporter: UNKNOWN "... not found" [X1]).
import { useQuery } from "@connectrpc/connect-query";
import { exporterName } from "@/domain/resource-names";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { EXPORTERS_POLL_MS } from "@/lib/config";
import { isNoSuchObject } from "@/lib/errors";
import { useSession } from "@/lib/session-context";

export function useExporter(name: string) {
  const { namespace } = useSession();
  return useQuery(
    ClientService.method.getExporter,
    { name: exporterName(namespace, name) },
    { refetchInterval: (query) => (query.state.error !== null && isNoSuchObject(query.state.error) ? false : EXPORTERS_POLL_MS) },
  );
}
