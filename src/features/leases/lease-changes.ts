// The UpdateLease requests behind extend, shorten, set-end and transfer, and
// the lease as it will look afterwards (for optimistic updates). Pure.
//
// The rule (the controller re-reconciles times like on create, spec
// "Updating and releasing"): a lease that has end_time changes end_time; one
// without changes its duration. Sending a duration that disagrees with
// end - begin would be refused.
import { clone, create } from "@bufbuild/protobuf";
import { durationToMs, formatDuration, msToDuration, msToKubeTime, msToTimestamp, timestampToMs } from "@/domain/durations";
import { leaseStatus } from "@/domain/lease-status";
import { leaseExpiryMs } from "@/domain/lease-times";
import { clientName, shortName, validateObjectName } from "@/domain/resource-names";
import { LeaseSchema, UpdateLeaseRequestSchema, type Lease, type UpdateLeaseRequest } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";

export type ChangeResult =
  | {
      readonly ok: true;
      readonly request: UpdateLeaseRequest;
      /** When the lease will end afterwards; undefined while it waits for a board with no begin time. */
      readonly newEndMs: number | undefined;
    }
  | { readonly ok: false; readonly message: string };

function fail(message: string): ChangeResult {
  return { ok: false, message };
}

/** When the lease's held time started or will start: begin_time, else effective_begin_time. */
function startMs(lease: Lease): number | undefined {
  return timestampToMs(lease.beginTime) ?? timestampToMs(lease.effectiveBeginTime);
}

function checkChangeable(lease: Lease, nowMs: number): string | undefined {
  const status = leaseStatus(lease, nowMs);
  if (status.ended) return `This lease has already ended (${status.label.toLowerCase()})`;
  return undefined;
}

function checkNewEnd(newEndMs: number | undefined, nowMs: number): string | undefined {
  if (newEndMs !== undefined && newEndMs <= nowMs) return "That would end the lease in the past: release it instead";
  return undefined;
}

/**
 * Extends the lease by `deltaMs` (shortens it when negative): end_time moves
 * when the lease has one, else the duration grows or shrinks.
 */
export function extendRequest(lease: Lease, deltaMs: number, nowMs: number): ChangeResult {
  const closed = checkChangeable(lease, nowMs);
  if (closed !== undefined) return fail(closed);
  if (deltaMs === 0) return fail("Choose an amount of time other than zero");

  const endMs = timestampToMs(lease.endTime);
  if (endMs !== undefined) {
    const newEndMs = endMs + deltaMs;
    const begin = timestampToMs(lease.beginTime);
    if (begin !== undefined && newEndMs <= begin) return fail("The end would come before the start");
    const late = checkNewEnd(newEndMs, nowMs);
    if (late !== undefined) return fail(late);
    return {
      ok: true,
      newEndMs,
      request: create(UpdateLeaseRequestSchema, {
        lease: { name: lease.name, endTime: msToTimestamp(newEndMs) },
        updateMask: { paths: ["end_time"] },
      }),
    };
  }

  const durationMs = durationToMs(lease.duration);
  if (durationMs === undefined || durationMs <= 0) return fail("This lease has no duration to change");
  const newDurationMs = durationMs + deltaMs;
  if (newDurationMs <= 0) return fail(`The lease is ${formatDuration(durationMs)} long: it cannot be shortened by ${formatDuration(-deltaMs)}`);
  const newEndMs = leaseExpiryMs({
    durationMs: newDurationMs,
    beginMs: timestampToMs(lease.beginTime),
    effectiveBeginMs: timestampToMs(lease.effectiveBeginTime),
  });
  const late = checkNewEnd(newEndMs, nowMs);
  if (late !== undefined) return fail(late);
  return {
    ok: true,
    newEndMs,
    request: create(UpdateLeaseRequestSchema, {
      lease: { name: lease.name, duration: msToDuration(newDurationMs) },
      updateMask: { paths: ["duration"] },
    }),
  };
}

/**
 * Moves the lease's end to `endMs`: end_time when it has one, else the
 * duration from its start (a lease still waiting for a board, with no begin
 * time, has no start yet, so only its duration can change).
 */
