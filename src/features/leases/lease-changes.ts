// The UpdateLease requests behind extend, shorten, set-end, set-length,
// move-start and transfer, and the lease as it will look afterwards (for
// optimistic updates). Pure.
//
// What to send is decided by the [U13] recipes of @/domain/lease-updates:
// the controller ignores update_mask and reconciles the request's own time
// fields first, so a lease booked with an end time is changed with
// begin_time (as stored) + end_time + duration, never with end_time alone
// ([U12]). The mask is still sent, naming exactly the fields sent: that is
// what jmp does ([U14]), and older servers honour it. `selector` stays empty
// ([U5]); times are whole seconds ([O2]).
import { clone, create } from "@bufbuild/protobuf";
import { durationToMs, msToDuration, msToKubeTime, msToTimestamp, MINUTE_MS, timestampToMs } from "@/domain/durations";
import { assignedAtMs, everHadExporter, leaseStatus } from "@/domain/lease-status";
import { leaseExpiryMs, plannedEndMs, type ReconciledLeaseTimes } from "@/domain/lease-times";
import {
  applyTimeUpdate,
  changeLengthRecipe,
  extendRecipe,
  moveBeginRecipe,
  moveEndRecipe,
  type BeginMoveKeeps,
  type LeaseTimeRecipe,
  type StoredLeaseTimes,
  type TimeUpdate,
} from "@/domain/lease-updates";
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

function fail(message: string): { ok: false; message: string } {
  return { ok: false, message };
}

/** The lease's stored times as UpdateLease sees them; undefined without a duration (nothing to reconcile with). */
export function storedTimes(lease: Lease): StoredLeaseTimes | undefined {
  const durationMs = durationToMs(lease.duration);
  if (durationMs === undefined) return undefined;
  return {
    durationMs,
    beginMs: timestampToMs(lease.beginTime),
    endMs: timestampToMs(lease.endTime),
    started: everHadExporter(lease),
    effectiveBeginMs: assignedAtMs(lease),
  };
}

/** The UpdateLeaseRequest carrying exactly the time fields of `update`. */
export function timeUpdateRequest(leaseName: string, update: TimeUpdate): UpdateLeaseRequest {
  const paths = [
    ...(update.beginMs === undefined ? [] : ["begin_time"]),
    ...(update.endMs === undefined ? [] : ["end_time"]),
    ...(update.durationMs === undefined ? [] : ["duration"]),
  ];
  return create(UpdateLeaseRequestSchema, {
    lease: {
      name: leaseName,
      ...(update.beginMs === undefined ? {} : { beginTime: msToTimestamp(update.beginMs) }),
      ...(update.endMs === undefined ? {} : { endTime: msToTimestamp(update.endMs) }),
      ...(update.durationMs === undefined ? {} : { duration: msToDuration(update.durationMs) }),
    },
    updateMask: { paths },
  });
}

/** When a lease with these stored times ends: its expiry once it holds a board, its planned end while it waits. */
function endAfter(times: ReconciledLeaseTimes, stored: StoredLeaseTimes): number | undefined {
  return stored.started ? leaseExpiryMs({ ...times, effectiveBeginMs: stored.effectiveBeginMs }) : plannedEndMs(times);
}

function checkChangeable(lease: Lease, nowMs: number): string | undefined {
  const status = leaseStatus(lease, nowMs);
  if (status.ended) return `This lease has already ended (${status.label.toLowerCase()})`;
  return undefined;
}

/** A recipe for `lease`, turned into a request, with the checks a person needs before the controller's. */
function planned(lease: Lease, nowMs: number, make: (stored: StoredLeaseTimes) => LeaseTimeRecipe): ChangeResult {
  const closed = checkChangeable(lease, nowMs);
  if (closed !== undefined) return fail(closed);
  const stored = storedTimes(lease);
  if (stored === undefined) return fail("This lease has no duration to change");
  const r = make(stored);
  if (!r.ok) return fail(r.message);
  const newEndMs = endAfter(r.times, stored);
  if (newEndMs !== undefined && newEndMs <= nowMs) return fail("That would end the lease in the past: release it instead");
  return { ok: true, request: timeUpdateRequest(lease.name, r.update), newEndMs };
}

/** Extends the lease by `deltaMs` (shortens it when negative) [U13]. */
export function extendRequest(lease: Lease, deltaMs: number, nowMs: number): ChangeResult {
  return planned(lease, nowMs, (stored) => extendRecipe(stored, deltaMs));
}

/** Moves the lease's end to `endMs` [U13]: a lease waiting for a board with no begin time has no end yet. */
export function setEndRequest(lease: Lease, endMs: number, nowMs: number): ChangeResult {
  return planned(lease, nowMs, (stored) => moveEndRecipe(stored, endMs));
}

/** Gives the lease a new length, keeping its begin [U13]. */
export function setLengthRequest(lease: Lease, durationMs: number, nowMs: number): ChangeResult {
  return planned(lease, nowMs, (stored) => changeLengthRecipe(stored, durationMs));
}

/** A start a little in the past (the minute being typed) still counts as now. */
const PAST_START_TOLERANCE_MS = MINUTE_MS;

