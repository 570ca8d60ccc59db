// Command-line flags and PORTAL_* environment variables -> GatewayOptions.
// Flags win over the environment; anything malformed is a ConfigError whose
// message is one line a person can act on.
import type { GatewayOptions } from "./gateway.js";
import { loadWallCredentials } from "./wall-credentials.js";

export class ConfigError extends Error {
  override name = "ConfigError";
}

export type Environment = Readonly<Record<string, string | undefined>>;

export type CliCommand = { kind: "help" } | { kind: "run"; options: GatewayOptions };

interface FlagSpec {
  env: string;
  boolean?: true;
}

const flags = {
  listen: { env: "PORTAL_LISTEN" },
  controller: { env: "PORTAL_CONTROLLER" },
  "ca-file": { env: "PORTAL_CA_FILE" },
  insecure: { env: "PORTAL_INSECURE", boolean: true },
  "static-dir": { env: "PORTAL_STATIC_DIR" },
  "allowed-origins": { env: "PORTAL_ALLOWED_ORIGINS" },
  "max-body-bytes": { env: "PORTAL_MAX_BODY_BYTES" },
  "upstream-timeout": { env: "PORTAL_UPSTREAM_TIMEOUT" },
  "max-calls-in-flight": { env: "PORTAL_MAX_CALLS_IN_FLIGHT" },
  "max-calls-queued": { env: "PORTAL_MAX_CALLS_QUEUED" },
  "max-queue-wait": { env: "PORTAL_MAX_QUEUE_WAIT" },
  "login-service": { env: "PORTAL_LOGIN_SERVICE" },
  "oidc-issuer": { env: "PORTAL_OIDC_ISSUER" },
  "oidc-client-id": { env: "PORTAL_OIDC_CLIENT_ID" },
  "oidc-audience": { env: "PORTAL_OIDC_AUDIENCE" },
  "oidc-username-claim": { env: "PORTAL_OIDC_USERNAME_CLAIM" },
  "oidc-username-prefix": { env: "PORTAL_OIDC_USERNAME_PREFIX" },
  "oidc-label": { env: "PORTAL_OIDC_LABEL" },
  namespace: { env: "PORTAL_NAMESPACE" },
  "wall-token-file": { env: "PORTAL_WALL_TOKEN_FILE" },
  "wall-key-file": { env: "PORTAL_WALL_KEY_FILE" },
  "wall-namespace": { env: "PORTAL_WALL_NAMESPACE" },
  "wall-client": { env: "PORTAL_WALL_CLIENT" },
  "wall-refresh": { env: "PORTAL_WALL_REFRESH" },
} satisfies Record<string, FlagSpec>;

type FlagName = keyof typeof flags;

/** Every PORTAL_* variable the gateway reads, for checks of deployments that configure it by environment. */
export const PORTAL_ENVIRONMENT: readonly string[] = Object.values(flags).map((spec: FlagSpec) => spec.env);

function isFlagName(name: string): name is FlagName {
  return Object.hasOwn(flags, name);
}

/** The sign-in flags' help, shared with `npm start`. */
export const signInUsage = `  Sign-in with the lab's identity provider (OIDC):
  --login-service URL       the controller's login service: its OIDC issuers and namespace [PORTAL_LOGIN_SERVICE]
  --oidc-issuer URL         an OIDC issuer (besides or instead of the login service's)  [PORTAL_OIDC_ISSUER]
  --oidc-client-id ID       the portal's client at the provider (default jumpstarter-cli) [PORTAL_OIDC_CLIENT_ID]
  --oidc-audience A         the audience the controller expects (with --oidc-issuer)  [PORTAL_OIDC_AUDIENCE]
  --oidc-username-claim C   the claim the controller's authenticator names users by (default sub) [PORTAL_OIDC_USERNAME_CLAIM]
  --oidc-username-prefix P  its username prefix, e.g. keycloak:                       [PORTAL_OIDC_USERNAME_PREFIX]
  --oidc-label NAME         what the sign-in button calls it ("Sign in with NAME")   [PORTAL_OIDC_LABEL]
  --namespace NS            the lab's namespace (else the login service's)            [PORTAL_NAMESPACE]`;

