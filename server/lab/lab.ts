// Starts the lab simulator: store, scenario, engine, optional simulation, and a
// gRPC (HTTP/2) server for jumpstarter.client.v1.ClientService and
// grpc.health.v1.Health, over TLS with the lab's own CA by default [T1][T9].
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Code, ConnectError, createContextKey, createContextValues, type Interceptor } from "@connectrpc/connect";
import { connectNodeAdapter } from "@connectrpc/connect-node";
import { Health } from "../../src/gen/grpc/health/v1/health_pb.js";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { metadataFromHeaders, metadataFromRawHeaders, type MetadataView } from "./auth.js";
import { writeClientConfig, type ClientTransport } from "./client-config.js";
import { createClientService } from "./client-service.js";
import { ensurePrivateDataFolder } from "./data-folder.js";
import { durableAnswers } from "./durable-answers.js";
import { ContinueTokens, DEFAULT_CONTINUE_TTL_MS } from "./continue-tokens.js";
import { LabEngine } from "./engine.js";
import { startGrpcListener, type GrpcListener, type GrpcRequestLoad, type ListenerSecurity } from "./grpc-listener.js";
import { withGoStyleGrpcMessage } from "./grpc-message.js";
import { DEFAULT_MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES_CEILING } from "./message-limit.js";
import { createHealthService } from "./health-service.js";
import type { ClientRecord } from "./records.js";
import { applyScenario } from "./scenario-apply.js";
import { loadScenario, validateScenario, type LabScenario, type Scenario } from "./scenario.js";
import { endSimulatedOutages, LabSimulation } from "./simulation.js";
import { LabStore } from "./store.js";
import { ensureTlsMaterial } from "./tls-material.js";
import { JwtAuthenticator } from "./jwt-authenticator.js";
import { startLoginService, type RunningLoginService } from "./login-service.js";
import { checkToken, internalSubject, mintInternalToken, tokenKeys, unverifiedIssuer } from "./tokens.js";

export type { Scenario } from "./scenario.js";

export interface LabOptions {
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  dataDir: string;
  /** A scenario file path, or the scenario itself. */
  scenario: string | Scenario;
  /**
   * Serve TLS with this certificate instead of one signed by the lab's own CA
   * (which `<data>/tls/` keeps across restarts).
   */
  tls?: { certFile: string; keyFile: string };
  /** Cleartext HTTP/2 (h2c) instead of TLS: a convenience the controller does not have, and jmp cannot use [T9]. */
  plaintext?: boolean;
  /** Overrides the scenario's simulation seed. */
  seed?: number;
  /** Default: true when the scenario has a simulation section. */
  simulate?: boolean;
  /** Lease and exporter events, one line each (default: silent). */
  log?: (line: string) => void;
  /** Scenario warnings (an ignored `token:`...); default: console.warn. */
  warn?: (line: string) => void;
  /** How long a continue token stays valid ([P4]; default 5 minutes). */
  continueTokenTtlMs?: number;
  /** The lab's clock (tests move time); default Date.now. */
  now?: () => number;
  /** Also serve the controller's login service [CF3] on this port of `host` (0: a free one). */
  loginServicePort?: number;
  /** The largest request message read; a larger one is refused from its frame header (default 4 MiB, as grpc-go). */
  maxMessageBytes?: number;
}

