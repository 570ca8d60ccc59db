// Resource names as the controller parses them [N1]/[N2]: split on "/", check
// the number of segments and the fixed words, nothing else (empty segments
// pass; what they name fails later). Failures are INVALID_ARGUMENT.
import { Code, ConnectError } from "@connectrpc/connect";

export type ObjectKind = "exporters" | "leases" | "clients";

export function parseParentIdentifier(id: string): string {
  const parts = id.split("/");
  if (parts.length !== 2) {
    throw new ConnectError(`invalid number of segments in identifier "${id}", expecting 2, got ${parts.length}`, Code.InvalidArgument);
  }
  if (parts[0] !== "namespaces") {
    throw new ConnectError(`invalid first segment in identifier "${id}", expecting "namespaces", got "${parts[0] ?? ""}"`, Code.InvalidArgument);
  }
  return parts[1] ?? "";
}

export function parseObjectIdentifier(id: string, kind: ObjectKind): { namespace: string; name: string } {
  const parts = id.split("/");
  if (parts.length !== 4) {
    throw new ConnectError(`invalid number of segments in identifier "${id}", expecting 4, got ${parts.length}`, Code.InvalidArgument);
  }
  if (parts[0] !== "namespaces") {
    throw new ConnectError(`invalid first segment in identifier "${id}", expecting "namespaces", got "${parts[0] ?? ""}"`, Code.InvalidArgument);
  }
  if (parts[2] !== kind) {
    throw new ConnectError(`invalid third segment in identifier "${id}", expecting "${kind}", got "${parts[2] ?? ""}"`, Code.InvalidArgument);
  }
  return { namespace: parts[1] ?? "", name: parts[3] ?? "" };
}
