// The lab's state as plain records: what the store persists and the engine
// transforms. Times are milliseconds since the epoch; names are bare object
// names (the namespace is the lab's single namespace).
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";

export interface ClientRecord {
  readonly name: string;
  readonly token: string;
  /** undefined: the token never expires (scenario tokens). */
  readonly tokenExpiryMs: number | undefined;
  /** The token the scenario declares; a rotated token survives restarts. */
  readonly scenarioToken: string;
  readonly rotated: boolean;
}

export type HookFailMode = "before" | "after" | "never";

export interface HookConfig {
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly fail: HookFailMode;
  readonly failMessage: string;
}

export const NO_HOOKS: HookConfig = { beforeMs: 0, afterMs: 0, fail: "never", failMessage: "" };

/** What an exporter is doing, apart from being connected or not. */
export type ExporterPhase =
  | ExporterStatus.AVAILABLE
  | ExporterStatus.BEFORE_LEASE_HOOK
  | ExporterStatus.LEASE_READY
  | ExporterStatus.AFTER_LEASE_HOOK
  | ExporterStatus.BEFORE_LEASE_HOOK_FAILED
  | ExporterStatus.AFTER_LEASE_HOOK_FAILED;

export const EXPORTER_PHASES: readonly ExporterPhase[] = [
  ExporterStatus.AVAILABLE,
  ExporterStatus.BEFORE_LEASE_HOOK,
  ExporterStatus.LEASE_READY,
  ExporterStatus.AFTER_LEASE_HOOK,
  ExporterStatus.BEFORE_LEASE_HOOK_FAILED,
  ExporterStatus.AFTER_LEASE_HOOK_FAILED,
];

export interface ExporterRecord {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly online: boolean;
  readonly enabled: boolean;
  readonly phase: ExporterPhase;
  /** The active lease holding this exporter. */
  readonly leaseName: string | undefined;
  /** When the running hook ends, or when a failed hook is fixed (undefined: never). */
  readonly phaseUntilMs: number | undefined;
  /** Running hook: the failure it will end with (undefined: success). Failed phase: what failed. */
  readonly hookFailure: string | undefined;
  readonly hooks: HookConfig;
  /** The `online` value the scenario declared last time it was applied. */
  readonly scenarioOnline: boolean;
  /** Derived by the store on every write (see exporter-status.ts). */
  readonly status: ExporterStatus;
  readonly statusMessage: string;
}

export type ConditionStatus = "True" | "False";

export interface StoredCondition {
  readonly type: string;
  readonly status: ConditionStatus;
  readonly observedGeneration: number;
  readonly lastTransitionMs: number;
  readonly reason: string;
  readonly message: string;
}

export interface LeaseRecord {
  readonly name: string;
  /** Creation order: pending leases are served oldest first. */
  readonly seq: number;
  readonly client: string;
  /** Normalised selector text ("" when the lease names an exporter only). */
  readonly selector: string;
  readonly exporterName: string | undefined;
  readonly durationMs: number;
  readonly beginMs: number | undefined;
  readonly endMs: number | undefined;
  readonly effectiveBeginMs: number | undefined;
  readonly effectiveEndMs: number | undefined;
  /** The assigned exporter. */
  readonly exporter: string | undefined;
  readonly conditions: readonly StoredCondition[];
  readonly tags: Readonly<Record<string, string>>;
  readonly context: Readonly<Record<string, string>>;
  readonly allowDisabled: boolean;
  readonly generation: number;
  readonly ended: boolean;
  readonly createdMs: number;
  /** Pending leases: when the next backoff retry is due, and the delay after it. */
  readonly nextRetryMs: number | undefined;
  readonly retryDelayMs: number;
}
