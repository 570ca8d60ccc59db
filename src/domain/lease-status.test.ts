import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { LeaseSchema, type Lease } from "../gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "../gen/jumpstarter/v1/kubernetes_pb.js";
import { HOUR_MS, MINUTE_MS, msToDuration, msToKubeTime, msToTimestamp } from "./durations.js";
import {
  type LeaseState,
  assignedAtMs,
  everHadExporter,
  holdsExporter,
  isLeaseEnded,
  isLeaseOf,
  leaseEndMs,
  leaseExpiryAtMs,
  leaseProgress,
  leaseStatus,
  timeLeftMs,
} from "./lease-status.js";

const NOW = Date.UTC(2025, 5, 1, 12);

function condition(type: string, status: string, reason?: string, message?: string, transitionMs?: number) {
  return create(ConditionSchema, {
    type,
    status,
    ...(reason === undefined ? {} : { reason }),
    ...(message === undefined ? {} : { message }),
    ...(transitionMs === undefined ? {} : { lastTransitionTime: msToKubeTime(transitionMs) }),
  });
}

function lease(init: MessageInitShape<typeof LeaseSchema> = {}): Lease {
  return create(LeaseSchema, { name: "namespaces/lab/leases/l1", selector: "board=rcar-s4", duration: msToDuration(HOUR_MS), ...init });
}

const readyLease = {
  exporter: "namespaces/lab/exporters/rcar-s4-01",
  effectiveBeginTime: msToTimestamp(NOW - 10 * MINUTE_MS),
  // [L4] a lease that waited: Pending stays True next to Ready.
  conditions: [condition("Pending", "True", "NotAvailable", "There are 1 approved exporters, (i.e. ) but all of them are already leased"), condition("Ready", "True", "Ready", "An exporter has been acquired for the client")],
};
const ended = (reason: string) => ({
  ...readyLease,
  effectiveEndTime: msToTimestamp(NOW - MINUTE_MS),
  conditions: [condition("Pending", "True", "NotAvailable"), condition("Ready", "False", reason, `lease ${reason.toLowerCase()}`)],
});

describe("leaseStatus: one row per line of the conditions table [L3] [L5]", () => {
  // [name, lease fields, state, ended, label, detail, reason]
  it.each<[string, MessageInitShape<typeof LeaseSchema>, LeaseState, boolean, string, string, string | undefined]>([
    ["no condition, just created: waits for the controller, not Scheduled", {}, "pending", false, "Pending", "Waiting for the controller", undefined],
    ["no condition, begin_time ahead", { beginTime: msToTimestamp(NOW + HOUR_MS) }, "scheduled", false, "Scheduled", "Waiting for its begin time", undefined],
    ["no condition, begin_time passed: waits for the controller", { beginTime: msToTimestamp(NOW - 1) }, "pending", false, "Pending", "Waiting for the controller", undefined],
    [
      "Invalid/InvalidSelector",
      { selector: "", conditions: [condition("Invalid", "True", "InvalidSelector", "selector and exporter_name are both empty")] },
      "invalid",
      true,
      "Invalid",
      "selector and exporter_name are both empty",
      "InvalidSelector",
    ],
    [
      "Unsatisfiable/ExporterNotFound",
      { conditions: [condition("Unsatisfiable", "True", "ExporterNotFound", "exporter rcar-s4-99 not found")] },
      "unsatisfiable",
      true,
      "Unsatisfiable",
      "exporter rcar-s4-99 not found",
      "ExporterNotFound",
    ],
    [
      "Unsatisfiable/SelectorMismatch",
      { conditions: [condition("Unsatisfiable", "True", "SelectorMismatch", "rcar-s4-01 does not match board=x")] },
      "unsatisfiable",
      true,
      "Unsatisfiable",
      "rcar-s4-01 does not match board=x",
      "SelectorMismatch",
    ],
    [
      "Unsatisfiable/ExporterDisabled",
      { conditions: [condition("Unsatisfiable", "True", "ExporterDisabled", "rcar-s4-01 is disabled")] },
      "unsatisfiable",
      true,
      "Unsatisfiable",
      "rcar-s4-01 is disabled",
      "ExporterDisabled",
    ],
    [
      "Unsatisfiable/AllDisabled",
      { conditions: [condition("Unsatisfiable", "True", "AllDisabled", "all 3 matching exporters are disabled")] },
      "unsatisfiable",
      true,
      "Unsatisfiable",
      "all 3 matching exporters are disabled",
      "AllDisabled",
    ],
    [
      "Unsatisfiable/NoAccess",
      { conditions: [condition("Unsatisfiable", "True", "NoAccess", "no access policy allows this client")] },
      "unsatisfiable",
      true,
      "Unsatisfiable",
      "no access policy allows this client",
      "NoAccess",
    ],
    ["Pending/Offline", { conditions: [condition("Pending", "True", "Offline", "none online")] }, "pending", false, "Pending", "All matching boards are offline", "Offline"],
    ["Pending/NotAvailable", { conditions: [condition("Pending", "True", "NotAvailable")] }, "pending", false, "Pending", "All matching boards are in use", "NotAvailable"],
    ["Pending/NotReady", { conditions: [condition("Pending", "True", "NotReady")] }, "pending", false, "Pending", "No free board is ready yet: one is running a hook or cleaning up", "NotReady"],
    [
      "Unsatisfiable/SpotAccess",
      { conditions: [condition("Unsatisfiable", "True", "SpotAccess")] },
      "unsatisfiable",
      true,
      "Unsatisfiable",
      "Only boards under spot access match, which the controller does not support yet",
      "SpotAccess",
    ],
    ["Ready/Ready", readyLease, "ready", false, "Ready", "Holding rcar-s4-01", "Ready"],
    ["Ready False/Expired", ended("Expired"), "expired", true, "Expired", "The lease ran out of time", "Expired"],
    ["Ready False/Released", ended("Released"), "released", true, "Released", "The lease was released", "Released"],
  ])("%s", (_name, init, state, isEnded, label, detail, reason) => {
    const s = leaseStatus(lease(init), NOW);
    expect({ state: s.state, ended: s.ended, label: s.label, detail: s.detail, reason: s.reason }).toEqual({ state, ended: isEnded, label, detail, reason });
  });
});

