// Builders of leases as the controller reports them, for unit tests (the
// leases and booking features share them; nothing in the app imports this file).
import { create } from "@bufbuild/protobuf";
import { msToDuration, msToKubeTime, msToTimestamp } from "@/domain/durations";
import { LeaseSchema, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";

export const NS = "lab";

export interface LeaseSpec {
  readonly name: string;
  readonly client?: string;
  readonly state?: "scheduled" | "pending" | "ready" | "expired" | "released" | "unsatisfiable";
  readonly exporter?: string;
  readonly selector?: string;
  readonly durationMs?: number;
  readonly beginMs?: number;
  readonly endMs?: number;
  readonly effectiveBeginMs?: number;
  readonly effectiveEndMs?: number;
  readonly tags?: Record<string, string>;
}

function condition(type: string, status: string, reason: string, message = "") {
  return create(ConditionSchema, { type, status, reason, message, lastTransitionTime: msToKubeTime(0) });
}

export function lease(spec: LeaseSpec): Lease {
  const l = create(LeaseSchema, {
    name: `namespaces/${NS}/leases/${spec.name}`,
    selector: spec.selector ?? "board=rcar-s4",
    client: `namespaces/${NS}/clients/${spec.client ?? "alice"}`,
    tags: spec.tags ?? {},
  });
  if (spec.durationMs !== undefined) l.duration = msToDuration(spec.durationMs);
  if (spec.beginMs !== undefined) l.beginTime = msToTimestamp(spec.beginMs);
  if (spec.endMs !== undefined) l.endTime = msToTimestamp(spec.endMs);
  if (spec.effectiveBeginMs !== undefined) l.effectiveBeginTime = msToTimestamp(spec.effectiveBeginMs);
  if (spec.effectiveEndMs !== undefined) l.effectiveEndTime = msToTimestamp(spec.effectiveEndMs);
  if (spec.exporter !== undefined) l.exporter = `namespaces/${NS}/exporters/${spec.exporter}`;
  switch (spec.state ?? "scheduled") {
    case "scheduled":
      break;
    case "pending":
      l.conditions.push(condition("Pending", "True", "NotAvailable"));
      break;
    case "ready":
      l.conditions.push(condition("Ready", "True", "Ready"));
      break;
    case "expired":
      l.conditions.push(condition("Ready", "False", "Expired"));
      break;
    case "released":
      l.conditions.push(condition("Ready", "False", "Released"));
      break;
    case "unsatisfiable":
      l.conditions.push(condition("Unsatisfiable", "True", "NoAccess", "no exporter matches"));
      break;
  }
  return l;
}
