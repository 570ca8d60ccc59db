// Brings the stored lab in line with the scenario at start-up. The scenario is
// the lab's configuration (clients and their labels, exporters, labels,
// enabled, hooks, declared states); runtime state (leases, tokens already
// minted, an exporter the simulation took offline) is kept.
import { randomUUID } from "node:crypto";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { EXPORTER_TEXTS } from "./exporter-status.js";
import type { ClientRecord, ExporterRecord, LeaseRecord } from "./records.js";
import { ScenarioError, type ExporterState, type LabScenario, type ScenarioExporter } from "./scenario.js";
import type { LabStore } from "./store.js";
import { internalSubject, mintInternalToken, type TokenKeys } from "./tokens.js";

/** A token this close to its expiry is replaced at start-up, so a long-lived demo lab keeps working. */
const RENEW_BEFORE_MS = 24 * 60 * 60 * 1000;

function stateKey(state: ExporterState): string {
  return JSON.stringify(state);
}

function connectionOf(state: ExporterState): Pick<ExporterRecord, "connection" | "reportedStatus" | "reportedMessage"> {
  switch (state.kind) {
    case "never":
      return { connection: "never", reportedStatus: ExporterStatus.UNSPECIFIED, reportedMessage: "" };
    case "lost":
      // It registered earlier and reported itself available before it went silent.
      return { connection: "lost", reportedStatus: ExporterStatus.AVAILABLE, reportedMessage: EXPORTER_TEXTS.registered };
    case "connected":
      return { connection: "connected", reportedStatus: state.status, reportedMessage: state.message };
  }
}

function exporterFrom(e: ScenarioExporter, existing: ExporterRecord | undefined): ExporterRecord {
  const declared = stateKey(e.state);
  if (existing === undefined) {
    return {
      name: e.name,
      labels: e.labels,
      enabled: e.enabled,
      ...connectionOf(e.state),
      leaseName: undefined,
      hook: undefined,
      hookUntilMs: undefined,
      hookFailure: undefined,
      repairAtMs: undefined,
      hooks: e.hooks,
      scenarioState: declared,
    };
  }
  // The declared state wins only when the file changed it since the last start.
  const state = declared === existing.scenarioState ? {} : connectionOf(e.state);
  return { ...existing, labels: e.labels, enabled: e.enabled, hooks: e.hooks, ...state, scenarioState: declared };
}

export interface ApplyDeps {
  readonly keys: TokenKeys;
  readonly nowMs: number;
}

export async function applyScenario(store: LabStore, scenario: LabScenario, deps: ApplyDeps): Promise<void> {
  const stored = store.getMeta("namespace");
  if (stored !== undefined && stored !== scenario.namespace) {
    throw new ScenarioError(
      `the data folder holds the lab of namespace "${stored}", but the scenario says "${scenario.namespace}": use another data folder`,
    );
  }
  store.setMeta("namespace", scenario.namespace);
  const lifetime = scenario.controller.tokenLifetimeMs;

  const clients: ClientRecord[] = [];
  for (const c of scenario.clients) {
    const existing = store.client(c.name);
    const uid = existing?.uid ?? randomUUID();
    let token = existing?.token;
    let tokenExpiryMs = existing?.tokenExpiryMs ?? 0;
    if (token === undefined || tokenExpiryMs - deps.nowMs < RENEW_BEFORE_MS) {
      const minted = await mintInternalToken(deps.keys, internalSubject(scenario.namespace, c.name, uid), deps.nowMs, lifetime);
      token = minted.token;
      tokenExpiryMs = minted.expiryMs;
    }
    clients.push({ name: c.name, uid, labels: c.labels, username: c.username, token, tokenExpiryMs, provisioned: false });
  }
  const keptClients = new Set(clients.map((c) => c.name));
  // Provisioned clients [Z3] are runtime state; the scenario's own are configuration.
  const deleteClients = store
    .clients()
    .filter((c) => !keptClients.has(c.name) && !c.provisioned)
    .map((c) => c.name);

  const exporters = scenario.exporters.map((e) => exporterFrom(e, store.exporter(e.name)));
  const keptExporters = new Set(exporters.map((e) => e.name));
  const removed = store.exporters().filter((e) => !keptExporters.has(e.name));
  const removedNames = new Set(removed.map((e) => e.name));
  // [O6] a lease that got an exporter is owned by it: deleting the exporter deletes those leases.
  const deleteLeases = store
    .leases()
    .filter((l: LeaseRecord) => l.exporter !== undefined && removedNames.has(l.exporter))
    .map((l) => l.name);

  store.commit({ clients, exporters, deleteClients, deleteExporters: [...removedNames], deleteLeases });
}