export interface RunningLab {
  /** "https://127.0.0.1:PORT" ("http://" in plaintext mode). */
  url: string;
  /** "127.0.0.1:PORT": host:port as a jmp config's `endpoint` wants it; the certificate verifies for its host. */
  endpoint: string;
  port: number;
  /** The PEM of the CA that verifies the lab's certificate; undefined with a certificate of your own or in plaintext mode. */
  caPem: string | undefined;
  /** Its file (`<data>/tls/ca.pem`), e.g. for the gateway's --ca-file. */
  caFile: string | undefined;
  namespace: string;
  /** The login service's http:// URL, when asked for. */
  loginServiceUrl: string | undefined;
  /** Each client's current token (the one in its config file; a rotated token shows up here) and config file path. */
  clients: { name: string; token: string; configPath: string }[];
  /** For tests and diagnostics: the gRPC requests open now and the body bytes they hold unread. */
  grpcRequests(): GrpcRequestLoad;
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

/** The call's metadata with repeated headers kept apart ([A7], [H2]), from Node's raw headers. */
const metadataKey = createContextKey<MetadataView | undefined>(undefined);

function hostForClients(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

export async function startLab(options: LabOptions): Promise<RunningLab> {
  const scenario: LabScenario = typeof options.scenario === "string" ? loadScenario(options.scenario) : validateScenario(options.scenario);
  const host = options.host ?? "127.0.0.1";
  const now = options.now ?? ((): number => Date.now());
  const log = options.log ?? (() => undefined);
  const warn = options.warn ?? ((line: string) => console.warn(`lab: ${line}`));
  if (options.plaintext === true && options.tls !== undefined) throw new Error("a lab serves either plaintext or TLS with a certificate of its own, not both");
  const maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  if (!Number.isSafeInteger(maxMessageBytes) || maxMessageBytes < 1 || maxMessageBytes > MAX_MESSAGE_BYTES_CEILING) {
    throw new Error(`the largest request message must be a whole number of bytes from 1 to ${MAX_MESSAGE_BYTES_CEILING}, not ${maxMessageBytes}`);
  }
  // Before anything is written there: the folder holds every token and key (issue 12, item 7).
  ensurePrivateDataFolder(options.dataDir);
  // First: making keys takes a moment, and nothing needs cleaning up if reading a certificate fails.
  const { security, clientTransport, ca } = await transportFor(options, host);
  const store = new LabStore(options.dataDir);
  let engine: LabEngine | undefined;
  let simulation: LabSimulation | undefined;
  let listener: GrpcListener | undefined;
  let externalIssuers: JwtAuthenticator[] = [];
  let loginService: RunningLoginService | undefined;
  try {
    if (store.discardedOlderLab) warn(`${options.dataDir} held a lab of an older simulator (protocol version 1); it was replaced by a fresh one`);
    for (const w of scenario.warnings) warn(w);
    const keys = tokenKeys(store.getMeta("token-signing-key"), (pem) => store.setMeta("token-signing-key", pem));
    await applyScenario(store, scenario, { keys, nowMs: now() });
    engine = new LabEngine(store, { now, log, policies: scenario.accessPolicies });
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
      configPaths.set(name, writeClientConfig(options.dataDir, { namespace: scenario.namespace, name, token, endpoint, transport: clientTransport }));
    };
    const { controller } = scenario;
    // [A3] each external issuer's discovery runs in the background; its tokens wait for it.
    externalIssuers = controller.jwt.map((config) => new JwtAuthenticator(config, log));
    for (const issuer of externalIssuers) void issuer.start();
    const mint = (client: Pick<ClientRecord, "name" | "uid">) =>
      mintInternalToken(keys, internalSubject(scenario.namespace, client.name, client.uid), now(), controller.tokenLifetimeMs);
    const service = createClientService({
      namespace: scenario.namespace,
      store,
      engine,
      continueTokens: new ContinueTokens(store.secret("continue-token-secret"), options.continueTokenTtlMs ?? DEFAULT_CONTINUE_TTL_MS),
      labels: { hiddenKeys: new Set(controller.hiddenLabelKeys), deprecated: controller.deprecatedLabels },
      maxTags: controller.maxTags,
      auth: {
        verifyToken: (token, nowMs) => {
          // [A1] a token goes to the authenticator whose issuer is its (unverified) iss.
          const issuer = unverifiedIssuer(token);
          const external = externalIssuers.find((a) => a.issuer === issuer);
          return external !== undefined ? external.check(token, nowMs) : checkToken(keys, token, controller.internalPrefix, nowMs);
        },
        internalPrefix: controller.internalPrefix,
        provisioning: controller.provisioning,
        client: (name) => store.client(name),
        // [Z3] the Client, and shortly after its credential secret with an internal token.
        provision: async (name, username) => {
          const uid = randomUUID();
          const minted = await mint({ name, uid });
          const client: ClientRecord = { name, uid, labels: {}, username, token: minted.token, tokenExpiryMs: minted.expiryMs, provisioned: true };
          store.commit({ clients: [client] });
          writeConfig(client.name, client.token);
          log(`client ${name} provisioned for ${username}`);
          return client;
        },
      },
      metadata: (ctx) => ctx.values.get(metadataKey) ?? metadataFromHeaders(ctx.requestHeader),
      // [K2]: a new token becomes the credential; earlier ones stay valid until they expire [K4].
      rotateToken: async (client) => {
        const minted = await mint(client);
        const rotated: ClientRecord = { ...client, token: minted.token, tokenExpiryMs: minted.expiryMs };
        store.commit({ clients: [rotated] });
        writeConfig(rotated.name, rotated.token);
        return rotated;
      },
      now,
    });
    const health = createHealthService([ClientService.typeName]);
    const handler = connectNodeAdapter({
      contextValues: (req) => createContextValues().set(metadataKey, metadataFromRawHeaders(req.rawHeaders)),
      routes: (router) => {
        router.service(ClientService, service);
        // [T4]: beside ClientService, without authentication.
        router.service(Health, health.service);
      },
      // A gRPC controller: plain gRPC over HTTP/2 only (the gateway does gRPC-Web).
      grpc: true,
      grpcWeb: false,
      connect: false,
      // Outermost first: an answer leaves only once its changes are on disk (group commit).
      interceptors: [internalErrors, durableAnswers(store)],
      // Checked against each frame's declared length before its bytes are buffered.
      readMaxBytes: maxMessageBytes,
      // Answers go out uncompressed, as grpc-go's do for a request that was not compressed:
      // gzip of a 1,000-exporter list costs more than sending it over the lab's network.
      compressMinBytes: Number.POSITIVE_INFINITY,
      // Only gRPC requests get here (grpc-listener.ts answers the rest): an unknown method.
      fallback: (req, res) => {
        // Read the request to its end first: answering mid-upload makes HTTP/2 reset the stream.
        req.resume();
        req.once("end", () => {
          res.writeHead(200, { "content-type": "application/grpc" });
          res.addTrailers({
            "grpc-status": String(Code.Unimplemented),
            "grpc-message": `unknown method ${req.url ?? ""}`,
          });
          res.end();
        });
      },
    });
    listener = await startGrpcListener({ host, port: options.port ?? 0, security, grpc: (req, res) => handler(req, withGoStyleGrpcMessage(res)) });
    const port = listener.port;
    endpoint = `${hostForClients(host)}:${port}`;
    const url = `${security.kind === "plaintext" ? "http" : "https"}://${endpoint}`;
    for (const c of store.clients()) writeConfig(c.name, c.token);
    simulation?.start();
    if (options.loginServicePort !== undefined) {
      loginService = await startLoginService({
        host,
        port: options.loginServicePort,
        config: () => ({
          grpcEndpoint: endpoint,
          namespace: scenario.namespace,
          ...(ca === undefined ? {} : { caBundle: Buffer.from(ca.pem, "utf8").toString("base64") }),
          // The internal issuer is left out; jmp's own client id, as the controller reports it.
          oidc: controller.jwt.map((a) => ({ issuer: a.issuer.url, clientId: "jumpstarter-cli", audiences: [...a.issuer.audiences] })),
        }),
      });
    }

    const running = { engine, simulation, listener, health, loginService };
    let stopping: Promise<void> | undefined;
    return {
      url,
      endpoint,
      port,
      caPem: ca?.pem,
      caFile: ca?.file,
      loginServiceUrl: loginService?.url,
      namespace: scenario.namespace,
      grpcRequests: () => running.listener.grpcRequests(),
      get clients() {
        return store.clients().map((c) => ({ name: c.name, token: c.token, configPath: configPaths.get(c.name) ?? "" }));
      },
      stop() {
        stopping ??= (async () => {
          running.simulation?.stop();
          running.health.shutdown();
          for (const issuer of externalIssuers) issuer.stop();
          await running.loginService?.stop();
          await running.listener.close();
          running.engine.stop();
          store.close();
        })();
        return stopping;
      },
    };
  } catch (e) {
    simulation?.stop();
    engine?.stop();
    for (const issuer of externalIssuers) issuer.stop();
    await loginService?.stop();
    await listener?.close();
    store.close();
    throw e;
  }
}

/**
 * What the listener serves and what client configs say: TLS with a
 * certificate signed by the lab's CA (the default), TLS with the operator's
 * certificate, or cleartext.
 */
async function transportFor(
  options: LabOptions,
  host: string,
): Promise<{ security: ListenerSecurity; clientTransport: ClientTransport; ca: { pem: string; file: string } | undefined }> {
  if (options.plaintext === true) return { security: { kind: "plaintext" }, clientTransport: { kind: "plaintext" }, ca: undefined };
  if (options.tls !== undefined) {
    const security = { kind: "tls", certPem: readFileSync(options.tls.certFile), keyPem: readFileSync(options.tls.keyFile) } as const;
    return { security, clientTransport: { kind: "tls", caPem: undefined }, ca: undefined };
  }
  const material = await ensureTlsMaterial(options.dataDir, { listenHost: host });
  return {
    // The whole chain: jmp's tls.insecure trusts exactly the chain the server presents [J2],
    // which works only if the CA is in it.
    security: { kind: "tls", certPem: material.certPem + material.caPem, keyPem: material.keyPem },
    clientTransport: { kind: "tls", caPem: material.caPem },
    ca: { pem: material.caPem, file: material.caFile },
  };
}
