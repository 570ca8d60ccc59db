// Scenario files, version 2 (/work/shared/spec/scenario.md): the controller's
// configuration, its Client, ExporterAccessPolicy and Exporter objects, and
// optionally a simulation that keeps the lab moving. Validated with messages
// that name the path at fault (`exporters[3].labels: ...`); unknown keys are
// refused, as the controller refuses unknown configuration keys [CF1].
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { parseDuration } from "../../src/domain/durations.js";
import { effectiveMaxTags, validateLeaseTags } from "../../src/domain/lease-fields.js";
import { validateLabelKey, validateLabelValue } from "../../src/domain/labels.js";
import { validateObjectName } from "../../src/domain/resource-names.js";
import { leaseSelectorProblem, parseSelector, selectorErrorText } from "../../src/domain/selector.js";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { parseGoDuration } from "./go-duration.js";
import type { AccessPolicyRecord, AccessRule, HookConfig, KubeLabelSelector } from "./records.js";

// ---------------------------------------------------------------------------
// The validated form the lab runs on

export interface DurationRange {
  readonly minMs: number;
  readonly maxMs: number;
}

export interface SimulationConfig {
  readonly seed: number;
  readonly tickMs: number;
  readonly outages: { readonly everyMs: number; readonly duration: DurationRange; readonly selector: string } | undefined;
  readonly hooks: { readonly jitter: number; readonly failureRate: number; readonly repairAfter: DurationRange; readonly messages: readonly string[] };
  readonly traffic:
    | {
        readonly client: string;
        readonly everyMs: number;
        readonly duration: DurationRange;
        readonly releaseEarly: number;
        readonly maxActive: number;
        readonly selectors: readonly string[];
        readonly tags: Readonly<Record<string, string>>;
      }
    | undefined;
}

/** An external OIDC issuer, the JWTAuthenticator schema [A3]. */
export interface JwtAuthenticatorConfig {
  readonly issuer: {
    readonly url: string;
    readonly audiences: readonly string[];
    readonly audienceMatchPolicy: string | undefined;
    readonly certificateAuthority: string | undefined;
    readonly discoveryURL: string | undefined;
  };
  readonly claimMappings: {
    readonly username: { readonly claim: string | undefined; readonly prefix: string | undefined; readonly expression: string | undefined };
  };
}

/** The controller's configuration with the defaults of [CF1]. */
export interface ControllerConfig {
  readonly hiddenLabelKeys: readonly string[];
  readonly deprecatedLabels: Readonly<Record<string, string>>;
  /** Effective maxTags ([TG3]: 0 or absent means 10). */
  readonly maxTags: number;
  readonly provisioning: boolean;
  readonly internalPrefix: string;
  readonly tokenLifetimeMs: number;
  readonly jwt: readonly JwtAuthenticatorConfig[];
}

/** How an exporter stands when the lab starts ([S1]); static unless a simulation changes it. */
export type ExporterState =
  | { readonly kind: "connected"; readonly status: ExporterStatus; readonly message: string }
  | { readonly kind: "lost" }
  | { readonly kind: "never" };

export interface ScenarioClient {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly username: string | undefined;
}

export interface ScenarioExporter {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly enabled: boolean;
  readonly state: ExporterState;
  readonly hooks: HookConfig;
}

export interface LabScenario {
  readonly namespace: string;
  readonly controller: ControllerConfig;
  readonly clients: readonly ScenarioClient[];
  readonly accessPolicies: readonly AccessPolicyRecord[];
  readonly exporters: readonly ScenarioExporter[];
  readonly simulation: SimulationConfig | undefined;
  /** Things worth telling the person who wrote the file (an ignored `token:`...). */
  readonly warnings: readonly string[];
}

/** What people write: parsed YAML, or an object given to startLab. */
export type Scenario = Record<string, unknown>;

export class ScenarioError extends Error {}

export const DEFAULT_TOKEN_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;
const DEFAULT_FAILURE_MESSAGES = ["flash timeout", "power cycle did not bring the board up", "serial console not responding", "storage image checksum mismatch"];
export const DEFAULT_HOOK_FAILURE = "hook script exited with status 1";

