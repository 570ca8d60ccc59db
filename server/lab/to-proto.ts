// Records to ClientService messages.
import { create } from "@bufbuild/protobuf";
import { msToDuration, msToKubeTime, msToTimestamp } from "../../src/domain/durations.js";
import { clientName, exporterName, leaseName } from "../../src/domain/resource-names.js";
import { leaseLabels as labelsOfLease } from "../../src/domain/lease-fields.js";
import { EMPTY_SELECTOR, parseSelector } from "../../src/domain/selector.js";
import { ExporterSchema, LeaseSchema, type Exporter, type Lease } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "../../src/gen/jumpstarter/v1/kubernetes_pb.js";
import type { ExporterRecord, LeaseRecord } from "./records.js";

/** Label keys with this prefix are the controller's own and hidden unless asked for. */
export const HIDDEN_LABEL_PREFIX = "jumpstarter.dev/";
/** What a lease made with exporter_name alone reports as its selector (kubectl's word). */
export const NO_SELECTOR = "<none>";

export function exporterToProto(namespace: string, e: ExporterRecord, showHiddenLabels: boolean): Exporter {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.labels)) {
    if (showHiddenLabels || !k.startsWith(HIDDEN_LABEL_PREFIX)) labels[k] = v;
  }
  return create(ExporterSchema, {
    name: exporterName(namespace, e.name),
    labels,
    online: e.online,
    status: e.status,
    statusMessage: e.statusMessage,
    enabled: e.enabled,
  });
}

/** The labels a lease carries for ListLeases.filter. */
export function leaseLabels(lease: LeaseRecord): Record<string, string> {
  const parsed = parseSelector(lease.selector);
  return labelsOfLease(parsed.ok ? parsed.selector : EMPTY_SELECTOR, lease.tags, lease.ended);
}

function heldMs(lease: LeaseRecord, nowMs: number): number {
  if (lease.effectiveBeginMs === undefined) return 0;
  const until = lease.effectiveEndMs ?? nowMs;
  return Math.max(0, until - lease.effectiveBeginMs);
}

export function leaseToProto(namespace: string, lease: LeaseRecord, nowMs: number): Lease {
  const message = create(LeaseSchema, {
    name: leaseName(namespace, lease.name),
    selector: lease.selector === "" ? NO_SELECTOR : lease.selector,
    duration: msToDuration(lease.durationMs),
    effectiveDuration: msToDuration(heldMs(lease, nowMs)),
    client: clientName(namespace, lease.client),
    conditions: lease.conditions.map((c) =>
      create(ConditionSchema, {
        type: c.type,
        status: c.status,
        observedGeneration: BigInt(c.observedGeneration),
        lastTransitionTime: msToKubeTime(c.lastTransitionMs),
        reason: c.reason,
        message: c.message,
      }),
    ),
    tags: { ...lease.tags },
    allowDisabled: lease.allowDisabled,
    context: { ...lease.context },
  });
  if (lease.beginMs !== undefined) message.beginTime = msToTimestamp(lease.beginMs);
  if (lease.endMs !== undefined) message.endTime = msToTimestamp(lease.endMs);
  if (lease.effectiveBeginMs !== undefined) message.effectiveBeginTime = msToTimestamp(lease.effectiveBeginMs);
  if (lease.effectiveEndMs !== undefined) message.effectiveEndTime = msToTimestamp(lease.effectiveEndMs);
  if (lease.exporter !== undefined) message.exporter = exporterName(namespace, lease.exporter);
  if (lease.exporterName !== undefined) message.exporterName = lease.exporterName;
  return message;
}