export function setEndRequest(lease: Lease, endMs: number, nowMs: number): ChangeResult {
  const closed = checkChangeable(lease, nowMs);
  if (closed !== undefined) return fail(closed);
  const late = checkNewEnd(endMs, nowMs);
  if (late !== undefined) return fail(late);
  if (timestampToMs(lease.endTime) !== undefined) {
    const begin = timestampToMs(lease.beginTime);
    if (begin !== undefined && endMs <= begin) return fail("The end would come before the start");
    return {
      ok: true,
      newEndMs: endMs,
      request: create(UpdateLeaseRequestSchema, {
        lease: { name: lease.name, endTime: msToTimestamp(endMs) },
        updateMask: { paths: ["end_time"] },
      }),
    };
  }
  const start = startMs(lease);
  if (start === undefined) {
    return fail("This lease is still waiting for a board, so its end is not fixed yet: change its length instead");
  }
  if (endMs <= start) return fail("The end would come before the start");
  return {
    ok: true,
    newEndMs: endMs,
    request: create(UpdateLeaseRequestSchema, {
      lease: { name: lease.name, duration: msToDuration(endMs - start) },
      updateMask: { paths: ["duration"] },
    }),
  };
}

export type TransferResult = { readonly ok: true; readonly request: UpdateLeaseRequest } | { readonly ok: false; readonly message: string };

/** Hands the lease to another client of the same namespace (`client: namespaces/NS/clients/NAME`). */
export function transferRequest(lease: Lease, namespace: string, toClient: string, nowMs: number): TransferResult {
  const closed = checkChangeable(lease, nowMs);
  if (closed !== undefined) return { ok: false, message: closed };
  const name = toClient.trim();
  if (name === "") return { ok: false, message: "Enter the name of the client to give the lease to" };
  const problem = validateObjectName(name, "client name");
  if (problem !== undefined) return { ok: false, message: problem.charAt(0).toUpperCase() + problem.slice(1) };
  const target = clientName(namespace, name);
  if (lease.client === target) return { ok: false, message: `${name} already holds this lease` };
  return {
    ok: true,
    request: create(UpdateLeaseRequestSchema, { lease: { name: lease.name, client: target }, updateMask: { paths: ["client"] } }),
  };
}

/**
 * The lease as the controller will report it after `request` (the masked
 * fields applied, and a duration derived from begin and end as the
 * controller reconciles them). For optimistic updates.
 */
export function applyUpdate(lease: Lease, request: UpdateLeaseRequest): Lease {
  const next = clone(LeaseSchema, lease);
  const patch = request.lease;
  if (patch === undefined) return next;
  const paths = request.updateMask?.paths ?? [];
  if (paths.includes("end_time") && patch.endTime !== undefined) {
    next.endTime = patch.endTime;
  }
  if (paths.includes("duration") && patch.duration !== undefined) next.duration = patch.duration;
  if (paths.includes("client") && patch.client !== undefined) next.client = patch.client;
  const begin = timestampToMs(next.beginTime);
  const end = timestampToMs(next.endTime);
  if (paths.includes("end_time") && begin !== undefined && end !== undefined) next.duration = msToDuration(end - begin);
  return next;
}

/** The lease as it will look once released: ended now with Ready=False, reason Released. */
export function releasedLease(lease: Lease, nowMs: number): Lease {
  const next = clone(LeaseSchema, lease);
  next.conditions = [
    ...next.conditions.filter((c) => c.type !== "Ready"),
    create(ConditionSchema, {
      type: "Ready",
      status: "False",
      reason: "Released",
      message: "released from the portal",
      lastTransitionTime: msToKubeTime(nowMs),
    }),
  ];
  next.effectiveEndTime = msToTimestamp(nowMs);
  return next;
}

/** What a person calls the lease in a sentence: its board when it has one, else its name. */
export function leaseSubject(lease: Lease): string {
  const exporter = lease.exporter ?? "";
  if (exporter !== "") return shortName(exporter);
  const byName = lease.exporterName ?? "";
  return byName !== "" ? byName : shortName(lease.name);
}