export const usage = `Usage: gateway --controller URL [options]

  --controller URL          Jumpstarter controller: https://HOST:PORT (TLS, the jmp
                            config's endpoint), or http:// for a cleartext simulator   [PORTAL_CONTROLLER]
  --listen HOST:PORT        where to listen (default 127.0.0.1:8080)                   [PORTAL_LISTEN]
  --ca-file PATH            CA bundle that signs the controller's certificate
                            (a jmp config's tls.ca, base64-decoded; default Node's CAs) [PORTAL_CA_FILE]
  --insecure                skip TLS verification (development only)                   [PORTAL_INSECURE=true]
  --static-dir DIR          built SPA to serve (default ./dist when it exists)         [PORTAL_STATIC_DIR]
  --allowed-origins A,B     origins allowed to call the API cross-origin (default none) [PORTAL_ALLOWED_ORIGINS]
  --max-body-bytes N        largest request body (default 1048576)                     [PORTAL_MAX_BODY_BYTES]
  --upstream-timeout DUR    longest controller call, e.g. 30s, 500ms, 2m (default 30s) [PORTAL_UPSTREAM_TIMEOUT]
  --max-calls-in-flight N   calls toward the controller at once (default 8)          [PORTAL_MAX_CALLS_IN_FLIGHT]
  --max-calls-queued N      calls waiting for one of those (default 32)                [PORTAL_MAX_CALLS_QUEUED]
  --max-queue-wait DUR      longest wait before Unavailable, e.g. 250ms (default 250ms) [PORTAL_MAX_QUEUE_WAIT]
${signInUsage}
  The wall display's kiosk access (see the README's "Wall display"):
  --wall-token-file F       the lab's read-only wall client: its token, or its jmp config [PORTAL_WALL_TOKEN_FILE,
                            or the token itself in PORTAL_WALL_TOKEN]
  --wall-key-file F         a wall key the screens must send (given once as /wall?key=...) [PORTAL_WALL_KEY_FILE]
  --wall-namespace NS       the wall client's namespace, when its token does not say  [PORTAL_WALL_NAMESPACE]
  --wall-client NAME        the wall client's name, when its token does not say      [PORTAL_WALL_CLIENT]
  --wall-refresh DUR        how often walls refresh; one answer serves them all (default 10s) [PORTAL_WALL_REFRESH]
  --help                    show this text`;

/** Splits argv into flag values; `--flag value`, `--flag=value` and bare boolean flags. */
function readFlags(argv: readonly string[]): { values: Map<FlagName, string>; help: boolean } {
  const values = new Map<FlagName, string>();
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--help" || arg === "-h") {
      help = true;
      continue;
    }
    if (!arg.startsWith("--")) throw new ConfigError(`unexpected argument "${arg}" (see --help)`);
    const eq = arg.indexOf("=");
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (!isFlagName(name)) throw new ConfigError(`unknown flag --${name} (see --help)`);
    const spec: FlagSpec = flags[name];
    let value: string;
    if (eq !== -1) {
      value = arg.slice(eq + 1);
    } else if (spec.boolean === true) {
      value = "true";
    } else {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith("--")) throw new ConfigError(`flag --${name} needs a value`);
      value = next;
      i++;
    }
    if (values.has(name)) throw new ConfigError(`flag --${name} given twice`);
    values.set(name, value);
  }
  return { values, help };
}

