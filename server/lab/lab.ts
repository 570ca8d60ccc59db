// Starts the lab simulator: store, scenario, engine, optional simulation, and a
// gRPC (HTTP/2) server for jumpstarter.client.v1.ClientService.
import { readFileSync } from "node:fs";
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { Code, ConnectError, type Interceptor } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { writeClientConfig } from "./client-config.js";
import { createClientService } from "./client-service.js";
import { LabEngine } from "./engine.js";
import { PageTokens } from "./page-token.js";
import { applyScenario } from "./scenario-apply.js";
import { loadScenario, validateScenario, type LabScenario, type Scenario } from "./scenario.js";
import { endSimulatedOutages, LabSimulation } from "./simulation.js";
import { LabStore } from "./store.js";

export type { Scenario } from "./scenario.js";

export interface LabOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir: string;
  /** A scenario file path, or the scenario itself. */
  scenario: string | Scenario;
  /** Serve gRPC over TLS (HTTP/2 with ALPN) instead of cleartext h2c. */
  tls?: { certFile: string; keyFile: string };
  /** Overrides the scenario's simulation seed. */
  seed?: number;
  /** Default: true when the scenario has a simulation section. */
  simulate?: boolean;
  /** Lease and exporter events, one line each (default: silent). */
  log?: (line: string) => void;
}

export interface RunningLab {
  /** "http://127.0.0.1:PORT" (or https with TLS). */
  url: string;
  port: number;
  namespace: string;
  /** Current tokens (a rotated token shows up here) and config file paths. */
  clients: { name: string; token: string; configPath: string }[];
  stop(): Promise<void>;
}

/** Anything that is not already a ConnectError is a bug: say so as Internal, and log it. */
const internalErrors: Interceptor = (next) => async (req) => {
  try {
    return await next(req);
  } catch (e) {
    if (e instanceof ConnectError) throw e;
    console.error(`lab: ${req.method.name} failed unexpectedly:`, e);
    throw new ConnectError(`internal error in ${req.method.name}: ${e instanceof Error ? e.message : String(e)}`, Code.Internal);
  }
};

function hostForClients(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startLab(options: LabOptions): Promise<RunningLab> {
  const scenario: LabScenario = typeof options.scenario === "string" ? loadScenario(options.scenario) : validateScenario(options.scenario);
  const host = options.host ?? "127.0.0.1";
  const now = (): number => Date.now();
  const log = options.log ?? (() => undefined);
  const store = new LabStore(options.dataDir);
  let engine: LabEngine | undefined;
  let simulation: LabSimulation | undefined;
  let server: http2.Http2Server | http2.Http2SecureServer | undefined;
  try {
    applyScenario(store, scenario, now());
    engine = new LabEngine(store, { now, log });
    const simulate = options.simulate ?? scenario.simulation !== undefined;
    if (simulate && scenario.simulation !== undefined) {
      const config = { ...scenario.simulation, seed: options.seed ?? scenario.simulation.seed };
      simulation = new LabSimulation({ store, engine, config, now, log });
      engine.setHookPolicy(simulation.hookPolicy());
    }
    engine.start();
    if (simulation === undefined) endSimulatedOutages(store, engine);

    let endpoint = "";
    const configPaths = new Map<string, string>();
    const writeConfig = (name: string, token: string): void => {
      configPaths.set(name, writeClientConfig(options.dataDir, { namespace: scenario.namespace, name, token, endpoint }));
    };
    const service = createClientService({
      namespace: scenario.namespace,
      store,
      engine,
      pageTokens: new PageTokens(store.secret("page-token-secret")),
      now,
      onTokenRotated: (client) => writeConfig(client.name, client.token),
    });
    const handler = connectNodeAdapter({
      routes: (router) => router.service(ClientService, service),
      // A gRPC controller: plain gRPC over HTTP/2 only (the gateway does gRPC-Web).
      grpc: true,
      grpcWeb: false,
      connect: false,
      interceptors: [internalErrors],
      fallback: (req, res) => {
        const contentType = req.headers["content-type"] ?? "";
        // Read the request to its end first: answering mid-upload makes HTTP/2 reset the stream.
        req.resume();
        req.once("end", () => {
          if (contentType.startsWith("application/grpc")) {
            res.writeHead(200, { "content-type": "application/grpc" });
            res.addTrailers({
              "grpc-status": String(Code.Unimplemented),
              "grpc-message": encodeURIComponent(`unknown method ${req.url ?? ""}`),
            });
          } else {
            res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
            res.write("This is a Jumpstarter controller (lab simulator): it speaks gRPC over HTTP/2 only.\n");
          }
          res.end();
        });
      },
    });
    const tls = options.tls;
    server =
      tls === undefined
        ? http2.createServer(handler)
        : http2.createSecureServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile), allowHTTP1: false }, handler);
    const sessions = new Set<http2.ServerHttp2Session>();
    server.on("session", (session: http2.ServerHttp2Session) => {
      sessions.add(session);
      session.on("close", () => sessions.delete(session));
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(options.port ?? 0, host, () => {
        listening.off("error", reject);
        resolve();
      });
    });
    const port = (listening.address() as AddressInfo).port;
    endpoint = `${hostForClients(host)}:${port}`;
    const url = `${tls === undefined ? "http" : "https"}://${endpoint}`;
    for (const c of store.clients()) writeConfig(c.name, c.token);
    simulation?.start();

    const running = { engine, simulation, server: listening };
    let stopping: Promise<void> | undefined;
    return {
      url,
      port,
      namespace: scenario.namespace,
      get clients() {
        return store.clients().map((c) => ({ name: c.name, token: c.token, configPath: configPaths.get(c.name) ?? "" }));
      },
      stop() {
        stopping ??= (async () => {
          running.simulation?.stop();
          await closeServer(running.server, sessions);
          running.engine.stop();
          store.close();
        })();
        return stopping;
      },
    };
  } catch (e) {
    simulation?.stop();
    engine?.stop();
    if (server?.listening === true) server.close();
    store.close();
    throw e;
  }
}

/** Stops accepting, asks open HTTP/2 sessions to finish (GOAWAY), and cuts off stragglers. */
async function closeServer(server: http2.Http2Server | http2.Http2SecureServer, sessions: Set<http2.ServerHttp2Session>): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  for (const session of sessions) session.close();
  const deadline = setTimeout(() => {
    for (const session of sessions) session.destroy();
  }, 1_000);
  await closed;
  clearTimeout(deadline);
}
