// Authentication of every ClientService call, in the controller's order and
// words (spec section 3 [A6]-[A15], call metadata [H1]-[H4], clients and
// provisioning [Z1]-[Z4]). The first failure is returned.
import { Code, ConnectError } from "@connectrpc/connect";
import { deriveClientName, namesItsClient } from "../../src/domain/client-names.js";
import type { ClientRecord } from "./records.js";
import { internalSubject, type TokenCheck } from "./tokens.js";

/** The request's metadata with every occurrence of each key (HTTP/2 may repeat a header). */
export interface MetadataView {
  values(key: string): readonly string[];
}

export function metadataFromHeaders(headers: Headers): MetadataView {
  // Headers joins repeats with ", ": a best effort when the raw headers are not at hand.
  return { values: (key) => (headers.has(key) ? (headers.get(key) ?? "").split(", ") : []) };
}

/** From Node's rawHeaders ([name, value, name, value, ...]), keeping repeats apart. */
export function metadataFromRawHeaders(raw: readonly string[]): MetadataView {
  const map = new Map<string, string[]>();
  for (let i = 0; i + 1 < raw.length; i += 2) {
    const key = (raw[i] ?? "").toLowerCase();
    const list = map.get(key) ?? [];
    list.push(raw[i + 1] ?? "");
    map.set(key, list);
  }
  return { values: (key) => map.get(key) ?? [] };
}

export interface AuthDeps {
  /** The one namespace this controller serves. */
  readonly namespace: string;
  /** [A1]: the authenticator chain — the external issuers, then the internal one. */
  readonly verifyToken: (token: string, nowMs: number) => Promise<TokenCheck>;
  /** authentication.internal.prefix [CF1]. */
  readonly internalPrefix: string;
  readonly provisioning: boolean;
  readonly client: (name: string) => ClientRecord | undefined;
  /** [Z3] Creates the Client the headers name, for this user. */
  readonly provision: (name: string, username: string) => Promise<ClientRecord>;
  readonly now: () => number;
}

const invalid = (message: string): ConnectError => new ConnectError(message, Code.InvalidArgument);
/** Go's %q, near enough: a double-quoted string with escapes. */
const goQuote = (s: string): string => JSON.stringify(s);
const unknown = (message: string): ConnectError => new ConnectError(message, Code.Unknown);

function single(metadata: MetadataView, key: string): string {
  const values = metadata.values(key);
  if (values.length === 0) throw invalid(`missing metadata: ${key}`);
  if (values.length > 1) throw invalid(`multiple metadata: ${key}`);
  return values[0] ?? "";
}

/** [A6]-[A8]: the bearer token of the one authorization header. */
function bearerToken(metadata: MetadataView): string {
  const values = metadata.values("authorization");
  if (values.length === 0) throw new ConnectError("missing authorization header", Code.Unauthenticated);
  if (values.length > 1) throw invalid("multiple authorization headers");
  const header = values[0] ?? "";
  if (header.length < 7 || header.slice(0, 7).toLowerCase() !== "bearer ") throw invalid("malformed authorization header");
  return header.slice(7);
}

/** [H3]/[H4]: the Client name from the headers (and, for OIDC users, from the user name). */
function clientNameFor(metadata: MetadataView, username: string): string {
  const given = metadata.values("jumpstarter-name");
  if (namesItsClient(username)) {
    if (given.length !== 1 || given[0] === "") throw invalid("resource name required for pre-existing authentication");
    return given[0] ?? "";
  }
  const derived = deriveClientName(username);
  const provided = given.length === 1 ? (given[0] ?? "") : "";
  if (provided !== "" && provided !== derived) {
    throw invalid(`resource name mismatch: provided ${goQuote(provided)} but expected ${goQuote(derived)} (derived from OIDC username ${goQuote(username)})`);
  }
  return derived;
}

/** [Z1] */
function accepts(client: ClientRecord, namespace: string, username: string, prefix: string): boolean {
  return username === `${prefix}${internalSubject(namespace, client.name, client.uid)}` || (client.username !== undefined && username === client.username);
}

/**
 * The Client a call acts as. `requestNamespace` is the namespace of the
 * request's resource name or parent ([A15]); undefined for calls without one.
 */
export async function authenticate(metadata: MetadataView, requestNamespace: string | undefined, deps: AuthDeps): Promise<ClientRecord> {
  const token = bearerToken(metadata);
  const check = await deps.verifyToken(token, deps.now());
  if (!check.ok) throw unknown(check.unknown ? "failed to authenticate token" : check.message);

  // The controller reads all three headers, then checks the kind.
  const namespace = single(metadata, "jumpstarter-namespace");
  const kind = single(metadata, "jumpstarter-kind");
  const name = clientNameFor(metadata, check.username);
  if (kind !== "Client") throw invalid("object kind mismatch");

  // [Z4]: one controller serves one namespace; elsewhere the lookup finds nothing.
  let client = namespace === deps.namespace ? deps.client(name) : undefined;
  if (client === undefined) {
    if (!deps.provisioning || namespace !== deps.namespace) {
      throw unknown(`client ${namespace}/${name}: clients.jumpstarter.dev "${name}" not found`);
    }
    client = await deps.provision(name, check.username);
  }
  if (!accepts(client, namespace, check.username, deps.internalPrefix)) {
    throw new ConnectError(`permission denied for client ${namespace}/${name}`, Code.PermissionDenied);
  }
  if (requestNamespace !== undefined && requestNamespace !== namespace) throw new ConnectError("namespace mismatch", Code.PermissionDenied);
  return client;
}