/** The Exporter object's spelling of each status. */
const STATUS_NAMES: Readonly<Record<string, ExporterStatus>> = {
  Unspecified: ExporterStatus.UNSPECIFIED,
  Offline: ExporterStatus.OFFLINE,
  Available: ExporterStatus.AVAILABLE,
  BeforeLeaseHook: ExporterStatus.BEFORE_LEASE_HOOK,
  LeaseReady: ExporterStatus.LEASE_READY,
  AfterLeaseHook: ExporterStatus.AFTER_LEASE_HOOK,
  BeforeLeaseHookFailed: ExporterStatus.BEFORE_LEASE_HOOK_FAILED,
  AfterLeaseHookFailed: ExporterStatus.AFTER_LEASE_HOOK_FAILED,
};

/** What an exporter in each status says when the scenario gives no message (upstream exporter texts [S2]). */
function defaultStatusMessage(status: ExporterStatus, failMessage: string): string {
  switch (status) {
    case ExporterStatus.UNSPECIFIED:
      return "";
    case ExporterStatus.OFFLINE:
      return "Exporter shutting down";
    case ExporterStatus.AVAILABLE:
      return "Exporter registered and available";
    case ExporterStatus.BEFORE_LEASE_HOOK:
      return "Running beforeLease hook";
    case ExporterStatus.LEASE_READY:
      return "Ready for commands";
    case ExporterStatus.AFTER_LEASE_HOOK:
      return "Running afterLease hooks";
    case ExporterStatus.BEFORE_LEASE_HOOK_FAILED:
      return `beforeLease hook failed: ${failMessage || DEFAULT_HOOK_FAILURE}`;
    case ExporterStatus.AFTER_LEASE_HOOK_FAILED:
      return `afterLease hook failed: ${failMessage || DEFAULT_HOOK_FAILURE}`;
  }
}

// ---------------------------------------------------------------------------
// Validation helpers: each takes the value and its path

type Raw = Record<string, unknown>;

function fail(path: string, message: string): never {
  throw new ScenarioError(`${path || "scenario"}: ${message}`);
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  return typeof value === "object" ? "a mapping" : `${typeof value} ${JSON.stringify(value)}`;
}

const at = (path: string, key: string): string => (path === "" ? key : `${path}.${key}`);

/** A mapping; `keys` lists the fields allowed ("any" for free-form maps such as labels). */
function object(value: unknown, path: string, keys: readonly string[] | "any"): Raw {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, `expected a mapping, found ${describe(value)}`);
  if (keys === "any") return value as Raw;
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(at(path, key), `unknown field (known fields: ${keys.join(", ")})`);
  }
  return value as Raw;
}

function optionalObject(value: unknown, path: string, keys: readonly string[]): Raw {
  return value === undefined || value === null ? {} : object(value, path, keys);
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `expected a list, found ${describe(value)}`);
  return value as unknown[];
}

function string(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, `expected a string, found ${describe(value)}`);
  return value;
}

function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : string(value, path);
}

function boolean(value: unknown, path: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") fail(path, `expected true or false, found ${describe(value)}`);
  return value;
}

function fraction(value: unknown, path: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !(value >= 0 && value <= 1)) fail(path, `expected a number from 0 to 1, found ${describe(value)}`);
  return value;
}

function wholeNumber(value: unknown, path: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < min) {
    fail(path, `expected a whole number of at least ${min}, found ${describe(value)}`);
  }
  return value;
}

function duration(value: unknown, path: string): number {
  if (typeof value !== "string" || !/[a-z]/i.test(value)) {
    fail(path, `expected a duration with a unit, such as "2s" or "5m", found ${describe(value)}`);
  }
  const parsed = parseDuration(value);
  if (!parsed.ok) fail(path, parsed.message);
  return parsed.ms;
}

/** A Go duration ("8760h", "1h30m"), as the controller's configuration and objects read them [CF1]; positive. */
function goDuration(value: unknown, path: string): number {
  const ms = typeof value === "string" ? parseGoDuration(value) : undefined;
  if (ms === undefined) fail(path, `expected a Go duration such as "1h", "90m" or "8760h", found ${describe(value)}`);
  if (ms <= 0) fail(path, `must be longer than zero, found ${JSON.stringify(value)}`);
  return ms;
}

function optionalDuration(value: unknown, path: string, fallback: number): number {
  return value === undefined ? fallback : duration(value, path);
}