describe("leaseStatus: the typical condition lists of [L4]", () => {
  it.each<[string, MessageInitShape<typeof LeaseSchema>, LeaseState]>([
    ["got an exporter at once", { conditions: [condition("Ready", "True", "Ready")] }, "ready"],
    ["waited, then got one (Pending is never cleared)", { conditions: [condition("Pending", "True", "Offline"), condition("Ready", "True", "Ready")] }, "ready"],
    ["waited, held, expired", { conditions: [condition("Pending", "True", "Offline"), condition("Ready", "False", "Expired")] }, "expired"],
    ["released while Pending: no effective_end_time", { conditions: [condition("Pending", "True", "NotAvailable"), condition("Ready", "False", "Released")] }, "released"],
    ["released while scheduled", { beginTime: msToTimestamp(NOW + HOUR_MS), conditions: [condition("Ready", "False", "Released")] }, "released"],
    ["failed at once", { conditions: [condition("Unsatisfiable", "True", "NoAccess")] }, "unsatisfiable"],
    ["a pinned exporter disappeared while the lease waited", { conditions: [condition("Pending", "True", "Offline"), condition("Unsatisfiable", "True", "ExporterNotFound")] }, "unsatisfiable"],
  ])("%s", (_name, init, state) => {
    const l = lease(init);
    expect(leaseStatus(l, NOW).state).toBe(state);
    expect(isLeaseEnded(l)).toBe(leaseStatus(l, NOW).ended);
  });
});

