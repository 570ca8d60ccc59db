import { describe, expect, it } from "vitest";
import { bookingsOfBoard, nextBookings, waitingLeases } from "@/features/wall/wall-queue";
import { create } from "@bufbuild/protobuf";
import { msToDuration, msToKubeTime, msToTimestamp } from "@/domain/durations";
import { LeaseSchema, type Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { ConditionSchema } from "@/gen/jumpstarter/v1/kubernetes_pb.js";

const NOW = Date.UTC(2025, 0, 10, 12, 0, 0);
const MIN = 60_000;

interface Spec {
  readonly name: string;
  readonly client?: string;
  readonly state?: "scheduled" | "pending" | "ready";
  readonly selector?: string;
  readonly exporter?: string;
  readonly beginMs?: number;
  readonly endMs?: number;
  readonly durationMs?: number;
  readonly effectiveBeginMs?: number;
}

/** A lease as the controller reports it (only the fields the queue reads). */
function lease(spec: Spec): Lease {
  const l = create(LeaseSchema, { name: `namespaces/lab/leases/${spec.name}`, selector: spec.selector ?? "board=rcar-s4", client: `namespaces/lab/clients/${spec.client ?? "alice"}` });
  if (spec.durationMs !== undefined) l.duration = msToDuration(spec.durationMs);
  if (spec.beginMs !== undefined) l.beginTime = msToTimestamp(spec.beginMs);
  if (spec.endMs !== undefined) l.endTime = msToTimestamp(spec.endMs);
  if (spec.effectiveBeginMs !== undefined) l.effectiveBeginTime = msToTimestamp(spec.effectiveBeginMs);
  if (spec.exporter !== undefined) l.exporter = `namespaces/lab/exporters/${spec.exporter}`;
  if (spec.state === "pending") l.conditions.push(create(ConditionSchema, { type: "Pending", status: "True", reason: "NotAvailable" }));
  if (spec.state === "ready") l.conditions.push(create(ConditionSchema, { type: "Ready", status: "True", reason: "Ready" }));
  return l;
}

function pendingSince(name: string, sinceMs: number, reason: string, spec: Spec = { name }) {
  const l = lease({ ...spec, name, state: "pending" });
  const c = l.conditions[0];
  if (c !== undefined) {
    c.reason = reason;
    c.lastTransitionTime = msToKubeTime(sinceMs);
  }
  return l;
}

describe("the wall's queue [L3] [L4]", () => {
  it("lists pending leases, longest waiting first, with the reason in words and the wait", () => {
    const leases = [
      pendingSince("p-short", NOW - 2 * MIN, "NotReady", { name: "p-short", client: "bob", selector: "board=rpi5" }),
      pendingSince("p-long", NOW - 75 * MIN, "NotAvailable", { name: "p-long", client: "carol", selector: "board=rcar-s4" }),
      lease({ name: "held", state: "ready", exporter: "rpi5-01", effectiveBeginMs: NOW - MIN, durationMs: 60 * MIN }),
    ];
    expect(waitingLeases(leases, NOW)).toEqual([
      { name: "p-long", who: "carol", wants: "board=rcar-s4", reason: "All matching boards are in use", sinceMs: NOW - 75 * MIN, waited: "1 h 15 min" },
      { name: "p-short", who: "bob", wants: "board=rpi5", reason: "No free board is ready yet: one is running a hook or cleaning up", sinceMs: NOW - 2 * MIN, waited: "2 min" },
    ]);
  });

  it("names the board a lease asked for by name", () => {
    const l = pendingSince("by-name", NOW - MIN, "Offline");
    l.exporterName = "rcar-s4-03";
    expect(waitingLeases([l], NOW)[0]).toMatchObject({ wants: "rcar-s4-03", reason: "All matching boards are offline" });
  });

  it("lists scheduled bookings soonest first, up to a limit, with their planned end", () => {
    const leases = [
      lease({ name: "later", client: "bob", beginMs: NOW + 120 * MIN, durationMs: 60 * MIN }),
      lease({ name: "soon", client: "alice", beginMs: NOW + 30 * MIN, endMs: NOW + 90 * MIN, durationMs: 60 * MIN }),
      lease({ name: "third", beginMs: NOW + 200 * MIN, durationMs: 60 * MIN }),
      lease({ name: "now", state: "ready", exporter: "x", effectiveBeginMs: NOW, durationMs: 60 * MIN }),
    ];
    expect(nextBookings(leases, NOW, 2)).toEqual([
      { name: "soon", who: "alice", wants: "board=rcar-s4", beginMs: NOW + 30 * MIN, endMs: NOW + 90 * MIN },
      { name: "later", who: "bob", wants: "board=rcar-s4", beginMs: NOW + 120 * MIN, endMs: NOW + 180 * MIN },
    ]);
  });

  it("gives a board's door its own bookings before the day ends", () => {
    const mine = (name: string, beginMs: number) => {
      const l = lease({ name, beginMs, durationMs: 30 * MIN });
      l.exporterName = "rpi5-01";
      return l;
    };
    const other = lease({ name: "other", beginMs: NOW + MIN, durationMs: MIN });
    other.exporterName = "rpi5-02";
    const bookings = bookingsOfBoard([mine("today", NOW + 60 * MIN), mine("tomorrow", NOW + 20 * 60 * MIN), other], "rpi5-01", NOW, NOW + 12 * 60 * MIN);
    expect(bookings.map((b) => b.name)).toEqual(["today"]);
  });
});
