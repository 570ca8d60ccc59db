// Scenario files: the lab's namespace, clients, exporters and (optionally) a
// simulation that keeps the lab moving. Validated with messages that name the
// path at fault, e.g. `exporters[3].labels: "rcar s4" is not a valid label value`.
import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { parseDuration } from "../../src/domain/durations.js";
import { validateLabelKey, validateLabelValue } from "../../src/domain/labels.js";
import { validateObjectName } from "../../src/domain/resource-names.js";
import { parseSelector, selectorErrorText } from "../../src/domain/selector.js";
import type { HookConfig, HookFailMode } from "./records.js";

// ---------------------------------------------------------------------------
// The shape people write (YAML, or an object for startLab)

export interface ScenarioHooks {
  before?: string;
  after?: string;
  fail?: HookFailMode;
  /** What a failing hook reports ("flash timeout"). */
  failMessage?: string;
}

export interface ScenarioExporter {
  name: string;
  labels?: Record<string, string>;
  online?: boolean;
  enabled?: boolean;
  hooks?: ScenarioHooks;
}

export interface ScenarioClient {
  name: string;
  token: string;
}

export interface ScenarioSimulation {
  seed?: number;
  /** How often the simulation acts ("1s"). */
  tick?: string;
  outages?: { every?: string; duration?: string; selector?: string };
  hooks?: { jitter?: number; failureRate?: number; repairAfter?: string; messages?: string[] };
  traffic?: {
    client: string;
    every?: string;
    duration?: string;
    releaseEarly?: number;
    maxActive?: number;
    selectors: string[];
    tags?: Record<string, string>;
  };
}

export interface Scenario {
  namespace: string;
  clients: ScenarioClient[];
  exporters: ScenarioExporter[];
  simulation?: ScenarioSimulation;
}

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

export interface LabScenario {
  readonly namespace: string;
  readonly clients: readonly ScenarioClient[];
  readonly exporters: readonly {
    readonly name: string;
    readonly labels: Readonly<Record<string, string>>;
    readonly online: boolean;
    readonly enabled: boolean;
    readonly hooks: HookConfig;
  }[];
  readonly simulation: SimulationConfig | undefined;
}

export class ScenarioError extends Error {}

const DEFAULT_FAILURE_MESSAGES = ["flash timeout", "power cycle did not bring the board up", "serial console not responding", "storage image checksum mismatch"];

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

/** A mapping; `keys` lists the fields allowed ("any" for free-form maps such as labels). */
function object(value: unknown, path: string, keys: readonly string[] | "any"): Raw {
  if (typeof value !== "object" || value === null || Array.isArray(value)) fail(path, `expected a mapping, found ${describe(value)}`);
  if (keys === "any") return value as Raw;
  for (const key of Object.keys(value)) {
    if (!keys.includes(key)) fail(`${path === "" ? "" : `${path}.`}${key}`, `unknown field (known fields: ${keys.join(", ")})`);
  }
  return value as Raw;
}

function list(value: unknown, path: string): unknown[] {
  if (!Array.isArray(value)) fail(path, `expected a list, found ${describe(value)}`);
  return value as unknown[];
}

function string(value: unknown, path: string): string {
  if (typeof value !== "string") fail(path, `expected a string, found ${describe(value)}`);
  return value;
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

function labels(value: unknown, path: string): Record<string, string> {
  if (value === undefined) return {};
  const raw = object(value, path, "any");
  const result: Record<string, string> = {};
  for (const [key, v] of Object.entries(raw)) {
    const keyProblem = validateLabelKey(key);
    if (keyProblem !== undefined) fail(path, keyProblem);
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

function simulation(value: unknown, clientNames: ReadonlySet<string>): SimulationConfig | undefined {
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
    });
    traffic = {
      client,
      everyMs: optionalDuration(t.every, "simulation.traffic.every", 60_000),
      duration: durationRange(t.duration, "simulation.traffic.duration", { minMs: 60_000, maxMs: 600_000 }),
      releaseEarly: fraction(t.releaseEarly, "simulation.traffic.releaseEarly", 0.5),
      maxActive: wholeNumber(t.maxActive, "simulation.traffic.maxActive", 5, 1),
      selectors,
      tags: labels(t.tags, "simulation.traffic.tags"),
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
  const raw = object(value ?? {}, "", ["namespace", "clients", "exporters", "simulation"]);
  if (raw.namespace === undefined) fail("namespace", "missing: name the lab's namespace, e.g. namespace: lab");
  const namespace = objectName(raw.namespace, "namespace");

  const clients: ScenarioClient[] = [];
  const tokens = new Map<string, string>();
  list(raw.clients ?? [], "clients").forEach((item, i) => {
    const path = `clients[${i}]`;
    const c = object(item, path, ["name", "token"]);
    const name = objectName(c.name, `${path}.name`);
    if (clients.some((other) => other.name === name)) fail(`${path}.name`, `client "${name}" is listed twice`);
    const token = string(c.token, `${path}.token`);
    if (!/^[\x21-\x7e]{8,}$/.test(token)) fail(`${path}.token`, "a token needs at least 8 printable characters and no spaces");
    const holder = tokens.get(token);
    if (holder !== undefined) fail(`${path}.token`, `the same token is already given to client "${holder}"`);
    tokens.set(token, name);
    clients.push({ name, token });
  });
  if (clients.length === 0) fail("clients", "the lab needs at least one client, or nobody can sign in");

  const exporters: LabScenario["exporters"][number][] = [];
  const seen = new Set<string>();
  list(raw.exporters ?? [], "exporters").forEach((item, i) => {
    const path = `exporters[${i}]`;
    const e = object(item, path, ["name", "labels", "online", "enabled", "hooks"]);
    const name = objectName(e.name, `${path}.name`);
    if (seen.has(name)) fail(`${path}.name`, `exporter "${name}" is listed twice`);
    seen.add(name);
    exporters.push({
      name,
      labels: labels(e.labels, `${path}.labels`),
      online: boolean(e.online, `${path}.online`, true),
      enabled: boolean(e.enabled, `${path}.enabled`, true),
      hooks: hooks(e.hooks, `${path}.hooks`),
    });
  });

  return { namespace, clients, exporters, simulation: simulation(raw.simulation, new Set(clients.map((c) => c.name))) };
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
