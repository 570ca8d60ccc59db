// An exporter record as the store keeps it, idle and enabled, for tests that
// build the lab's state by hand.
import { ExporterStatus } from "../../../src/gen/jumpstarter/v1/common_pb.js";
import { NO_HOOKS, type ExporterRecord } from "../records.js";

export function exporterRecord(name: string, labels: Record<string, string>, connection: ExporterRecord["connection"] = "connected"): ExporterRecord {
  return {
    name,
    labels,
    enabled: true,
    connection,
    reportedStatus: ExporterStatus.AVAILABLE,
    reportedMessage: "",
    leaseName: undefined,
    hook: undefined,
    hookUntilMs: undefined,
    hookFailure: undefined,
    repairAtMs: undefined,
    hooks: NO_HOOKS,
    scenarioState: "",
  };
}