/** "2m" or "30s..5m". */
function durationRange(value: unknown, path: string, fallback: DurationRange): DurationRange {
  if (value === undefined) return fallback;
  const text = string(value, path);
  const parts = text.split("..");
  if (parts.length > 2) fail(path, `expected a duration or a range such as "30s..5m", found ${JSON.stringify(text)}`);
  const minMs = duration(parts[0]?.trim(), path);
  const maxMs = parts.length === 2 ? duration(parts[1]?.trim(), path) : minMs;
  if (maxMs < minMs) fail(path, `the range ${JSON.stringify(text)} ends before it starts`);
  return { minMs, maxMs };
}

function objectName(value: unknown, path: string): string {
  const name = string(value, path);
  const problem = validateObjectName(name);
  if (problem !== undefined) fail(path, problem);
  return name;
}

function selectorText(value: unknown, path: string): string {
  const text = string(value, path);
  const parsed = parseSelector(text);
  if (!parsed.ok) fail(path, `${JSON.stringify(text)} is not a valid selector: ${selectorErrorText(parsed.error)}`);
  return text;
}

function labelKey(key: string, path: string): string {
  const problem = validateLabelKey(key);
  if (problem !== undefined) fail(path, problem);
  return key;
}

function labels(value: unknown, path: string): Record<string, string> {
  if (value === undefined || value === null) return {};
  const raw = object(value, path, "any");
  const result: Record<string, string> = {};
  for (const [key, v] of Object.entries(raw)) {
    labelKey(key, path);
    // YAML reads `ram: 8` or `secure: true` as scalars; labels are strings either way.
    if (typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean") {
      fail(`${path}.${key}`, `expected a label value, found ${describe(v)}`);
    }
    const text = String(v);
    if (validateLabelValue(text) !== undefined) fail(path, `${JSON.stringify(text)} is not a valid label value (label ${key})`);
    result[key] = text;
  }
  return result;
}

/** A metav1.LabelSelector: matchLabels and matchExpressions. */
function kubeSelector(value: unknown, path: string): KubeLabelSelector {
  const raw = optionalObject(value, path, ["matchLabels", "matchExpressions"]);
  const matchExpressions = list(raw.matchExpressions ?? [], at(path, "matchExpressions")).map((item, i) => {
    const p = `${at(path, "matchExpressions")}[${i}]`;
    const e = object(item, p, ["key", "operator", "values"]);
    const key = labelKey(string(e.key, `${p}.key`), `${p}.key`);
    const operator = string(e.operator, `${p}.operator`);
    if (operator !== "In" && operator !== "NotIn" && operator !== "Exists" && operator !== "DoesNotExist") {
      fail(`${p}.operator`, `expected In, NotIn, Exists or DoesNotExist, found ${JSON.stringify(operator)}`);
    }
    const values = list(e.values ?? [], `${p}.values`).map((v, j) => String(string(v, `${p}.values[${j}]`)));
    if ((operator === "In" || operator === "NotIn") && values.length === 0) fail(`${p}.values`, `${operator} needs at least one value`);
    if ((operator === "Exists" || operator === "DoesNotExist") && values.length > 0) fail(`${p}.values`, `${operator} takes no values`);
    return { key, operator, values } as const;
  });
  return { matchLabels: labels(raw.matchLabels, at(path, "matchLabels")), matchExpressions };
}

function hooks(value: unknown, path: string): HookConfig {
  if (value === undefined) return { beforeMs: 0, afterMs: 0, fail: "never", failMessage: "" };
  const raw = object(value, path, ["before", "after", "fail", "failMessage"]);
  const failMode = raw.fail ?? "never";
  if (failMode !== "before" && failMode !== "after" && failMode !== "never") {
    fail(`${path}.fail`, `expected before, after or never, found ${describe(failMode)}`);
  }
  return {
    beforeMs: optionalDuration(raw.before, `${path}.before`, 0),
    afterMs: optionalDuration(raw.after, `${path}.after`, 0),
    fail: failMode,
    failMessage: raw.failMessage === undefined ? "" : string(raw.failMessage, `${path}.failMessage`),
  };
}

// ---------------------------------------------------------------------------
// Sections

