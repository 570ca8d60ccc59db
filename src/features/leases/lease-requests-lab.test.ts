// The requests this feature builds, sent as the browser sends them — the
// portal's own session transport (gRPC-Web, with the jumpstarter-* metadata)
// through the real gateway to the real lab simulator over TLS: the controller
// accepts them, and the optimistic guesses (applyUpdate, releasedLease) match
// what it answers. The [U13] recipes are accepted by version 1 and version 2
// controllers alike.
import { createClient } from "@connectrpc/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { durationToMs, HOUR_MS, MINUTE_MS, timestampToMs } from "@/domain/durations";
import { leaseEndMs, leaseStatus } from "@/domain/lease-status";
import { uuidv7 } from "@/domain/uuidv7";
import type { Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { buildCreateLeaseRequest, initialCreateLeaseValues, type CreateLeaseValues } from "@/features/booking/create-lease-values";
import { earlierAttemptLanded } from "@/features/booking/create-retry";
import { applyUpdate, extendRequest, moveBeginRequest, releasedLease, setEndRequest, setLengthRequest, transferRequest } from "@/features/leases/lease-changes";
import { formatLocalDateTime } from "@/domain/local-date-time";
import { errorKind } from "@/lib/errors";
import { createSessionTransport } from "@/lib/transport";
import { ClientService } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { startGateway, type RunningGateway } from "../../../server/gateway/gateway.js";
import { rpcError, startTestLab, untilCondition, type LabClient, type TestLab } from "../../../server/lab/testing/lab-harness.js";

let t: TestLab;
let gateway: RunningGateway;
let alice: LabClient;

beforeAll(async () => {
  t = await startTestLab();
  expect(t.lab.url).toMatch(/^https:/);
  gateway = await startGateway({ controller: t.lab.url, caFile: t.lab.caFile, log: () => undefined });
  alice = createClient(ClientService, createSessionTransport({ token: t.token("alice"), namespace: "lab", clientName: "alice" }, { baseUrl: gateway.url }));
});

afterAll(async () => {
  await gateway.stop();
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

  it("[U13] moves the end of a lease made with an end time: begin_time as stored, end_time and duration", async () => {
    const end = Math.ceil((Date.now() + 2 * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const created = await createFrom({ target: "exporter", exporterName: "qemu-x86-01", lengthMode: "end", endAt: formatLocalDateTime(end) });
    expect(timestampToMs(created.endTime)).toBe(end);
    const change = ok(extendRequest(created, HOUR_MS, Date.now()));
    expect(change.request.updateMask?.paths).toEqual(["begin_time", "end_time", "duration"]);
    expect(change.request.lease?.beginTime).toEqual(created.beginTime);
    const updated = await alice.updateLease(change.request);
    const predicted = applyUpdate(created, change.request);
    expect(timestampToMs(updated.endTime)).toBe(end + HOUR_MS);
    expect(durationToMs(updated.duration)).toBe(durationToMs(predicted.duration));
    expect(timestampToMs(updated.beginTime)).toBe(timestampToMs(predicted.beginTime));
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

  it("[U13] moves the begin of a scheduled booking, keeping its length or its end", async () => {
    const start = Math.ceil((Date.now() + 24 * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const created = await createFrom({ target: "exporter", exporterName: "rpi5-02", startMode: "at", startAt: formatLocalDateTime(start), lengthMode: "end", endAt: formatLocalDateTime(start + 2 * HOUR_MS) });
    const later = ok(moveBeginRequest(created, start + HOUR_MS, "length", Date.now()));
    const moved = await alice.updateLease(later.request);
    expect([timestampToMs(moved.beginTime), timestampToMs(moved.endTime)]).toEqual([start + HOUR_MS, start + 3 * HOUR_MS]);
    const shorter = ok(moveBeginRequest(moved, start + 2 * HOUR_MS, "end", Date.now()));
    const kept = await alice.updateLease(shorter.request);
    expect([timestampToMs(kept.beginTime), timestampToMs(kept.endTime), durationToMs(kept.duration)]).toEqual([start + 2 * HOUR_MS, start + 3 * HOUR_MS, HOUR_MS]);
    expect(leaseEndMs(applyUpdate(moved, shorter.request))).toBe(leaseEndMs(kept));
  });

  it("[U13] changes the length of a window keeping its begin", async () => {
    const start = Math.ceil((Date.now() + 24 * HOUR_MS) / MINUTE_MS) * MINUTE_MS;
    const created = await createFrom({ target: "exporter", exporterName: "rpi5-02", startMode: "at", startAt: formatLocalDateTime(start), lengthMode: "end", endAt: formatLocalDateTime(start + HOUR_MS) });
    const change = ok(setLengthRequest(created, 3 * HOUR_MS, Date.now()));
    const updated = await alice.updateLease(change.request);
    expect([timestampToMs(updated.beginTime), timestampToMs(updated.endTime)]).toEqual([start, start + 3 * HOUR_MS]);
  });

  it("[TR1] transfers a lease that holds a board, then the former holder can no longer change it [TR2]", async () => {
    const created = await createFrom({ selector: "board=rpi5", durationChoice: "1h" });
    const ready = await untilCondition(alice, created.name, "Ready", "True");
    const change = ok(transferRequest(ready, "lab", "bob", Date.now()));
    const moved = await alice.updateLease(change.request);
    expect(moved.client).toBe("namespaces/lab/clients/bob");
    const refused = await rpcError(alice.updateLease(ok(extendRequest(moved, HOUR_MS, Date.now())).request));
    expect(errorKind(refused)).toBe("not-owner");
  });

  it("releases: the lease reads Released, as the optimistic view showed", async () => {
    const created = await createFrom({ selector: "board=rpi5", durationChoice: "30m" });
    await alice.deleteLease({ name: created.name });
    // Release is asynchronous [RL1]: the flag first, the end at the controller's next pass.
    const after = await untilCondition(alice, created.name, "Ready", "False", "Released");
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
