// The controller's login service [CF3], as `jmp login <endpoint>` and a
// portal's backend read it: plain HTTP (a TLS-terminating Ingress sits in
// front of the real one), `GET /v1/auth/config` with the gRPC endpoint, the
// namespace, the CA bundle and one entry per external OIDC authenticator (the
// internal issuer left out); `GET /` a landing page; `GET /healthz` "ok". No
// CORS headers: a browser portal fetches it through its own backend.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface LoginServiceConfig {
  readonly grpcEndpoint: string;
  readonly routerEndpoint?: string;
  readonly namespace: string;
  /** base64 of a PEM bundle. */
  readonly caBundle?: string;
  readonly oidc: readonly { readonly issuer: string; readonly clientId: string; readonly audiences: readonly string[] }[];
}

export interface RunningLoginService {
  readonly url: string;
  stop(): Promise<void>;
}

export async function startLoginService(options: { host: string; port: number; config: () => LoginServiceConfig }): Promise<RunningLoginService> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?", 1)[0];
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    if (path === "/v1/auth/config") {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(options.config()));
    } else if (path === "/healthz") {
      res.writeHead(200, { "content-type": "text/plain" }).end("ok");
    } else if (path === "/") {
      const c = options.config();
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<!doctype html><title>Jumpstarter login</title><h1>Jumpstarter</h1><p>Namespace <code>${c.namespace}</code>, gRPC endpoint <code>${c.grpcEndpoint}</code>.</p><p>Sign in with <code>jmp login</code> pointed at this address.</p>`);
    } else {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
