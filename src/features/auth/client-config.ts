// Reads a `jmp` client config file (YAML), the file a Jumpstarter user
// already has, into what the portal needs to sign in. Pure: no React, no I/O.
import { LineCounter, parseDocument } from "yaml";

export interface ClientConfig {
  readonly namespace: string;
  readonly clientName: string;
  readonly token: string;
  /** The controller's gRPC endpoint, as the command line uses it. */
  readonly endpoint?: string;
  readonly tls?: { readonly insecure: boolean; readonly hasCa: boolean };
}

export type ClientConfigParse =
  | { readonly ok: true; readonly config: ClientConfig }
  | { readonly ok: false; readonly message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  if (typeof v === "string") return v.trim();
  if (typeof v === "number") return String(v);
  return undefined;
}

const fail = (message: string): ClientConfigParse => ({ ok: false, message });

/** Parses the file's text. `fileName` only makes the messages friendlier. */
export function parseClientConfig(source: string, fileName = "The file"): ClientConfigParse {
  if (source.trim() === "") return fail(`${fileName} is empty. Choose the client config that jmp uses (for example ~/.config/jumpstarter/clients/<name>.yaml).`);
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { prettyErrors: false, uniqueKeys: false, lineCounter });
  const firstError = doc.errors[0];
  if (firstError !== undefined) {
    const where = ` (line ${lineCounter.linePos(firstError.pos[0]).line})`;
    return fail(`${fileName} is not valid YAML${where}: ${firstError.message.split("\n")[0] ?? ""}`);
  }
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return fail(`${fileName} could not be read as YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!isRecord(root)) {
    return fail(`${fileName} is YAML but not a jmp client config: expected keys such as metadata, endpoint and token.`);
  }
  const kind = text(root["kind"]);
  if (kind !== undefined && kind !== "" && kind !== "ClientConfig") {
    const hint = kind === "ExporterConfig" ? " It is an exporter's config; sign in with a client's." : "";
    return fail(`${fileName} is of kind ${kind}, not ClientConfig.${hint}`);
  }
  const metadata = root["metadata"];
  const namespace = isRecord(metadata) ? text(metadata["namespace"]) : undefined;
  const clientName = isRecord(metadata) ? text(metadata["name"]) : undefined;
  const token = text(root["token"]);
  const missing: string[] = [];
  if (token === undefined || token === "") missing.push("token");
  if (namespace === undefined || namespace === "") missing.push("metadata.namespace");
  if (clientName === undefined || clientName === "") missing.push("metadata.name");
  if (missing.length > 0 || token === undefined || namespace === undefined || clientName === undefined) {
    return fail(`${fileName} has no ${missing.join(", no ")}. A jmp client config names its client (metadata.name), namespace (metadata.namespace) and carries its token.`);
  }
  const endpoint = text(root["endpoint"]);
  const tlsRaw = root["tls"];
  const tls = isRecord(tlsRaw)
    ? { insecure: tlsRaw["insecure"] === true, hasCa: typeof tlsRaw["ca"] === "string" && tlsRaw["ca"].trim() !== "" }
    : undefined;
  return {
    ok: true,
    config: {
      namespace,
      clientName,
      token,
      ...(endpoint === undefined || endpoint === "" ? {} : { endpoint }),
      ...(tls === undefined ? {} : { tls }),
    },
  };
}
