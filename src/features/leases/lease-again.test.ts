import { create, type MessageInitShape } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS, msToDuration, msToKubeTime, msToTimestamp } from "@/domain/durations";
import { LeaseSchema, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";
import { leaseAgainPrefill } from "@/features/leases/lease-again";

const NOW = new Date(2025, 11, 2, 12, 0).getTime();

/** A lease the exporter released after its beforeLease hook failed: it got am62-01. */
function failed(init: MessageInitShape<typeof LeaseSchema>): Lease {
  return create(LeaseSchema, {
    name: "namespaces/lab/leases/l1",
    client: "namespaces/lab/clients/alice",
    exporter: "namespaces/lab/exporters/am62-01",
    effectiveBeginTime: msToTimestamp(NOW - 2 * MINUTE_MS),
    effectiveEndTime: msToTimestamp(NOW - MINUTE_MS),
    conditions: [create(ConditionSchema, { type: "Ready", status: "False", reason: "Released", lastTransitionTime: msToKubeTime(NOW - MINUTE_MS) })],
    ...init,
  });
}

describe("leaseAgainPrefill: what the user asked for, never the board it got", () => {
  it("a selector lease: the selector, its length and its tags", () => {
    const prefill = leaseAgainPrefill(failed({ selector: "board=am62,site=bcn", duration: msToDuration(2 * HOUR_MS + 30 * MINUTE_MS), tags: { team: "bsp", build: "1234" } }), NOW);
    expect(prefill).toEqual({
      selector: "board=am62,site=bcn",
      durationMs: 2 * HOUR_MS + 30 * MINUTE_MS,
      tags: [
        { key: "team", value: "bsp" },
        { key: "build", value: "1234" },
      ],
    });
  });

  it("a lease of a board by name: that board", () => {
    expect(leaseAgainPrefill(failed({ selector: "<none>", exporterName: "am62-01", duration: msToDuration(HOUR_MS) }), NOW)).toEqual({ exporter: "am62-01", durationMs: HOUR_MS });
  });

  it("a window still ahead: the same window", () => {
    const beginMs = NOW + HOUR_MS;
    const endMs = NOW + 3 * HOUR_MS;
    const prefill = leaseAgainPrefill(failed({ selector: "board=am62", beginTime: msToTimestamp(beginMs), endTime: msToTimestamp(endMs), duration: msToDuration(2 * HOUR_MS) }), NOW);
    expect(prefill).toEqual({ selector: "board=am62", beginMs, endMs });
  });

  it("a window already begun: from now until its end", () => {
    const endMs = NOW + HOUR_MS;
    const prefill = leaseAgainPrefill(failed({ selector: "board=am62", beginTime: msToTimestamp(NOW - HOUR_MS), endTime: msToTimestamp(endMs), duration: msToDuration(2 * HOUR_MS) }), NOW);
    expect(prefill).toEqual({ selector: "board=am62", endMs });
  });

  it("a window over: its length, from now", () => {
    const prefill = leaseAgainPrefill(failed({ selector: "board=am62", beginTime: msToTimestamp(NOW - 3 * HOUR_MS), endTime: msToTimestamp(NOW - HOUR_MS), duration: msToDuration(2 * HOUR_MS) }), NOW);
    expect(prefill).toEqual({ selector: "board=am62", durationMs: 2 * HOUR_MS });
  });

  it("a booking with a begin ahead and a length: both", () => {
    const beginMs = NOW + HOUR_MS;
    expect(leaseAgainPrefill(failed({ selector: "board=am62", beginTime: msToTimestamp(beginMs), duration: msToDuration(HOUR_MS) }), NOW)).toEqual({ selector: "board=am62", beginMs, durationMs: HOUR_MS });
  });
});