describe("leaseStatus: precedence and odd cases", () => {
  it.each<[string, MessageInitShape<typeof LeaseSchema>, LeaseState, string]>([
    [
      "Released beats a stale Ready=True",
      { conditions: [condition("Ready", "True", "Ready"), condition("Ready", "False", "Released")] },
      "released",
      "The lease was released",
    ],
    [
      "Expired beats Unsatisfiable",
      { conditions: [condition("Unsatisfiable", "True", "NoAccess", "x"), condition("Ready", "False", "Expired")] },
      "expired",
      "The lease ran out of time",
    ],
    [
      "Invalid beats Unsatisfiable",
      { conditions: [condition("Unsatisfiable", "True", "NoAccess", "u"), condition("Invalid", "True", "InvalidSelector", "i")] },
      "invalid",
      "i",
    ],
    ["Unsatisfiable beats Pending", { conditions: [condition("Pending", "True", "Offline"), condition("Unsatisfiable", "True", "AllDisabled", "all off")] }, "unsatisfiable", "all off"],
    ["Ready beats Pending", { conditions: [condition("Pending", "True", "Offline"), condition("Ready", "True", "Ready")] }, "ready", "A board is assigned"],
    ["False conditions other than Ready are ignored", { conditions: [condition("Unsatisfiable", "False", "NoAccess"), condition("Invalid", "False"), condition("Pending", "False")] }, "pending", "Waiting for the controller"],
    ["Pending with an unknown reason shows the controller's message", { conditions: [condition("Pending", "True", "Later", "try later")] }, "pending", "try later"],
    ["Pending with nothing to say", { conditions: [condition("Pending", "True")] }, "pending", "Waiting for a board"],
    ["Unsatisfiable without a message explains its reason", { conditions: [condition("Unsatisfiable", "True", "AllDisabled")] }, "unsatisfiable", "Every matching board is disabled"],
    ["Unsatisfiable with an unknown reason and no message", { conditions: [condition("Unsatisfiable", "True", "Other")] }, "unsatisfiable", "No board can satisfy the lease"],
    ["Invalid without a message", { conditions: [condition("Invalid", "True", "InvalidSelector")] }, "invalid", "The lease has neither a selector nor a board name"],
    [
      "Ready=False with an unknown reason and an end time",
      { effectiveEndTime: msToTimestamp(NOW), conditions: [condition("Ready", "False", "Evicted", "exporter was deleted")] },
      "ended",
      "exporter was deleted",
    ],
    ["[L5] effective_end_time alone does not end a lease (0.7 reports it early, [V4])", { effectiveEndTime: msToTimestamp(NOW) }, "pending", "Waiting for the controller"],
    ["[L5] Ready=False with an unknown reason and no end time has ended too", { conditions: [condition("Ready", "False", "Evicted")] }, "ended", "The lease has ended"],
  ])("%s", (_name, init, state, detail) => {
    const s = leaseStatus(lease(init), NOW);
    expect([s.state, s.detail]).toEqual([state, detail]);
  });

  it("carries the deciding condition's reason and message, and omits them when absent", () => {
    const s = leaseStatus(lease({ conditions: [condition("Pending", "True", "Offline", "no exporter online")] }), NOW);
    expect(s).toEqual({ state: "pending", ended: false, label: "Pending", detail: "All matching boards are offline", reason: "Offline", message: "no exporter online" });
    const scheduled = leaseStatus(lease({ beginTime: msToTimestamp(NOW + HOUR_MS) }), NOW);
    expect(Object.keys(scheduled).sort()).toEqual(["detail", "ended", "label", "state"]);
  });
});