/** True while the lease's start may move: not ended, and it never had an exporter ([U6]). */
export function canMoveBegin(lease: Lease, nowMs: number): boolean {
  return !leaseStatus(lease, nowMs).ended && !everHadExporter(lease);
}

/** Moves the lease's start to `beginMs`, keeping its length or (booked with an end) its end [U13]. */
export function moveBeginRequest(lease: Lease, beginMs: number, keeps: BeginMoveKeeps, nowMs: number): ChangeResult {
  if (beginMs < nowMs - PAST_START_TOLERANCE_MS) return fail("That time has passed: choose a later start");
  return planned(lease, nowMs, (stored) => moveBeginRecipe(stored, beginMs, keeps));
}

export type TransferResult = { readonly ok: true; readonly request: UpdateLeaseRequest } | { readonly ok: false; readonly message: string };

/**
 * [TR1] Only a lease that holds an exporter (had one assigned) and has not
 * ended can be transferred; undefined when this one can, else why not.
 */
export function transferProblem(lease: Lease, nowMs: number): string | undefined {
  const closed = checkChangeable(lease, nowMs);
  if (closed !== undefined) return closed;
  if (!everHadExporter(lease)) return "This lease holds no board yet: only a lease that holds one can be transferred";
  return undefined;
}

/** Hands the lease to another client of the same namespace (`client: namespaces/NS/clients/NAME`, [TR3]). */
export function transferRequest(lease: Lease, namespace: string, toClient: string, nowMs: number): TransferResult {
  const problem = transferProblem(lease, nowMs);
  if (problem !== undefined) return fail(problem);
  const name = toClient.trim();
  if (name === "") return fail("Enter the name of the client to give the lease to");
  const invalid = validateObjectName(name, "client name");
  if (invalid !== undefined) return fail(invalid.charAt(0).toUpperCase() + invalid.slice(1));
  const target = clientName(namespace, name);
  if (lease.client === target) return fail(`${name} already holds this lease`);
  // The stored duration travels too: a no-op on every controller since 0.8 (on a window it
  // equals end - begin, [U12]), while 0.7 sets a missing duration to zero and ends the lease ([V4]).
  return {
    ok: true,
    request: create(UpdateLeaseRequestSchema, {
      lease: { name: lease.name, client: target, ...(lease.duration === undefined ? {} : { duration: lease.duration }) },
      updateMask: { paths: lease.duration === undefined ? ["client"] : ["client", "duration"] },
    }),
  };
}

/**
 * The lease as the controller will store it after `request` ([U4]-[U9]:
 * the time fields the request carries, reconciled as the controller does,
 * whatever the mask says; a new owner). A request the controller would
 * refuse changes nothing. For optimistic updates.
 */
export function applyUpdate(lease: Lease, request: UpdateLeaseRequest): Lease {
  const next = clone(LeaseSchema, lease);
  const patch = request.lease;
  if (patch === undefined) return next;
  const stored = storedTimes(lease);
  const update: TimeUpdate = {
    ...(patch.duration === undefined ? {} : { durationMs: durationToMs(patch.duration) ?? 0 }),
    ...(patch.beginTime === undefined ? {} : { beginMs: timestampToMs(patch.beginTime) ?? 0 }),
    ...(patch.endTime === undefined ? {} : { endMs: timestampToMs(patch.endTime) ?? 0 }),
  };
  if (stored !== undefined) {
    const outcome = applyTimeUpdate(stored, update);
    if (!outcome.ok) return next;
    next.duration = msToDuration(outcome.times.durationMs);
    next.beginTime = outcome.times.beginMs === undefined ? undefined : msToTimestamp(outcome.times.beginMs);
    next.endTime = outcome.times.endMs === undefined ? undefined : msToTimestamp(outcome.times.endMs);
  }
  if (patch.client !== undefined && patch.client !== "") next.client = patch.client;
  return next;
}

/**
 * The lease as it will look once released ([RL1], [RL2]): `Ready False
 * Released`, set in place of a Ready condition or appended (conditions are
 * never removed, [L4]); ended now, with effective_end_time only if it ever
 * had an exporter.
 */
export function releasedLease(lease: Lease, nowMs: number): Lease {
  const next = clone(LeaseSchema, lease);
  const released = create(ConditionSchema, {
    type: "Ready",
    status: "False",
    reason: "Released",
    message: "The lease was marked for release",
    lastTransitionTime: msToKubeTime(nowMs),
  });
  const at = next.conditions.findIndex((c) => c.type === "Ready");
  if (at < 0) next.conditions.push(released);
  else next.conditions[at] = released;
  if (everHadExporter(lease)) next.effectiveEndTime = msToTimestamp(nowMs);
  return next;
}

/**
 * How toasts and dialogs name a lease: the board it holds, else the board it
 * asks for, else "Lease for <its selector>"; its name only when nothing else
 * tells it apart (issue 8, item 6).
 */
export function leaseSubject(lease: Lease): string {
  const exporter = lease.exporter ?? "";
  if (exporter !== "") return shortName(exporter);
  const byName = lease.exporterName ?? "";
  if (byName !== "") return byName;
  const selector = lease.selector.trim();
  return selector !== "" && selector !== "<none>" ? `Lease for ${selector}` : shortName(lease.name);
}
