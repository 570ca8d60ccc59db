// The wall's read-only client: its token, read from a file (the token alone,
// or a jmp client config holding it) or an environment variable, and who it
// is, from the token's claims ([A2]) or given beside it. Read at start; a
// malformed one stops the gateway with a line a person can act on.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { readTokenIdentity } from "../../src/domain/client-token.js";

export interface WallCredentials {
  readonly token: string;
  readonly namespace: string;
  readonly clientName: string;
}

export interface WallCredentialSource {
  /** A file with the token, or a jmp client config (`token:`, `metadata.namespace`, `metadata.name`). */
  readonly tokenFile?: string | undefined;
  /** The token itself (PORTAL_WALL_TOKEN). */
  readonly token?: string | undefined;
  /** For a token whose claims name no client (an OIDC one). */
  readonly namespace?: string | undefined;
  readonly clientName?: string | undefined;
}

interface ClientConfigShape {
  readonly token?: unknown;
  readonly metadata?: { readonly namespace?: unknown; readonly name?: unknown };
}

const text = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** The token and the names a file gives: a bare token, or a jmp client config. */
export function readWallTokenFile(content: string): { token: string | undefined; namespace?: string; clientName?: string } {
  const trimmed = content.trim();
  if (/^[A-Za-z0-9._~+/=-]+$/.test(trimmed)) return { token: trimmed };
  let parsed: unknown;
  try {
    parsed = parseYaml(trimmed);
  } catch {
    return { token: undefined };
  }
  if (typeof parsed !== "object" || parsed === null) return { token: undefined };
  const config = parsed as ClientConfigShape;
  const namespace = text(config.metadata?.namespace);
  const clientName = text(config.metadata?.name);
  return { token: text(config.token), ...(namespace === undefined ? {} : { namespace }), ...(clientName === undefined ? {} : { clientName }) };
}

/** The wall's credentials, or undefined when none were given. Throws an Error whose message says what to fix. */
export function loadWallCredentials(source: WallCredentialSource): WallCredentials | undefined {
  if (source.tokenFile === undefined && source.token === undefined) return undefined;
  let fromFile: ReturnType<typeof readWallTokenFile> = { token: undefined };
  if (source.tokenFile !== undefined) {
    let content: string;
    try {
      content = readFileSync(source.tokenFile, "utf8");
    } catch (e) {
      throw new Error(`cannot read the wall token file ${source.tokenFile}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    fromFile = readWallTokenFile(content);
    if (fromFile.token === undefined) throw new Error(`the wall token file ${source.tokenFile} holds neither a token nor a jmp client config with a token`);
  }
  const token = fromFile.token ?? text(source.token);
  if (token === undefined) throw new Error("the wall token is empty");
  const identity = readTokenIdentity(token);
  const claimed = identity.kind === "internal" ? { namespace: identity.namespace, clientName: identity.name } : {};
  const namespace = source.namespace ?? fromFile.namespace ?? claimed.namespace;
  const clientName = source.clientName ?? fromFile.clientName ?? claimed.clientName;
  if (namespace === undefined || clientName === undefined) {
    throw new Error("the wall token names no client: give its namespace and client name (--wall-namespace, --wall-client)");
  }
  return { token, namespace, clientName };
}