export function parseListen(value: string): { host: string; port: number } {
  // "[::1]:8080" for IPv6, "host:8080" otherwise.
  const match = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+)):(\d{1,5})$/.exec(value);
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || !Number.isInteger(port) || port > 65535) {
    throw new ConfigError(`--listen must be HOST:PORT (e.g. 127.0.0.1:8080), got "${value}"`);
  }
  return { host, port };
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** "30s", "500ms", "1.5m", "1m30s" -> milliseconds. */
export function parseDuration(value: string, flag: string): number {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  const joined = parts.map((p) => p[0]).join("");
  if (parts.length === 0 || joined !== value) {
    throw new ConfigError(`${flag} must be a duration such as 30s, 500ms or 2m, got "${value}"`);
  }
  const ms = parts.reduce((sum, p) => sum + Number(p[1]) * (durationUnits[p[2] ?? ""] ?? 0), 0);
  if (!(ms >= 1)) throw new ConfigError(`${flag} must be at least 1ms, got "${value}"`);
  return Math.round(ms);
}

function parsePositiveInt(value: string, flag: string): number {
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new ConfigError(`${flag} must be a positive whole number, got "${value}"`);
  return n;
}

function parseBoolean(value: string, flag: string): boolean {
  switch (value.trim().toLowerCase()) {
    case "true":
    case "1":
    case "yes":
      return true;
    case "false":
    case "0":
    case "no":
    case "":
      return false;
    default:
      throw new ConfigError(`${flag} must be true or false, got "${value}"`);
  }
}

export function parseController(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`--controller must be an http:// or https:// URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`--controller must be an http:// or https:// URL, got "${value}"`);
  }
  return value.replace(/\/+$/, "");
}

/** "https://a.example, http://localhost:5173" -> exact origins, validated. */
export function parseOrigins(value: string): string[] {
  return value
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      let origin: string | undefined;
      try {
        origin = new URL(s).origin;
      } catch {
        origin = undefined;
      }
      const bare = s.replace(/\/$/, "").toLowerCase();
      if (origin === undefined || origin === "null" || origin !== bare) {
        throw new ConfigError(`--allowed-origins takes origins like https://portal.example.com, got "${s}"`);
      }
      return origin;
    });
}

/**
 * Reads flags then environment. `defaultStaticDir` is what to serve when neither
 * names a directory (main.ts passes "dist" when it exists).
 */
export function parseCommandLine(argv: readonly string[], env: Environment, defaultStaticDir?: string): CliCommand {
  const { values, help } = readFlags(argv);
  if (help) return { kind: "help" };

  const get = (name: FlagName): { value: string; label: string } | undefined => {
    const fromFlag = values.get(name);
    if (fromFlag !== undefined) return { value: fromFlag, label: `--${name}` };
    const spec: FlagSpec = flags[name];
    const fromEnv = env[spec.env];
    if (fromEnv !== undefined && fromEnv !== "") return { value: fromEnv, label: spec.env };
    return undefined;
  };

  const controller = get("controller");
  if (controller === undefined) throw new ConfigError("--controller (or PORTAL_CONTROLLER) is required, e.g. --controller https://127.0.0.1:8082 --ca-file .data/lab/tls/ca.pem");
  const options: GatewayOptions = { controller: parseController(controller.value) };

  const { host, port } = parseListen(get("listen")?.value ?? "127.0.0.1:8080");
  options.host = host;
  options.port = port;

  const caFile = get("ca-file");
  if (caFile !== undefined) options.caFile = caFile.value;
  const insecure = get("insecure");
  if (insecure !== undefined && parseBoolean(insecure.value, insecure.label)) options.insecure = true;

  const staticDir = get("static-dir")?.value ?? defaultStaticDir;
  if (staticDir !== undefined) options.staticDir = staticDir;

  const origins = get("allowed-origins");
  if (origins !== undefined) options.allowedOrigins = parseOrigins(origins.value);

  const maxBody = get("max-body-bytes");
  if (maxBody !== undefined) options.maxBodyBytes = parsePositiveInt(maxBody.value, maxBody.label);

  const timeout = get("upstream-timeout");
  if (timeout !== undefined) options.upstreamTimeoutMs = parseDuration(timeout.value, timeout.label);

  // The load bound (issue 12, item 8): past it, calls are answered at once with a retryable Unavailable.
  const inFlight = get("max-calls-in-flight");
  if (inFlight !== undefined) options.maxCallsInFlight = parsePositiveInt(inFlight.value, inFlight.label);
  const queued = get("max-calls-queued");
  if (queued !== undefined) options.maxCallsQueued = /^0+$/.test(queued.value) ? 0 : parsePositiveInt(queued.value, queued.label);
  const wait = get("max-queue-wait");
  if (wait !== undefined) options.maxQueueWaitMs = parseDuration(wait.value, wait.label);

  const portal = portalSignIn(get);
  if (Object.keys(portal).length > 0) options.portal = portal;

  const wall = wallOptions(get, env);
  if (wall !== undefined) options.wall = wall;

  return { kind: "run", options };
}

