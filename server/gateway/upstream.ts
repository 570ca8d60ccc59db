// The gateway's one gRPC (HTTP/2) connection to the controller [T7].
// https:// is TLS with ALPN h2 and SNI set to the controller's host name
// (none for an IP address, as RFC 6066 wants), verified against Node's root
// CAs (plus NODE_EXTRA_CA_CERTS), against --ca-file alone, or not at all with
// --insecure. http:// is cleartext h2c, which only the lab simulator offers.
import { readFileSync } from "node:fs";
import type { SecureClientSessionOptions } from "node:http2";
import { isIP } from "node:net";
import { createClient, type Client } from "@connectrpc/connect";
import { Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";
import { Health } from "../../src/gen/grpc/health/v1/health_pb.js";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";

export interface UpstreamOptions {
  controller: string;
  caFile?: string | undefined;
  insecure?: boolean | undefined;
}

export interface Upstream {
  client: Client<typeof ClientService>;
  /** The connection itself, for the pass-through's raw HTTP/2 streams (raw-unary-call.ts). */
  sessions: Http2SessionManager;
  /** grpc.health.v1.Health on the same connection, for readiness [T4]. */
  health: Client<typeof Health>;
  /** The controller URL, for messages. */
  url: string;
  close(): void;
}

/**
 * The largest controller answer the gateway takes: unpaged lists of a large
 * lab exceed the 4 MiB that many gRPC clients allow by default [T7]. Connect's
 * own default is 4 GiB, i.e. no limit; this keeps "well above 4 MiB" while a
 * runaway answer still cannot take all of the gateway's memory.
 */
export const upstreamReadMaxBytes = 64 * 1024 * 1024;

/**
 * HTTP/2 flow-control windows toward the controller. With the defaults (64 KiB
 * per stream and per connection) the controller stops every 64 KiB of a
 * large answer until the gateway's WINDOW_UPDATE comes back: a round trip per
 * 64 KiB of a 1,000-exporter list (issue 13). A stream may take 8 MiB
 * unacknowledged, the connection 16 MiB (two large answers at full speed);
 * the answers are held in memory anyway, within the call limit.
 */
export const upstreamStreamWindowBytes = 8 * 1024 * 1024;
export const upstreamConnectionWindowBytes = 16 * 1024 * 1024;

/** The TLS server name to send: the URL's host name, or none for an IP literal. */
export function serverName(url: URL): string | undefined {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  return isIP(host) === 0 ? host : undefined;
}

const windowSettings = { initialWindowSize: upstreamStreamWindowBytes };

function tlsOptions(url: URL, options: UpstreamOptions): SecureClientSessionOptions {
  // gRPC needs HTTP/2, so h2 is the only protocol offered (node's http2 offers no other either).
  const tls: SecureClientSessionOptions = { ALPNProtocols: ["h2"], settings: windowSettings };
  const servername = serverName(url);
  if (servername !== undefined) tls.servername = servername;
  if (options.caFile !== undefined) {
    try {
      tls.ca = readFileSync(options.caFile, "utf8");
    } catch (e) {
      throw new Error(`cannot read the CA file ${options.caFile}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
  }
  if (options.insecure === true) tls.rejectUnauthorized = false;
  return tls;
}

export function createUpstream(options: UpstreamOptions): Upstream {
  const url = new URL(options.controller);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`the controller URL must start with http:// or https://, got ${options.controller}`);
  }
  const secure = url.protocol === "https:";
  if (!secure && (options.caFile !== undefined || options.insecure === true)) {
    throw new Error(`--ca-file and --insecure apply to an https:// controller only, got ${options.controller}`);
  }
  // Own the session manager so stop() can close the connection.
  const session = new Http2SessionManager(
    options.controller,
    // Notice a controller that vanished without closing the connection.
    { pingIntervalMs: 30_000, pingTimeoutMs: 10_000 },
    secure ? tlsOptions(url, options) : { settings: windowSettings },
  );
  const transport = createGrpcTransport({ baseUrl: options.controller, sessionManager: session, readMaxBytes: upstreamReadMaxBytes });
  return {
    client: createClient(ClientService, transport),
    sessions: session,
    health: createClient(Health, transport),
    url: options.controller,
    close: () => session.abort(),
  };
}