/**
 * The CEL username expressions a lab writes most, as a claim and a prefix:
 * `claims.email`, `claims["preferred_username"]`, `"dex:" + claims.sub`.
 */
export function celUsername(expression: string): { claim: string; prefix: string } | undefined {
  const claimRef = String.raw`claims(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*["']([^"']+)["']\s*\])`;
  const match = new RegExp(String.raw`^\s*(?:(["'])(.*?)\1\s*\+\s*)?${claimRef}\s*$`).exec(expression);
  if (match === null) return undefined;
  return { prefix: match[2] ?? "", claim: match[3] ?? match[4] ?? "" };
}

/** [A3] a PEM, or the path of a PEM file. */
function certificateAuthority(value: unknown, path: string): string | undefined {
  const text = optionalString(value, path);
  if (text === undefined || text.includes("-----BEGIN")) return text;
  try {
    return readFileSync(text, "utf8");
  } catch (e) {
    fail(path, `not a PEM, and not a file that can be read: ${e instanceof Error ? e.message : String(e)}`);
  }
}

function jwtAuthenticator(value: unknown, path: string): JwtAuthenticatorConfig {
  const raw = object(value, path, ["issuer", "claimMappings", "claimValidationRules", "userValidationRules"]);
  const issuer = object(raw.issuer, `${path}.issuer`, ["url", "audiences", "audienceMatchPolicy", "certificateAuthority", "discoveryURL"]);
  const url = string(issuer.url, `${path}.issuer.url`);
  if (!url.startsWith("https://")) fail(`${path}.issuer.url`, `the issuer URL must use https, found ${JSON.stringify(url)}`);
  const audiences = list(issuer.audiences, `${path}.issuer.audiences`).map((a, i) => string(a, `${path}.issuer.audiences[${i}]`));
  if (audiences.length === 0) fail(`${path}.issuer.audiences`, "give at least one audience");
  const matchPolicy = optionalString(issuer.audienceMatchPolicy, `${path}.issuer.audienceMatchPolicy`);
  if (matchPolicy !== undefined && matchPolicy !== "MatchAny") fail(`${path}.issuer.audienceMatchPolicy`, `expected MatchAny, found ${JSON.stringify(matchPolicy)}`);
  if (audiences.length > 1 && matchPolicy !== "MatchAny") fail(`${path}.issuer.audienceMatchPolicy`, 'Invalid value: "": audienceMatchPolicy must be MatchAny for multiple audiences');
  const mappings = object(raw.claimMappings, `${path}.claimMappings`, ["username", "groups", "uid", "extra"]);
  const username = object(mappings.username, `${path}.claimMappings.username`, ["claim", "prefix", "expression"]);
  const claim = optionalString(username.claim, `${path}.claimMappings.username.claim`);
  const prefix = optionalString(username.prefix, `${path}.claimMappings.username.prefix`);
  const expression = optionalString(username.expression, `${path}.claimMappings.username.expression`);
  if (claim === undefined && expression === undefined) fail(`${path}.claimMappings.username`, "give a claim (with a prefix) or an expression");
  if (claim !== undefined && expression !== undefined) fail(`${path}.claimMappings.username`, "claim and expression can't both be set");
  const fromExpression = expression === undefined ? undefined : celUsername(expression);
  if (expression !== undefined && fromExpression === undefined) {
    fail(`${path}.claimMappings.username.expression`, `this simulator evaluates only expressions of the form claims.<name> or "<prefix>" + claims.<name>, found ${JSON.stringify(expression)}`);
  }
  if (claim !== undefined && prefix === undefined) fail(`${path}.claimMappings.username.prefix`, 'required whenever a claim is set ("" disables it)');
  return {
    issuer: {
      url,
      audiences,
      audienceMatchPolicy: matchPolicy,
      certificateAuthority: certificateAuthority(issuer.certificateAuthority, `${path}.issuer.certificateAuthority`),
      discoveryURL: optionalString(issuer.discoveryURL, `${path}.issuer.discoveryURL`),
    },
    claimMappings: { username: fromExpression === undefined ? { claim, prefix, expression } : { ...fromExpression, expression } },
  };
}

