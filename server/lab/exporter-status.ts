// What an exporter reports and what the controller makes of it: status,
// `online` and message as ClientService shows them [S1]/[S4], the labels
// registration adds [O7], and the texts upstream exporters report [S2].
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import type { ExporterRecord } from "./records.js";

/** Texts of upstream exporters ([S2]); a simulated exporter reports these. */
export const EXPORTER_TEXTS = {
  registered: "Exporter registered and available",
  beforeHook: "Running beforeLease hook",
  ready: "Ready for commands",
  afterHook: "Running afterLease hooks",
  availableAgain: "Available for new lease",
  beforeHookFailed: (error: string): string => `beforeLease hook failed (on_failure=endLease): ${error}`,
  afterHookFailed: (error: string): string => `afterLease hook failed: ${error}`,
  shuttingDown: "Exporter shutting down",
} as const;

/** Texts the controller itself sets [S1]. */
export const CONTROLLER_EXPORTER_TEXTS = {
  neverSeen: "Never seen",
  connectionLost: "Connection lost - last seen more than 1 minute ago",
  unregistered: "Exporter unregistered",
} as const;

/** The label every registered upstream exporter reports [O7]. */
export const NAME_LABEL = "jumpstarter.dev/name";

type StatusInput = Pick<ExporterRecord, "connection" | "reportedStatus" | "reportedMessage">;

export interface ExporterView {
  readonly status: ExporterStatus;
  readonly online: boolean;
  readonly statusMessage: string;
}

/** [S1]: status, `online` and message from the connection and what was reported. */
export function exporterView(e: StatusInput): ExporterView {
  switch (e.connection) {
    case "never":
      return { status: ExporterStatus.UNSPECIFIED, online: false, statusMessage: CONTROLLER_EXPORTER_TEXTS.neverSeen };
    case "lost":
      return { status: ExporterStatus.OFFLINE, online: false, statusMessage: CONTROLLER_EXPORTER_TEXTS.connectionLost };
    case "connected":
      return { status: e.reportedStatus, online: e.reportedStatus !== ExporterStatus.OFFLINE, statusMessage: e.reportedMessage };
  }
}

/** [L2] step 5 / [S4]: registered and online, so it can take a lease. */
export function canServeLeases(e: StatusInput): boolean {
  return e.connection === "connected" && e.reportedStatus !== ExporterStatus.OFFLINE;
}

type LabelInput = Pick<ExporterRecord, "name" | "labels" | "connection">;

/** Records are immutable (a change makes a new one), so each one's labels are worked out once. */
const labelsOfRecord = new WeakMap<LabelInput, Readonly<Record<string, string>>>();

/** [O7]: the administrator's labels plus what a registered exporter reports. */
export function exporterLabels(e: LabelInput): Readonly<Record<string, string>> {
  let labels = labelsOfRecord.get(e);
  if (labels === undefined) {
    labels = e.connection === "never" ? { ...e.labels } : { ...e.labels, [NAME_LABEL]: e.name };
    labelsOfRecord.set(e, labels);
  }
  return labels;
}
