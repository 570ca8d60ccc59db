// `npm start`: the whole portal on one command. Builds the SPA when needed,
// starts the lab simulator over TLS (unless --controller points at a real
// controller) and the gateway in front of it, trusting the lab's own CA, and
// stops both on one Ctrl-C.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { ConfigError, flagOrEnv, portalSignIn, SIGN_IN_FLAGS, signInUsage } from "../server/gateway/config.js";
import { startGateway, type RunningGateway } from "../server/gateway/gateway.js";
import { loadWallCredentials, type WallCredentials } from "../server/gateway/wall-credentials.js";
import type { RunningLab } from "../server/lab/lab.js";
import { DEMO_PROVIDER_LABEL, DEMO_USERS, startDemoLab, type DemoLab } from "./demo-lab.js";
import { buildIfStale } from "./build-if-stale.js";

const usage = `Usage: npm start -- [--port N] [--host H] [--controller URL] [--ca-file F] [--insecure]
                    [--scenario FILE] [--data DIR] [--access-log] [--wall-token-file F] [--wall-key-file F]
  --port N          portal port (default 8080, or PORT)
  --host H          portal address (default 127.0.0.1, or PORTAL_HOST)
  --controller URL  a real Jumpstarter controller, https://HOST:PORT with the endpoint of
                    a jmp client config (or PORTAL_CONTROLLER); no simulator then
  --ca-file F       with --controller: CA bundle for its certificate (or PORTAL_CA_FILE)
  --insecure        with --controller: skip TLS verification (development only)
  --scenario FILE   lab simulator scenario (default scenarios/demo.yaml)
  --data DIR        lab simulator data folder (default lab-data)
  --access-log      print the gateway's log line for every call (or PORTAL_ACCESS_LOG=true)
  --wall-token-file F  with --controller: the lab's read-only wall client (its token or jmp
                    config) for /wall (or PORTAL_WALL_TOKEN_FILE, or the token in PORTAL_WALL_TOKEN);
                    the demo lab brings its own
  --wall-key-file F the key each wall screen must be given once as /wall?key=... (or PORTAL_WALL_KEY_FILE)
With --controller, sign-in through the lab's identity provider:
${signInUsage.split("\n").slice(1).join("\n")}`;

/** A visible folder: file pickers hide dot-folders, and people pick their config file from here. */
const DEFAULT_DATA_DIR = "lab-data";
/** How often to ask an unready controller again, to say when it answers. */
const READY_POLL_MS = 5_000;