function controllerConfig(value: unknown): ControllerConfig {
  const raw = optionalObject(value, "controller", ["hiddenLabels", "deprecatedLabels", "leasePolicy", "provisioning", "authentication"]);
  const hidden = optionalObject(raw.hiddenLabels, "controller.hiddenLabels", ["keys"]);
  const hiddenLabelKeys = list(hidden.keys ?? [], "controller.hiddenLabels.keys").map((k, i) =>
    labelKey(string(k, `controller.hiddenLabels.keys[${i}]`), `controller.hiddenLabels.keys[${i}]`),
  );
  const deprecated = optionalObject(raw.deprecatedLabels, "controller.deprecatedLabels", ["keys"]);
  const deprecatedLabels: Record<string, string> = {};
  for (const [key, message] of Object.entries(deprecated.keys === undefined || deprecated.keys === null ? {} : object(deprecated.keys, "controller.deprecatedLabels.keys", "any"))) {
    labelKey(key, "controller.deprecatedLabels.keys");
    deprecatedLabels[key] = message === null ? "" : string(message, `controller.deprecatedLabels.keys.${key}`);
  }
  const leasePolicy = optionalObject(raw.leasePolicy, "controller.leasePolicy", ["maxTags"]);
  const maxTags = leasePolicy.maxTags === undefined ? undefined : wholeNumber(leasePolicy.maxTags, "controller.leasePolicy.maxTags", 0, -1_000_000);
  const provisioning = optionalObject(raw.provisioning, "controller.provisioning", ["enabled"]);
  const auth = optionalObject(raw.authentication, "controller.authentication", ["internal", "jwt", "k8s"]);
  const internal = optionalObject(auth.internal, "controller.authentication.internal", ["prefix", "tokenLifetime"]);
  const k8s = optionalObject(auth.k8s, "controller.authentication.k8s", ["enabled"]);
  boolean(k8s.enabled, "controller.authentication.k8s.enabled", false);
  const jwt = list(auth.jwt ?? [], "controller.authentication.jwt").map((a, i) => jwtAuthenticator(a, `controller.authentication.jwt[${i}]`));
  const internalPrefix = internal.prefix === undefined ? "internal:" : string(internal.prefix, "controller.authentication.internal.prefix");
  return {
    hiddenLabelKeys,
    deprecatedLabels,
    maxTags: effectiveMaxTags(maxTags),
    provisioning: boolean(provisioning.enabled, "controller.provisioning.enabled", false),
    internalPrefix,
    tokenLifetimeMs:
      internal.tokenLifetime === undefined ? DEFAULT_TOKEN_LIFETIME_MS : goDuration(internal.tokenLifetime, "controller.authentication.internal.tokenLifetime"),
    jwt,
  };
}

function clientsSection(value: unknown, warnings: string[]): ScenarioClient[] {
  const clients: ScenarioClient[] = [];
  list(value ?? [], "clients").forEach((item, i) => {
    const path = `clients[${i}]`;
    const c = object(item, path, ["name", "labels", "username", "token"]);
    const name = objectName(c.name, `${path}.name`);
    if (clients.some((other) => other.name === name)) fail(`${path}.name`, `client "${name}" is listed twice`);
    if (c.token !== undefined) {
      warnings.push(`${path}.token: ignored; the simulator mints each client's token and writes it into <data>/clients/${name}.yaml`);
    }
    const username = optionalString(c.username, `${path}.username`);
    if (username === "") fail(`${path}.username`, "leave it out, or give the user name of the OIDC user (e.g. keycloak:developer-1)");
    clients.push({ name, labels: labels(c.labels, `${path}.labels`), username });
  });
  return clients;
}

function accessPolicies(value: unknown): AccessPolicyRecord[] {
  const policies: AccessPolicyRecord[] = [];
  list(value ?? [], "exporterAccessPolicies").forEach((item, i) => {
    const path = `exporterAccessPolicies[${i}]`;
    const p = object(item, path, ["name", "exporterSelector", "policies"]);
    const name = objectName(p.name, `${path}.name`);
    if (policies.some((other) => other.name === name)) fail(`${path}.name`, `policy "${name}" is listed twice`);
    const rules: AccessRule[] = list(p.policies ?? [], `${path}.policies`).map((r, j) => {
      const rp = `${path}.policies[${j}]`;
      const rule = object(r, rp, ["description", "priority", "maximumDuration", "spotAccess", "from"]);
      return {
        description: rule.description === undefined ? "" : string(rule.description, `${rp}.description`),
        priority: wholeNumber(rule.priority, `${rp}.priority`, 0, -1_000_000),
        maximumDurationMs: rule.maximumDuration === undefined ? undefined : goDuration(rule.maximumDuration, `${rp}.maximumDuration`),
        spotAccess: boolean(rule.spotAccess, `${rp}.spotAccess`, false),
        from: list(rule.from ?? [], `${rp}.from`).map((f, k) => {
          const fp = `${rp}.from[${k}]`;
          return kubeSelector(object(f, fp, ["clientSelector"]).clientSelector, `${fp}.clientSelector`);
        }),
      };
    });
    policies.push({ name, exporterSelector: kubeSelector(p.exporterSelector, `${path}.exporterSelector`), rules });
  });
  return policies;
}

