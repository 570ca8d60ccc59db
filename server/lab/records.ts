// The lab's state as plain records: what the store persists and the engine
// transforms. They mirror the controller's Kubernetes objects (Client,
// Exporter, Lease, ExporterAccessPolicy; spec [O1]). Times are milliseconds
// since the epoch; names are bare object names in the lab's one namespace.
import type { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";

/** A Client object and its credential secret. */
export interface ClientRecord {
  readonly name: string;
  /** The object's UID: internal tokens name it, so a re-created client invalidates old tokens [A2]. */
  readonly uid: string;
  readonly labels: Readonly<Record<string, string>>;
  /** spec.username, for OIDC and service-account users [Z1]. */
  readonly username: string | undefined;
  /** The token in the credential secret (the last one minted; older ones stay valid [K4]). */
  readonly token: string;
  readonly tokenExpiryMs: number;
  /** Created on first use by provisioning [Z3], not by the scenario. */
  readonly provisioned: boolean;
}

export type HookFailMode = "before" | "after" | "never";

export interface HookConfig {
  readonly beforeMs: number;
  readonly afterMs: number;
  readonly fail: HookFailMode;
  readonly failMessage: string;
}

export const NO_HOOKS: HookConfig = { beforeMs: 0, afterMs: 0, fail: "never", failMessage: "" };

/**
 * The exporter process's connection, as the controller sees it [S1]:
 * never connected, connected (and registered), or silent for over a minute.
 */
export type ExporterConnection = "never" | "connected" | "lost";

/** What a running hook is doing, so the engine can finish it on time. */
export type HookPhase = "before" | "after" | undefined;

export interface ExporterRecord {
  readonly name: string;
  /** The administrator's labels on the Exporter object (without jumpstarter.dev/name, which registration adds [O7]). */
  readonly labels: Readonly<Record<string, string>>;
  readonly enabled: boolean;
  readonly connection: ExporterConnection;
  /** The last status the exporter reported, and its message (meaningful while connected). */
  readonly reportedStatus: ExporterStatus;
  readonly reportedMessage: string;
  /** The active lease holding this exporter [L8]. */
  readonly leaseName: string | undefined;
  /** A hook in progress, when it ends, and the failure it will end with (undefined: success). */
  readonly hook: HookPhase;
  readonly hookUntilMs: number | undefined;
  readonly hookFailure: string | undefined;
  /** When someone repairs a failed hook (undefined: nobody will). */
  readonly repairAtMs: number | undefined;
  readonly hooks: HookConfig;
  /** The scenario's state declaration last applied, so a restart keeps runtime changes unless the file changed. */
  readonly scenarioState: string;
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
  /** Creation order: waiting leases are served oldest first. */
  readonly seq: number;
  /** The owner (a bare client name). */
  readonly client: string;
  /** Normalised selector text ([F5]); "" when the lease names an exporter only. */
  readonly selector: string;
  readonly exporterName: string | undefined;
  /** The stored (requested) times: shape D, BD or BED of [TM2]. Begin and end are whole seconds [O2]. */
  readonly durationMs: number;
  readonly beginMs: number | undefined;
  readonly endMs: number | undefined;
  /** Actual begin (assignment) and end. */
  readonly effectiveBeginMs: number | undefined;
  readonly effectiveEndMs: number | undefined;
  /** The assigned exporter; stays set after the lease ended [O4]. */
  readonly exporter: string | undefined;
  /** Priority and spot flag of the access-policy rule the exporter was assigned under [O1]. */
  readonly priority: number;
  readonly spot: boolean;
  readonly conditions: readonly StoredCondition[];
  readonly tags: Readonly<Record<string, string>>;
  readonly context: Readonly<Record<string, string>>;
  readonly allowDisabled: boolean;
  /** [O3]: 1 at creation, +1 for every change of the requested part. */
  readonly generation: number;
  /** The release flag DeleteLease (or the exporter) sets [D4]. */
  readonly released: boolean;
  /** The "ended" flag: never looked at again [L1]; carries the lease-ended label [F3]. */
  readonly ended: boolean;
  readonly createdMs: number;
}

/** A rule of an ExporterAccessPolicy [AP2]. */
export interface AccessRule {
  readonly description: string;
  readonly priority: number;
  readonly maximumDurationMs: number | undefined;
  readonly spotAccess: boolean;
  /** Client selectors; a rule with none matches no client. */
  readonly from: readonly KubeLabelSelector[];
}

export interface AccessPolicyRecord {
  readonly name: string;
  readonly exporterSelector: KubeLabelSelector;
  readonly rules: readonly AccessRule[];
}

/** A Kubernetes metav1.LabelSelector (matchLabels and matchExpressions). */
export interface KubeLabelSelector {
  readonly matchLabels: Readonly<Record<string, string>>;
  readonly matchExpressions: readonly {
    readonly key: string;
    readonly operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
    readonly values: readonly string[];
  }[];
}