function fail(message: string): never {
  console.error(`npm start: ${message}\n\n${usage}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      controller: { type: "string" },
      "ca-file": { type: "string" },
      insecure: { type: "boolean" },
      scenario: { type: "string" },
      data: { type: "string" },
      "access-log": { type: "boolean" },
      "wall-token-file": { type: "string" },
      "wall-key-file": { type: "string" },
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(SIGN_IN_FLAGS.map((f) => [f, { type: "string" as const }])),
    },
  }).values;
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (args.help === true) {
  console.log(usage);
  process.exit(0);
}

const portText = args.port ?? process.env.PORT ?? "8080";
const port = Number(portText);
if (!/^\d+$/.test(portText) || port > 65535) fail(`--port must be a port number, got "${portText}"`);
const host = args.host ?? process.env.PORTAL_HOST ?? "127.0.0.1";
const controller = args.controller ?? process.env.PORTAL_CONTROLLER;
const caFile = args["ca-file"] ?? process.env.PORTAL_CA_FILE;
const insecure = args.insecure === true || process.env.PORTAL_INSECURE === "true";
const accessLog = args["access-log"] === true || process.env.PORTAL_ACCESS_LOG === "true";
if (controller !== undefined && !/^https?:\/\//.test(controller)) {
  fail(`--controller must be an http:// (cleartext HTTP/2) or https:// URL, got "${controller}"`);
}
// The simulator brings its own CA; these are for a controller of yours.
if (controller === undefined && (caFile !== undefined || insecure)) fail("--ca-file and --insecure go with --controller");
let signIn: ReturnType<typeof portalSignIn> = {};
try {
  signIn = portalSignIn(flagOrEnv(args, process.env));
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
// The demo lab brings its own provider and login service.
if (controller === undefined && Object.keys(signIn).length > 0) fail("the sign-in flags (--login-service, --oidc-*, --namespace) go with --controller");

try {
  buildIfStale();
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

let demo: DemoLab | undefined;
let lab: RunningLab | undefined;
let gateway: RunningGateway | undefined;
let stopping = false;

async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await gateway?.stop().catch(() => undefined);
  await demo?.stop().catch(() => undefined);
  process.exit(code);
}
process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  let upstream: string;
  let upstreamCaFile = caFile;
  if (controller !== undefined) {
    upstream = controller;
  } else {
    const dataDir = args.data ?? DEFAULT_DATA_DIR;
    mkdirSync(dataDir, { recursive: true });
    // TLS with the lab's own CA (kept in <data>/tls across restarts), as a real controller serves TLS only [T1],
    // and the demo identity provider beside it.
    demo = await startDemoLab({ dataDir, scenarioFile: args.scenario ?? join("scenarios", "demo.yaml") });
    lab = demo.lab;
    upstream = lab.url;
    upstreamCaFile = lab.caFile;
  }
  // The wall's read-only client: the demo lab's `wall`, or the lab's own.
  const wallTokenFile = lab?.clients.find((c) => c.name === "wall")?.configPath ?? args["wall-token-file"] ?? process.env.PORTAL_WALL_TOKEN_FILE;
  const wallKeyFile = args["wall-key-file"] ?? process.env.PORTAL_WALL_KEY_FILE;
  let wallCredentials: WallCredentials | undefined;
  try {
    wallCredentials = loadWallCredentials({ tokenFile: wallTokenFile, token: lab === undefined ? process.env.PORTAL_WALL_TOKEN : undefined });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  gateway = await startGateway({
    wall: { credentials: wallCredentials, ...(wallKeyFile === undefined ? {} : { keyFile: wallKeyFile }) },
    host,
    port,
    controller: upstream,
    staticDir: "dist",
    precompress: true,
    caFile: upstreamCaFile,
    ...(insecure ? { insecure } : {}),
    ...(demo === undefined ? (Object.keys(signIn).length === 0 ? {} : { portal: signIn }) : { portal: demo.portal }),
    // One JSON line per call scrolls the address and the config paths away: only on request.
    // Lines about the gateway's own failures always show.
    log: (line) => {
      if (accessLog || line.includes('"error"')) console.log(line);
    },
  });
  const shown = host === "0.0.0.0" || host === "::" ? "localhost" : host;
  const url = `http://${shown}:${gateway.port}`;
  console.log("");
  console.log(`  Jumpstarter Lab Portal: ${url}`);
  console.log(
    wallCredentials === undefined
      ? `  Wall display: ${url}/wall (asks for a sign-in; give --wall-token-file for a kiosk)`
      : `  Wall display, no sign-in needed: ${url}/wall?group=board`,
  );
  if (lab !== undefined) {
    console.log(`  Lab simulator (namespace "${lab.namespace}") at ${lab.url}`);
    if (lab.caFile !== undefined) console.log(`  Its CA certificate (for jmp or another gateway): ${lab.caFile}`);
    console.log("");
    // The files hold the tokens; a token is a secret and never goes to the terminal.
    console.log("  Sign in with a client config file: on the sign-in page, press");
    console.log("  \"Choose a client config file…\" and pick one of these:");
    for (const client of lab.clients.filter((c) => c.name !== "wall")) {
      console.log(`    ${client.name.padEnd(8)} ${client.configPath}`);
    }
    console.log("");
    console.log(`  Or press "Sign in with ${DEMO_PROVIDER_LABEL}" and log in as one of its users`);
    console.log("  (each gets a client of their own on first sign-in):");
    for (const user of DEMO_USERS) console.log(`    ${user.username} / ${user.password}`);
  } else {
    console.log(`  Controller: ${upstream}`);
    console.log("  Sign in with your jmp client config file (~/.config/jumpstarter/clients/*.yaml)");
    console.log(signIn.loginService !== undefined || signIn.oidc !== undefined ? "  or with the lab's identity provider." : "  (add --login-service URL to offer the lab's identity provider).");
  }
  console.log("");
  console.log("  Press Ctrl-C to stop.");
  if (lab === undefined) void sayWhetherTheControllerAnswers(url, upstream);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  const inUse = /EADDRINUSE/.test(message) ? ` (port ${port} is in use: try --port ${port + 1})` : "";
  console.error(`npm start: ${message}${inUse}`);
  await stop(1);
}

/**
 * A real controller that does not answer is said at once, and again when it
 * does; the portal keeps serving (and the pages keep retrying) meanwhile.
 */
async function sayWhetherTheControllerAnswers(portalUrl: string, controllerUrl: string): Promise<void> {
  let said = false;
  while (!stopping) {
    const answer = await fetch(`${portalUrl}/readyz`).then(
      async (res) => ({ ready: res.ok, text: (await res.text()).trim() }),
      (error: unknown) => ({ ready: false, text: error instanceof Error ? error.message : String(error) }),
    );
    if (answer.ready) {
      if (said) console.log(`  The controller at ${controllerUrl} answers now.`);
      return;
    }
    if (!said) {
      console.log("");
      console.log(`  The controller at ${controllerUrl} does not answer: ${answer.text.replace(/^not ready: /, "")}`);
      console.log("  The portal is up and keeps trying; check the address, its CA (--ca-file) or your network.");
      said = true;
    }
    await sleep(READY_POLL_MS);
  }
}