function exporterState(e: Raw, path: string, hookConfig: HookConfig): ExporterState {
  const neverSeen = boolean(e.neverSeen, `${path}.neverSeen`, false);
  const online = boolean(e.online, `${path}.online`, true);
  const statusName = optionalString(e.status, `${path}.status`);
  const message = optionalString(e.statusMessage, `${path}.statusMessage`);
  if (neverSeen && e.online !== undefined) fail(`${path}.neverSeen`, "an exporter never seen has no online state: give neverSeen or online, not both");
  if ((neverSeen || !online) && (statusName !== undefined || message !== undefined)) {
    fail(`${path}.status`, "only a connected exporter reports a status: leave out neverSeen and online: false, or the status");
  }
  if (message !== undefined && statusName === undefined) fail(`${path}.statusMessage`, "give the status this message goes with");
  if (neverSeen) return { kind: "never" };
  if (!online) return { kind: "lost" };
  if (statusName === undefined) return { kind: "connected", status: ExporterStatus.AVAILABLE, message: defaultStatusMessage(ExporterStatus.AVAILABLE, "") };
  const status = STATUS_NAMES[statusName];
  if (status === undefined) fail(`${path}.status`, `expected one of ${Object.keys(STATUS_NAMES).join(", ")}, found ${JSON.stringify(statusName)}`);
  return { kind: "connected", status, message: message ?? defaultStatusMessage(status, hookConfig.failMessage) };
}

function exportersSection(value: unknown): ScenarioExporter[] {
  const exporters: ScenarioExporter[] = [];
  list(value ?? [], "exporters").forEach((item, i) => {
    const path = `exporters[${i}]`;
    const e = object(item, path, ["name", "labels", "enabled", "online", "neverSeen", "status", "statusMessage", "hooks"]);
    const name = objectName(e.name, `${path}.name`);
    if (exporters.some((other) => other.name === name)) fail(`${path}.name`, `exporter "${name}" is listed twice`);
    const hookConfig = hooks(e.hooks, `${path}.hooks`);
    exporters.push({
      name,
      labels: labels(e.labels, `${path}.labels`),
      enabled: boolean(e.enabled, `${path}.enabled`, true),
      state: exporterState(e, path, hookConfig),
      hooks: hookConfig,
    });
  });
  return exporters;
}

/** The CI client's tags, plus the `job` tag each of its leases gets, must pass [TG1]. */
function trafficTags(value: unknown, maxTags: number): Record<string, string> {
  const tags = labels(value, "simulation.traffic.tags");
  const problem = validateLeaseTags({ ...tags, job: "1000" }, maxTags);
  if (problem !== undefined) fail("simulation.traffic.tags", `the controller would refuse these tags (with the job tag the simulation adds): ${problem}`);
  return tags;
}