/** The flags that say how people sign in (shared with `npm start`). */
export const SIGN_IN_FLAGS = ["login-service", "oidc-issuer", "oidc-client-id", "oidc-audience", "oidc-username-claim", "oidc-username-prefix", "oidc-label", "namespace"] as const;
type SignInFlag = (typeof SIGN_IN_FLAGS)[number];

/** The portal's sign-in options from the sign-in flags; `get` reads a flag (or its environment variable). */
export function portalSignIn(get: (name: SignInFlag) => { value: string; label: string } | undefined): NonNullable<GatewayOptions["portal"]> {
  const loginService = get("login-service");
  const issuer = get("oidc-issuer");
  for (const flag of [loginService, issuer]) {
    if (flag !== undefined && !/^https?:\/\//.test(flag.value)) throw new ConfigError(`${flag.label} must be an http:// or https:// URL, got "${flag.value}"`);
  }
  const audience = get("oidc-audience")?.value;
  const given = (name: SignInFlag, key: "clientId" | "usernameClaim" | "usernamePrefix" | "label" | "namespace") => {
    const value = get(name)?.value;
    return value === undefined ? {} : { [key]: value };
  };
  return {
    ...(loginService === undefined ? {} : { loginService: loginService.value.replace(/\/+$/, "") }),
    ...(issuer === undefined ? {} : { oidc: { issuer: issuer.value.replace(/\/+$/, ""), ...(audience === undefined ? {} : { audiences: [audience] }) } }),
    ...given("oidc-client-id", "clientId"),
    ...given("oidc-username-claim", "usernameClaim"),
    ...given("oidc-username-prefix", "usernamePrefix"),
    ...given("oidc-label", "label"),
    ...given("namespace", "namespace"),
  };
}

/** A flag's value from parsed flags, else its PORTAL_* environment variable. */
export function flagOrEnv(values: Readonly<Record<string, unknown>>, env: Environment): (name: SignInFlag) => { value: string; label: string } | undefined {
  return (name) => {
    const v = values[name];
    if (typeof v === "string") return { value: v, label: `--${name}` };
    const spec: FlagSpec = flags[name];
    const e = env[spec.env];
    return e === undefined || e === "" ? undefined : { value: e, label: spec.env };
  };
}

/** The kiosk flags -> the gateway's wall options; undefined when none is given. */
function wallOptions(get: (name: FlagName) => { value: string; label: string } | undefined, env: Environment): GatewayOptions["wall"] {
  const tokenFile = get("wall-token-file")?.value;
  const token = env["PORTAL_WALL_TOKEN"];
  const keyFile = get("wall-key-file")?.value;
  const refresh = get("wall-refresh");
  let credentials;
  try {
    credentials = loadWallCredentials({
      tokenFile,
      token: token === "" ? undefined : token,
      namespace: get("wall-namespace")?.value,
      clientName: get("wall-client")?.value,
    });
  } catch (e) {
    throw new ConfigError(e instanceof Error ? e.message : String(e));
  }
  if (credentials === undefined && keyFile === undefined && refresh === undefined) return undefined;
  return {
    credentials,
    ...(keyFile === undefined ? {} : { keyFile }),
    ...(refresh === undefined ? {} : { refreshMs: parseDuration(refresh.value, refresh.label) }),
  };
}
