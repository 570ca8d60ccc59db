// The requests this feature builds, sent to the real lab simulator over gRPC:
// the controller accepts them, and the optimistic guesses (applyUpdate,
// releasedLease) match what it answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { durationToMs, HOUR_MS, MINUTE_MS, timestampToMs } from "@/domain/durations";
import { leaseEndMs, leaseStatus } from "@/domain/lease-status";
import { uuidv7 } from "@/domain/uuidv7";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { buildCreateLeaseRequest, initialCreateLeaseValues, type CreateLeaseValues } from "@/features/leases/create-lease-values";
import { earlierAttemptLanded } from "@/features/leases/create-retry";
import { applyUpdate, extendRequest, releasedLease, setEndRequest, transferRequest } from "@/features/leases/lease-changes";
import { formatLocalDateTime } from "@/features/leases/local-date-time";
import { Code, rpcError, startTestLab, untilCondition, type LabClient, type TestLab } from "../../../server/lab/testing/lab-harness.js";

let t: TestLab;
let alice: LabClient;

beforeAll(async () => {
  t = await startTestLab();
  alice = t.client("alice-token");
});

afterAll(async () => {
  await t.close();
});

async function createFrom(patch: Partial<CreateLeaseValues>, leaseId = uuidv7()): Promise<Lease> {
  const now = Date.now();
  const built = buildCreateLeaseRequest({ ...initialCreateLeaseValues({}, now), ...patch }, { namespace: "lab", leaseId, nowMs: now });
  if (!built.ok) throw new Error(JSON.stringify(built.errors));
  return alice.createLease(built.request);
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error(`refused: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
}

describe("leases made and changed by the portal's requests", () => {
  it("extends a held lease by its duration, as the optimistic view predicted", async () => {
    const created = await createFrom({ selector: "board=rpi5", durationChoice: "1h" });
    const ready = await untilCondition(alice, created.name, "Ready", "True");
    const change = ok(extendRequest(ready, 30 * MINUTE_MS, Date.now()));
    expect(change.request.updateMask?.paths).toEqual(["duration"]);
    const updated = await alice.updateLease(change.request);
    expect(durationToMs(updated.duration)).toBe(90 * MINUTE_MS);
    expect(leaseEndMs(updated)).toBe(leaseEndMs(applyUpdate(ready, change.request)));
  });

  it("moves end_time of a lease made with an end time, without a duration conflict", async () => {
    const end = Math.ceil((Date.now() + 2 * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const created = await createFrom({ target: "exporter", exporterName: "qemu-x86-01", lengthMode: "end", endAt: formatLocalDateTime(end) });
    expect(timestampToMs(created.endTime)).toBe(end);
    const change = ok(extendRequest(created, HOUR_MS, Date.now()));
    expect(change.request.updateMask?.paths).toEqual(["end_time"]);
    const updated = await alice.updateLease(change.request);
    const predicted = applyUpdate(created, change.request);
    expect(timestampToMs(updated.endTime)).toBe(end + HOUR_MS);
    expect(durationToMs(updated.duration)).toBe(durationToMs(predicted.duration));
    // Shortening by an arbitrary end works the same way.
    const shorter = ok(setEndRequest(updated, end - 30 * MINUTE_MS, Date.now()));
    expect(timestampToMs((await alice.updateLease(shorter.request)).endTime)).toBe(end - 30 * MINUTE_MS);
  });

  it("changes the duration of a booking made with a start time and a duration", async () => {
    const start = Math.ceil((Date.now() + 24 * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const created = await createFrom({ target: "exporter", exporterName: "rpi5-02", startMode: "at", startAt: formatLocalDateTime(start), durationChoice: "2h" });
    expect(leaseStatus(created, Date.now()).state).toBe("scheduled");
    const change = ok(setEndRequest(created, start + 3 * HOUR_MS, Date.now()));
    const updated = await alice.updateLease(change.request);
    expect(leaseEndMs(updated)).toBe(start + 3 * HOUR_MS);
    expect(leaseEndMs(applyUpdate(created, change.request))).toBe(start + 3 * HOUR_MS);
  });

  it("transfers to another client, then the holder can no longer change it", async () => {
    // Offline board: the lease stays active (Pending) for as long as the test needs.
    const created = await createFrom({ target: "exporter", exporterName: "jetson-orin-01" });
    const change = ok(transferRequest(created, "lab", "bob", Date.now()));
    const moved = await alice.updateLease(change.request);
    expect(moved.client).toBe("namespaces/lab/clients/bob");
    const refused = await rpcError(alice.updateLease(ok(extendRequest(moved, HOUR_MS, Date.now())).request));
    expect(refused.code).toBe(Code.PermissionDenied);
  });

  it("releases: the lease reads Released, as the optimistic view showed", async () => {
    const created = await createFrom({ selector: "board=rpi5", durationChoice: "30m" });
    await alice.deleteLease({ name: created.name });
    const after = await alice.getLease({ name: created.name });
    expect(leaseStatus(after, Date.now()).state).toBe("released");
    expect(leaseStatus(releasedLease(created, Date.now()), Date.now()).state).toBe("released");
  });

  it("recognises a retried create that had landed", async () => {
    const id = uuidv7();
    await createFrom({ selector: "board=rpi5" }, id);
    const again = await rpcError(createFrom({ selector: "board=rpi5" }, id));
    expect(earlierAttemptLanded(again, 2)).toBe(true);
    expect((await alice.getLease({ name: `namespaces/lab/leases/${id}` })).name).toBe(`namespaces/lab/leases/${id}`);
  });
});
