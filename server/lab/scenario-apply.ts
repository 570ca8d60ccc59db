// Brings the stored lab in line with the scenario at start-up. The scenario is
// the lab's configuration (labels, enabled, hooks, clients); runtime state
// (leases, rotated tokens, an exporter the simulation took offline) is kept.
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { clearPending, setCondition } from "./conditions.js";
import type { ClientRecord, LeaseRecord } from "./records.js";
import { ScenarioError, type LabScenario } from "./scenario.js";
import type { ExporterDraft, LabStore } from "./store.js";

export function applyScenario(store: LabStore, scenario: LabScenario, nowMs: number): void {
  const stored = store.getMeta("namespace");
  if (stored !== undefined && stored !== scenario.namespace) {
    throw new ScenarioError(
      `the data folder holds the lab of namespace "${stored}", but the scenario says "${scenario.namespace}": use another data folder`,
    );
  }
  store.setMeta("namespace", scenario.namespace);

  const clients: ClientRecord[] = scenario.clients.map((c) => {
    const existing = store.client(c.name);
    // A rotated token stays valid across restarts; otherwise the scenario's token is the one.
    if (existing?.rotated === true) return { ...existing, scenarioToken: c.token };
    return { name: c.name, token: c.token, tokenExpiryMs: undefined, scenarioToken: c.token, rotated: false };
  });
  const keptClients = new Set(clients.map((c) => c.name));
  const deleteClients = store
    .clients()
    .map((c) => c.name)
    .filter((name) => !keptClients.has(name));

  const exporters: ExporterDraft[] = scenario.exporters.map((e) => {
    const existing = store.exporter(e.name);
    if (existing === undefined) {
      return {
        name: e.name,
        labels: e.labels,
        online: e.online,
        enabled: e.enabled,
        phase: ExporterStatus.AVAILABLE,
        leaseName: undefined,
        phaseUntilMs: undefined,
        hookFailure: undefined,
        hooks: e.hooks,
        scenarioOnline: e.online,
      };
    }
    return {
      ...existing,
      labels: e.labels,
      enabled: e.enabled,
      hooks: e.hooks,
      // `online` is runtime state, unless the scenario's own value changed since last time.
      online: e.online === existing.scenarioOnline ? existing.online : e.online,
      scenarioOnline: e.online,
    };
  });
  const keptExporters = new Set(exporters.map((e) => e.name));
  const removed = store.exporters().filter((e) => !keptExporters.has(e.name));

  const leases: LeaseRecord[] = [];
  for (const e of removed) {
    const lease = e.leaseName === undefined ? undefined : store.lease(e.leaseName);
    if (lease === undefined || lease.ended) continue;
    const message = `exporter "${e.name}" was removed from the lab`;
    let conditions = clearPending(lease.conditions, "Released", message, lease.generation, nowMs);
    conditions = setCondition(conditions, { type: "Ready", status: "False", reason: "Released", message }, lease.generation, nowMs);
    leases.push({ ...lease, conditions, ended: true, effectiveEndMs: nowMs, nextRetryMs: undefined });
  }

  store.commit({ clients, exporters, leases, deleteClients, deleteExporters: removed.map((e) => e.name) });
}