function simulation(value: unknown, clientNames: ReadonlySet<string>, maxTags: number): SimulationConfig | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = object(value, "simulation", ["seed", "tick", "outages", "hooks", "traffic"]);
  let outages: SimulationConfig["outages"];
  if (raw.outages !== undefined) {
    const o = object(raw.outages, "simulation.outages", ["every", "duration", "selector"]);
    outages = {
      everyMs: optionalDuration(o.every, "simulation.outages.every", 30 * 60_000),
      duration: durationRange(o.duration, "simulation.outages.duration", { minMs: 30_000, maxMs: 180_000 }),
      selector: o.selector === undefined ? "" : selectorText(o.selector, "simulation.outages.selector"),
    };
  }
  const h = raw.hooks === undefined ? {} : object(raw.hooks, "simulation.hooks", ["jitter", "failureRate", "repairAfter", "messages"]);
  const messages =
    h.messages === undefined
      ? DEFAULT_FAILURE_MESSAGES
      : list(h.messages, "simulation.hooks.messages").map((m, i) => string(m, `simulation.hooks.messages[${i}]`));
  if (messages.length === 0) fail("simulation.hooks.messages", "give at least one message, or leave the field out");
  let traffic: SimulationConfig["traffic"];
  if (raw.traffic !== undefined) {
    const t = object(raw.traffic, "simulation.traffic", ["client", "every", "duration", "releaseEarly", "maxActive", "selectors", "tags"]);
    const client = string(t.client, "simulation.traffic.client");
    if (!clientNames.has(client)) fail("simulation.traffic.client", `"${client}" is not one of the scenario's clients`);
    const selectors = list(t.selectors, "simulation.traffic.selectors").map((s, i) => selectorText(s, `simulation.traffic.selectors[${i}]`));
    if (selectors.length === 0) fail("simulation.traffic.selectors", "give at least one selector");
    selectors.forEach((s, i) => {
      if (s.trim() === "") fail(`simulation.traffic.selectors[${i}]`, "an empty selector matches nothing a lease could use");
      // The CI client's leases go through the same rules as any CreateLease [F4].
      const parsed = parseSelector(s);
      const problem = parsed.ok ? leaseSelectorProblem(parsed.selector) : undefined;
      if (problem !== undefined) fail(`simulation.traffic.selectors[${i}]`, `the controller would refuse this lease selector: ${problem}`);
    });
    traffic = {
      client,
      everyMs: optionalDuration(t.every, "simulation.traffic.every", 60_000),
      duration: durationRange(t.duration, "simulation.traffic.duration", { minMs: 60_000, maxMs: 600_000 }),
      releaseEarly: fraction(t.releaseEarly, "simulation.traffic.releaseEarly", 0.5),
      maxActive: wholeNumber(t.maxActive, "simulation.traffic.maxActive", 5, 1),
      selectors,
      tags: trafficTags(t.tags, maxTags),
    };
  }
  return {
    seed: wholeNumber(raw.seed, "simulation.seed", 1, 0),
    tickMs: optionalDuration(raw.tick, "simulation.tick", 1_000),
    outages,
    hooks: {
      jitter: fraction(h.jitter, "simulation.hooks.jitter", 0.3),
      failureRate: fraction(h.failureRate, "simulation.hooks.failureRate", 0),
      repairAfter: durationRange(h.repairAfter, "simulation.hooks.repairAfter", { minMs: 60_000, maxMs: 300_000 }),
      messages,
    },
    traffic,
  };
}

/** Checks a scenario (parsed YAML or an object) and fills in the defaults. */
export function validateScenario(value: unknown): LabScenario {
  const raw = object(value ?? {}, "", ["namespace", "controller", "clients", "exporterAccessPolicies", "exporters", "simulation"]);
  if (raw.namespace === undefined) fail("namespace", "missing: name the lab's namespace, e.g. namespace: lab");
  const namespace = objectName(raw.namespace, "namespace");
  const warnings: string[] = [];
  const controller = controllerConfig(raw.controller);
  const clients = clientsSection(raw.clients, warnings);
  if (clients.length === 0) fail("clients", "the lab needs at least one client, or nobody can sign in");
  return {
    namespace,
    controller,
    clients,
    accessPolicies: accessPolicies(raw.exporterAccessPolicies),
    exporters: exportersSection(raw.exporters),
    simulation: simulation(raw.simulation, new Set(clients.map((c) => c.name)), controller.maxTags),
    warnings,
  };
}

export function parseScenario(text: string): LabScenario {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (e) {
    throw new ScenarioError(`not valid YAML: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`);
  }
  return validateScenario(parsed);
}

export function loadScenario(path: string): LabScenario {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new ScenarioError(`cannot read ${path}: ${e instanceof Error ? e.message : String(e)}`);
  }
  try {
    return parseScenario(text);
  } catch (e) {
    if (e instanceof ScenarioError) throw new ScenarioError(`${path}: ${e.message}`);
    throw e;
  }
}