describe("lease times [TM3] [TM4]", () => {
  // [name, lease fields, leaseEndMs, timeLeftMs, leaseProgress]
  it.each<[string, MessageInitShape<typeof LeaseSchema>, number | undefined, number | undefined, number | undefined]>([
    ["waiting for a board, no begin", { conditions: [condition("Pending", "True", "Offline")] }, undefined, undefined, undefined],
    ["no duration at all", { duration: undefined }, undefined, undefined, undefined],
    [
      "ready, 10 of 60 minutes used",
      readyLease,
      NOW + 50 * MINUTE_MS,
      50 * MINUTE_MS,
      10 / 60,
    ],
    [
      "ready with an end_time",
      { ...readyLease, endTime: msToTimestamp(NOW + 20 * MINUTE_MS) },
      NOW + 20 * MINUTE_MS,
      20 * MINUTE_MS,
      1 / 3,
    ],
    [
      "scheduled for later: planned to end at begin + duration, but nothing counts down before a board is held",
      { beginTime: msToTimestamp(NOW + HOUR_MS) },
      NOW + 2 * HOUR_MS,
      undefined,
      undefined,
    ],
    [
      "[TM4] a lease whose window passed without a board never expires",
      { beginTime: msToTimestamp(NOW - 2 * HOUR_MS), endTime: msToTimestamp(NOW - HOUR_MS), conditions: [condition("Pending", "True", "Offline")] },
      NOW - HOUR_MS,
      undefined,
      undefined,
    ],
    [
      "ready without effective_begin_time: the Ready transition is the assignment [L4]",
      { conditions: [condition("Ready", "True", "Ready", "", NOW - 15 * MINUTE_MS)] },
      NOW + 45 * MINUTE_MS,
      45 * MINUTE_MS,
      0.25,
    ],
    [
      "scheduled, assigned late: still expires at begin + duration",
      { ...readyLease, beginTime: msToTimestamp(NOW - 30 * MINUTE_MS) },
      NOW + 30 * MINUTE_MS,
      30 * MINUTE_MS,
      0.25,
    ],
    [
      "ready but past its expiry (controller not caught up)",
      { ...readyLease, effectiveBeginTime: msToTimestamp(NOW - 2 * HOUR_MS) },
      NOW - HOUR_MS,
      0,
      1,
    ],
    ["expired", ended("Expired"), NOW - MINUTE_MS, 0, 1],
    ["released early", { ...ended("Released"), effectiveEndTime: msToTimestamp(NOW - 5 * MINUTE_MS) }, NOW - 5 * MINUTE_MS, 0, 1],
    [
      "unsatisfiable, never held: ended when the condition was set",
      { conditions: [condition("Unsatisfiable", "True", "NoAccess", "x", NOW - 1000)] },
      NOW - 1000,
      0,
      undefined,
    ],
  ])("%s", (_name, init, end, left, progress) => {
    const l = lease(init);
    expect(leaseEndMs(l)).toBe(end);
    expect(timeLeftMs(l, NOW)).toBe(left);
    const p = leaseProgress(l, NOW);
    if (progress === undefined) expect(p).toBeUndefined();
    else expect(p).toBeCloseTo(progress, 10);
  });
});

describe("who holds what [F6] [S6] [U6]", () => {
  it("[F6] mine = client == namespaces/<ns>/clients/<me>", () => {
    const l = lease({ client: "namespaces/lab/clients/alice" });
    expect(isLeaseOf(l, "lab", "alice")).toBe(true);
    expect(isLeaseOf(l, "lab", "bob")).toBe(false);
    expect(isLeaseOf(l, "other", "alice")).toBe(false);
    expect(isLeaseOf(lease({}), "lab", "alice")).toBe(false);
  });

  it.each<[string, MessageInitShape<typeof LeaseSchema>, boolean]>([
    ["[S6] exporter, effective_begin_time, last condition Ready True", readyLease, true],
    ["no effective_begin_time", { ...readyLease, effectiveBeginTime: undefined }, false],
    ["no exporter", { ...readyLease, exporter: undefined }, false],
    ["ended: Ready turned False in place", ended("Expired"), false],
    ["waiting", { conditions: [condition("Pending", "True", "NotAvailable")] }, false],
  ])("holdsExporter: %s", (_name, init, holds) => {
    expect(holdsExporter(lease(init))).toBe(holds);
  });

  it("[U6] a lease has started once an exporter was ever assigned, also after it ended", () => {
    expect(everHadExporter(lease(readyLease))).toBe(true);
    expect(everHadExporter(lease(ended("Released")))).toBe(true);
    expect(everHadExporter(lease({ conditions: [condition("Pending", "True", "NotAvailable"), condition("Ready", "False", "Released")] }))).toBe(false);
    expect(everHadExporter(lease({ beginTime: msToTimestamp(NOW + HOUR_MS) }))).toBe(false);
  });

  it("[TM3] expires at end_time, else begin + duration, else assignment + duration", () => {
    expect(leaseExpiryAtMs(lease({ ...readyLease, endTime: msToTimestamp(NOW + 5 * MINUTE_MS) }))).toBe(NOW + 5 * MINUTE_MS);
    expect(leaseExpiryAtMs(lease({ ...readyLease, beginTime: msToTimestamp(NOW - 20 * MINUTE_MS) }))).toBe(NOW + 40 * MINUTE_MS);
    expect(leaseExpiryAtMs(lease(readyLease))).toBe(NOW + 50 * MINUTE_MS);
    expect(assignedAtMs(lease({ beginTime: msToTimestamp(NOW) }))).toBeUndefined();
  });
});
