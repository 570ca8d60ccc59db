// The gateway's one gRPC (HTTP/2) connection to the controller. http:// is
// cleartext h2c; https:// is TLS verified against Node's root CAs (plus
// NODE_EXTRA_CA_CERTS), or against --ca-file alone, or not at all with
// --insecure.
import { readFileSync } from "node:fs";
import type { SecureClientSessionOptions } from "node:http2";
import { createClient, type Client } from "@connectrpc/connect";
import { Http2SessionManager, createGrpcTransport } from "@connectrpc/connect-node";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";

export interface UpstreamOptions {
  controller: string;
  caFile?: string | undefined;
  insecure?: boolean | undefined;
}

export interface Upstream {
  client: Client<typeof ClientService>;
  /** The controller URL, for messages. */
  url: string;
  close(): void;
}

function tlsOptions(options: UpstreamOptions): SecureClientSessionOptions {
  const tls: SecureClientSessionOptions = {};
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
    secure ? tlsOptions(options) : {},
  );
  const transport = createGrpcTransport({ baseUrl: options.controller, sessionManager: session });
  return {
    client: createClient(ClientService, transport),
    url: options.controller,
    close: () => session.abort(),
  };
}
