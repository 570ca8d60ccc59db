// Records to ClientService messages, field by field as [O4]/[O5] say.
import { create } from "@bufbuild/protobuf";
import { msToDuration, msToKubeTime, msToTimestamp } from "../../src/domain/durations.js";
import { leaseLabels as labelsOfLease } from "../../src/domain/lease-fields.js";
import { clientName, exporterName, leaseName } from "../../src/domain/resource-names.js";
import { EMPTY_SELECTOR, parseSelector, type Selector } from "../../src/domain/selector.js";
import { ExporterSchema, LeaseSchema, type Exporter, type Lease } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "../../src/gen/jumpstarter/v1/kubernetes_pb.js";
import { exporterLabels, exporterView } from "./exporter-status.js";
import { exporterLabelView, leaseDeprecatedLabels, type LabelPolicy } from "./label-visibility.js";
import type { ExporterRecord, LeaseRecord } from "./records.js";

/** What a lease made with exporter_name alone reports as its selector [F5]. */
export const NO_SELECTOR = "<none>";

export function exporterToProto(namespace: string, e: ExporterRecord, policy: LabelPolicy, showHiddenLabels: boolean): Exporter {
  const view = exporterView(e);
  const { labels, deprecated } = exporterLabelView(exporterLabels(e), policy, showHiddenLabels);
  return create(ExporterSchema, {
    name: exporterName(namespace, e.name),
    labels,
    online: view.online,
    status: view.status,
    statusMessage: view.statusMessage,
    enabled: e.enabled,
    deprecatedLabels: deprecated,
  });
}

export function leaseSelector(lease: LeaseRecord): Selector {
  const parsed = parseSelector(lease.selector);
  return parsed.ok ? parsed.selector : EMPTY_SELECTOR;
}

/** Records are immutable, so each lease's labels are worked out once. */
const labelsOfRecord = new WeakMap<LeaseRecord, Readonly<Record<string, string>>>();

/** [F3] The labels a lease carries for ListLeases.filter. */
export function leaseLabels(lease: LeaseRecord): Readonly<Record<string, string>> {
  let labels = labelsOfRecord.get(lease);
  if (labels === undefined) {
    labels = labelsOfLease(leaseSelector(lease), lease.tags, lease.ended);
    labelsOfRecord.set(lease, labels);
  }
  return labels;
}

/**
 * [O4]. `policy` undefined leaves deprecated_labels empty (the UpdateLease
 * answer does not fill it, [HL4]).
 */
export function leaseToProto(namespace: string, lease: LeaseRecord, nowMs: number, policy: LabelPolicy | undefined): Lease {
  const message = create(LeaseSchema, {
    name: leaseName(namespace, lease.name),
    selector: lease.selector === "" ? NO_SELECTOR : lease.selector,
    duration: msToDuration(lease.durationMs),
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
    deprecatedLabels: policy === undefined ? {} : leaseDeprecatedLabels(leaseSelector(lease), policy),
  });
  if (lease.beginMs !== undefined) message.beginTime = msToTimestamp(lease.beginMs);
  if (lease.endMs !== undefined) message.endTime = msToTimestamp(lease.endMs);
  if (lease.exporterName !== undefined) message.exporterName = lease.exporterName;
  if (lease.exporter !== undefined) message.exporter = exporterName(namespace, lease.exporter);
  // effective_* exist only once an exporter was assigned [O4].
  if (lease.effectiveBeginMs !== undefined) {
    message.effectiveBeginTime = msToTimestamp(lease.effectiveBeginMs);
    const until = lease.effectiveEndMs ?? nowMs;
    message.effectiveDuration = msToDuration(Math.max(0, until - lease.effectiveBeginMs));
    if (lease.effectiveEndMs !== undefined) message.effectiveEndTime = msToTimestamp(lease.effectiveEndMs);
  }
  return message;
}
