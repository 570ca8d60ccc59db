// Kiosk access for the wall display (issue 9, item 3): the gateway calls the
// controller as the lab's read-only wall client, so no screen carries a
// person's token. Only what the wall reads is served, under /wall-api/:
// GetExporter, ListExporters, GetLease and ListLeases; any other path is 404
// and never reaches the controller. Every screen shares one cached answer
// per request and refresh (wall-answer-cache.ts). A lab may also ask for a
// wall key: a shared secret each screen got once, sent as `x-wall-key`.
// /wall-config.json tells the SPA which way the wall signs in.
import { createHash, timingSafeEqual } from "node:crypto";
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { toBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import { Code, ConnectError, type Client, type ConnectRouter, type HandlerContext } from "@connectrpc/connect";
import { ClientService } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { callRecordKey } from "./access-log.js";
import { createRpcHandler } from "./rpc-handler.js";
import { translateUpstreamError } from "./upstream-error.js";
import { createAnswerCache } from "./wall-answer-cache.js";
import type { WallCredentials } from "./wall-credentials.js";

export interface WallOptions {
  readonly credentials?: WallCredentials | undefined;
  /** A file holding the wall key; re-read now and then, so the key changes without a restart. */
  readonly keyFile?: string | undefined;
  /** How long one answer serves every screen, and how often the wall asks; default 10 s. */
  readonly refreshMs?: number | undefined;
}

export interface KioskOptions extends WallOptions {
  readonly client: Client<typeof ClientService>;
  readonly controllerUrl: string;
  readonly upstreamTimeoutMs: number;
  readonly maxBodyBytes: number;
  /** A request body quiet for this long is cut off (as for every other call). */
  readonly bodyIdleTimeoutMs: number;
  readonly shutdownSignal: AbortSignal;
  readonly log: (line: string) => void;
}

export interface Kiosk {
  /** Whether the kiosk answers `path` (its config, or anything under its API prefix). */
  handles(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse, path: string): void;
}

export const WALL_API_PREFIX = "/wall-api";
export const WALL_CONFIG_PATH = "/wall-config.json";
export const WALL_KEY_HEADER = "x-wall-key";
export const DEFAULT_WALL_REFRESH_MS = 10_000;
const KEY_REREAD_MS = 5_000;

/** The four reads a wall makes; nothing else is ever served with the wall's token. */
export const WALL_METHODS = ["GetExporter", "ListExporters", "GetLease", "ListLeases"] as const;
const servicePath = `/${ClientService.typeName}/`;
const wallPaths = new Set(WALL_METHODS.map((m) => `${WALL_API_PREFIX}${servicePath}${m}`));

/** What the SPA reads before it draws the wall. */
export interface WallConfig {
  readonly kiosk: boolean;
  readonly namespace?: string;
  readonly keyRequired?: boolean;
  readonly refreshMs: number;
}

function digest(s: string): Buffer {
  return createHash("sha256").update(s, "utf8").digest();
}

function createKeyCheck(keyFile: string | undefined): ((given: string | null) => boolean) | undefined {
  if (keyFile === undefined) return undefined;
  const read = (): Buffer => {
    let key: string;
    try {
      key = readFileSync(keyFile, "utf8").trim();
    } catch (e) {
      throw new Error(`cannot read the wall key file ${keyFile}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    }
    if (key === "") throw new Error(`the wall key file ${keyFile} is empty`);
    return digest(key);
  };
  // Read at start, so a missing file stops the gateway rather than every wall.
  let key = read();
  let readAt = Date.now();
  return (given) => {
    if (Date.now() - readAt > KEY_REREAD_MS) {
      try {
        key = read();
      } catch {
        // Keep the last key while the file is being replaced.
      }
      readAt = Date.now();
    }
    return given !== null && timingSafeEqual(digest(given.trim()), key);
  };
}

export function createKiosk(options: KioskOptions): Kiosk {
  const { credentials, client, controllerUrl, upstreamTimeoutMs } = options;
  const refreshMs = options.refreshMs ?? DEFAULT_WALL_REFRESH_MS;
  const keyCheck = createKeyCheck(options.keyFile);
  const config: WallConfig =
    credentials === undefined
      ? { kiosk: false, refreshMs }
      : { kiosk: true, namespace: credentials.namespace, keyRequired: keyCheck !== undefined, refreshMs };
  const configBody = JSON.stringify(config);
  const cache = createAnswerCache(refreshMs);

  // The wall client's own metadata [H1]; the caller's headers never travel.
  const headers =
    credentials === undefined
      ? undefined
      : {
          authorization: `Bearer ${credentials.token}`,
          "jumpstarter-namespace": credentials.namespace,
          "jumpstarter-kind": "Client",
          "jumpstarter-name": credentials.clientName,
        };

  function read<I extends DescMessage, O>(method: string, schema: I, req: MessageShape<I>, ctx: HandlerContext, send: (o: { headers: Record<string, string>; timeoutMs: number }) => Promise<O>): Promise<O> {
    const record = ctx.values.get(callRecordKey);
    const fail = (e: ConnectError): never => {
      if (record !== undefined) record.code = e.code;
      throw e;
    };
    if (headers === undefined) return fail(new ConnectError("this portal has no wall token: sign in to see the wall", Code.Unauthenticated));
    if (keyCheck !== undefined && !keyCheck(ctx.requestHeader.get(WALL_KEY_HEADER))) {
      return fail(new ConnectError("the wall key is missing or wrong: open the wall once as /wall?key=<the lab's wall key>", Code.Unauthenticated));
    }
    const key = `${method}:${Buffer.from(toBinary(schema, req)).toString("base64")}`;
    return cache.get(key, () => send({ headers, timeoutMs: upstreamTimeoutMs })).then(
      (out) => {
        if (record !== undefined) record.code = "ok";
        return out;
      },
      (e: unknown) => fail(translateUpstreamError(e, controllerUrl)),
    );
  }

  const routes = (router: ConnectRouter): void => {
    router.service(ClientService, {
      getExporter: (req, ctx) => read("GetExporter", ClientService.method.getExporter.input, req, ctx, (o) => client.getExporter(req, o)),
      listExporters: (req, ctx) => read("ListExporters", ClientService.method.listExporters.input, req, ctx, (o) => client.listExporters(req, o)),
      getLease: (req, ctx) => read("GetLease", ClientService.method.getLease.input, req, ctx, (o) => client.getLease(req, o)),
      listLeases: (req, ctx) => read("ListLeases", ClientService.method.listLeases.input, req, ctx, (o) => client.listLeases(req, o)),
    });
  };
  const rpc = createRpcHandler({
    routes,
    maxBodyBytes: options.maxBodyBytes,
    maxDeadlineMs: options.upstreamTimeoutMs,
    bodyIdleTimeoutMs: options.bodyIdleTimeoutMs,
    shutdownSignal: options.shutdownSignal,
    log: options.log,
  });

  return {
    handles: (path) => path === WALL_CONFIG_PATH || path.startsWith(`${WALL_API_PREFIX}/`),
    handle(req, res, path) {
      if (path === WALL_CONFIG_PATH) {
        res.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(req.method === "HEAD" ? undefined : configBody);
        return;
      }
      // Writes, RotateToken, other services: not the wall's, never forwarded.
      if (!wallPaths.has(path) || req.method !== "POST") {
        res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("not found: the wall serves GetExporter, ListExporters, GetLease and ListLeases only\n");
        return;
      }
      rpc.handle(req, res, path.slice(WALL_API_PREFIX.length));
    },
  };
}
