import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS, msToDuration, msToKubeTime, msToTimestamp } from "@/domain/durations";
import { ExporterSchema, LeaseSchema, type Exporter, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ExporterStatus } from "@/gen/jumpstarter/v1/common_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";
import { BEGIN_NOW_TOLERANCE_MS, boardTakenSince, hookFailureOf, leaseSituation, type LeaseFacts } from "@/features/leases/lease-situation";

const NOW = Date.UTC(2025, 11, 2, 12);
const BOARD = "namespaces/lab/exporters/am62-01";
const FAILED = "beforeLease hook failed (on_failure=endLease): flash timeout";

function condition(type: string, status: string, reason: string, message = "", atMs = NOW - MINUTE_MS) {
  return create(ConditionSchema, { type, status, reason, message, lastTransitionTime: msToKubeTime(atMs) });
}

function lease(init: MessageInitShape<typeof LeaseSchema> = {}): Lease {
  return create(LeaseSchema, { name: "namespaces/lab/leases/l1", selector: "board=am62", client: "namespaces/lab/clients/alice", duration: msToDuration(HOUR_MS), ...init });
}

function exporter(status: ExporterStatus, statusMessage = "", name = BOARD): Exporter {
  return create(ExporterSchema, { name, status, statusMessage, online: true, enabled: true });
}

const assigned = { exporter: BOARD, effectiveBeginTime: msToTimestamp(NOW - 2 * MINUTE_MS) };
const ready = lease({ ...assigned, conditions: [condition("Ready", "True", "Ready", "An exporter has been acquired for the client", NOW - 2 * MINUTE_MS)] });
const released = lease({
  ...assigned,
  effectiveEndTime: msToTimestamp(NOW - MINUTE_MS),
  conditions: [condition("Ready", "False", "Released", "The lease was marked for release")],
});

describe("leaseSituation: waiting, not scheduled, and what for", () => {
  it.each<[string, MessageInitShape<typeof LeaseSchema>, string, string, string]>([
    ["no condition yet: a board being assigned", {}, "pending", "assignment", "Waiting for a board to be assigned"],
    ["begin time of now (sent by the form) and no condition yet", { beginTime: msToTimestamp(NOW + BEGIN_NOW_TOLERANCE_MS) }, "pending", "assignment", "Waiting for a board to be assigned"],
    ["begin time passed", { beginTime: msToTimestamp(NOW - MINUTE_MS) }, "pending", "assignment", "Waiting for a board to be assigned"],
    ["begin time ahead: scheduled", { beginTime: msToTimestamp(NOW + HOUR_MS) }, "scheduled", "begin-time", "Waiting for its begin time"],
    ["every match in use", { conditions: [condition("Pending", "True", "NotAvailable", "There are 2 approved exporters, (i.e. ) but all of them are already leased")] }, "pending", "in-use", "Every matching board is in use"],
    ["every match offline", { conditions: [condition("Pending", "True", "Offline", "While there are 1 available exporters (i.e. ), none of them are online")] }, "pending", "offline", "Every matching board is offline"],
    ["no match ready", { conditions: [condition("Pending", "True", "NotReady", "There are 1 online exporters, but none are ready (still cleaning up previous lease)")] }, "pending", "not-ready", "No free matching board is ready: they are running a hook, cleaning up, or their hook failed"],
    ["the pinned board in use", { exporterName: "am62-01", selector: "<none>", conditions: [condition("Pending", "True", "NotAvailable")] }, "pending", "in-use", "The board is in use by another lease"],
    ["a reason the portal does not know: the controller's message", { conditions: [condition("Pending", "True", "Elsewhere", "waiting for the moon")] }, "pending", "other", "waiting for the moon"],
  ])("%s", (_what, init, state, waitingFor, detail) => {
    const s = leaseSituation(lease(init), NOW);
    expect(s).toMatchObject({ state, waitingFor, detail, ended: false });
  });

  it("[L6] a board assigned but running its beforeLease hook: Starting, waiting for the hook", () => {
    const s = leaseSituation(ready, NOW, { exporter: exporter(ExporterStatus.BEFORE_LEASE_HOOK, "Running beforeLease hook") });
    expect(s).toMatchObject({ state: "starting", label: "Starting", waitingFor: "hook", detail: "am62-01 is running its beforeLease hook", ended: false });
  });

  it.each([ExporterStatus.LEASE_READY, ExporterStatus.UNSPECIFIED, ExporterStatus.AVAILABLE])("Ready once the board reports %s", (status) => {
    expect(leaseSituation(ready, NOW, { exporter: exporter(status) })).toMatchObject({ state: "ready", label: "Ready", ended: false });
  });

  it("Ready while the exporter is not known yet (the conditions say so)", () => {
    expect(leaseSituation(ready, NOW)).toMatchObject({ state: "ready", detail: "Holding am62-01" });
  });

  it("a status of another exporter says nothing about this lease", () => {
    const other = exporter(ExporterStatus.BEFORE_LEASE_HOOK, "", "namespaces/lab/exporters/am62-02");
    expect(leaseSituation(ready, NOW, { exporter: other }).state).toBe("ready");
  });

  it("a failed hook on a held board: the lease is ending", () => {
    const s = leaseSituation(ready, NOW, { exporter: exporter(ExporterStatus.BEFORE_LEASE_HOOK_FAILED, FAILED) });
    expect(s).toMatchObject({ state: "hook-failed", ended: false });
  });
});

