// Bearer-token authentication: the token names one client of the lab's namespace.
import { Code, ConnectError } from "@connectrpc/connect";
import type { ClientRecord } from "./records.js";

export interface TokenDirectory {
  clientByToken(token: string): ClientRecord | undefined;
}

const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export function authenticate(headers: Headers, directory: TokenDirectory, nowMs: number): ClientRecord {
  const header = headers.get("authorization");
  if (header === null || header.trim() === "") {
    throw new ConnectError("missing bearer token: send the header 'authorization: Bearer <token>'", Code.Unauthenticated);
  }
  const match = BEARER.exec(header.trim());
  if (match === null) {
    throw new ConnectError("missing bearer token: the authorization header must read 'Bearer <token>'", Code.Unauthenticated);
  }
  const client = directory.clientByToken(match[1] ?? "");
  if (client === undefined || (client.tokenExpiryMs !== undefined && client.tokenExpiryMs <= nowMs)) {
    throw new ConnectError("invalid or expired token", Code.Unauthenticated);
  }
  return client;
}