describe("leaseSituation: [RL4] a lease the exporter ended because its beforeLease hook failed", () => {
  const failedBoard: LeaseFacts = { exporter: exporter(ExporterStatus.BEFORE_LEASE_HOOK_FAILED, FAILED), boardTakenSince: false };

  it("says so, with the exporter and its own message", () => {
    const s = leaseSituation(released, NOW, failedBoard);
    expect(s).toMatchObject({
      state: "hook-failed",
      label: "Hook failed",
      ended: true,
      detail: "am62-01's beforeLease hook failed, so the exporter ended the lease",
      hookFailure: { exporter: "am62-01", message: FAILED },
      reason: "Released",
    });
  });

  it.each<[string, LeaseFacts]>([
    ["the board is fine now", { exporter: exporter(ExporterStatus.AVAILABLE, "Available for new lease"), boardTakenSince: false }],
    ["its afterLease hook failed instead", { exporter: exporter(ExporterStatus.AFTER_LEASE_HOOK_FAILED, "afterLease hook failed: x"), boardTakenSince: false }],
    ["another lease got the board since (the failure is that lease's)", { ...failedBoard, boardTakenSince: true }],
    ["not known yet whether another lease got it", { exporter: failedBoard.exporter }],
    ["the exporter is not known", { boardTakenSince: false }],
  ])("plain Released when %s", (_what, facts) => {
    expect(leaseSituation(released, NOW, facts)).toMatchObject({ state: "released", label: "Released", ended: true });
    expect(hookFailureOf(released, facts)).toBeUndefined();
  });

  it("never parses the condition: the same Released text with a fine board stays Released", () => {
    const s = leaseSituation(released, NOW, { exporter: exporter(ExporterStatus.LEASE_READY), boardTakenSince: false });
    expect(s.state).toBe("released");
  });

  it("a lease released before it got a board is plain Released", () => {
    const never = lease({ conditions: [condition("Ready", "False", "Released")] });
    expect(leaseSituation(never, NOW, failedBoard).state).toBe("released");
  });
});

describe("boardTakenSince", () => {
  const later = lease({ name: "namespaces/lab/leases/l2", exporter: BOARD, effectiveBeginTime: msToTimestamp(NOW - 30_000) });
  const earlier = lease({ name: "namespaces/lab/leases/l0", exporter: BOARD, effectiveBeginTime: msToTimestamp(NOW - HOUR_MS) });
  const elsewhere = lease({ name: "namespaces/lab/leases/l3", exporter: "namespaces/lab/exporters/am62-02", effectiveBeginTime: msToTimestamp(NOW) });

  it("is true when another lease got the same board later", () => {
    expect(boardTakenSince(released, [earlier, released, later])).toBe(true);
  });

  it("is false when only earlier leases or other boards' leases exist", () => {
    expect(boardTakenSince(released, [earlier, released, elsewhere])).toBe(false);
  });

  it("is undefined for a lease that never got a board", () => {
    expect(boardTakenSince(lease(), [later])).toBeUndefined();
  });
});

describe("leaseSituation: [L2] step 4, a selector that matches nothing", () => {
  const noAccess = lease({
    selector: "board=nonesuch",
    conditions: [condition("Unsatisfiable", "True", "NoAccess", "While there are 0 exporters matching the selector, none of them are approved by any policy for your client")],
  });

  it("says in words that no exporter matches when the controller counts none", () => {
    expect(leaseSituation(noAccess, NOW, { selectorMatches: 0 })).toMatchObject({ state: "unsatisfiable", noMatch: true, detail: "No exporter matches this selector", reason: "NoAccess", ended: true });
  });

  it("keeps the controller's message when some exporter matches (a policy refused them)", () => {
    const s = leaseSituation(noAccess, NOW, { selectorMatches: 2 });
    expect(s.noMatch).toBeUndefined();
    expect(s.detail).toMatch(/^While there are 0 exporters/);
  });

  it("does not guess while the count is unknown", () => {
    expect(leaseSituation(noAccess, NOW).noMatch).toBeUndefined();
  });
});
