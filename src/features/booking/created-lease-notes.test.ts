import { clone, create } from "@bufbuild/protobuf";
import { describe, expect, it } from "vitest";
import { msToDuration, msToTimestamp } from "@/domain/durations";
import { CreateLeaseRequestSchema, LeaseSchema } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { createdLeaseNotes, droppedFieldsSentence } from "@/features/booking/created-lease-notes";

const T = Date.UTC(2026, 11, 3, 10);
const request = create(CreateLeaseRequestSchema, {
  parent: "namespaces/lab",
  leaseId: "0198",
  lease: { selector: "", exporterName: "rpi5-01", beginTime: msToTimestamp(T), endTime: msToTimestamp(T + 3_600_000), tags: { team: "bsp", ticket: "J-1" } },
});

describe("createdLeaseNotes", () => {
  it("finds nothing to say when the controller kept everything", () => {
    const kept = clone(LeaseSchema, request.lease ?? create(LeaseSchema));
    kept.name = "namespaces/lab/leases/0198";
    kept.duration = msToDuration(3_600_000);
    expect(createdLeaseNotes(request, kept)).toEqual({ deprecated: [], dropped: [] });
  });

  it("[V1] names what a 0.7 controller dropped silently: tags, begin, end and the pinned board", () => {
    const old = create(LeaseSchema, { name: "namespaces/lab/leases/0198", selector: "", duration: msToDuration(0) });
    const notes = createdLeaseNotes(request, old);
    expect(notes.dropped).toEqual(["its tags (team=bsp, ticket=J-1)", "its begin time", "its end time", "the board it names (rpi5-01)"]);
    expect(droppedFieldsSentence(notes.dropped)).toBe(
      "The controller did not keep its tags (team=bsp, ticket=J-1), its begin time, its end time and the board it names (rpi5-01): it is an older version that drops what it does not know without saying so. The lease was made without them.",
    );
  });

  it("[V1] names tags a 0.8 controller dropped, and context and allow_disabled", () => {
    const asked = create(CreateLeaseRequestSchema, { lease: { selector: "board=rpi5", tags: { team: "bsp" }, context: { ci: "1" }, allowDisabled: true } });
    const old = create(LeaseSchema, { selector: "board=rpi5" });
    expect(createdLeaseNotes(asked, old).dropped).toEqual(["its tags (team=bsp)", "its context", "allow disabled boards"]);
    expect(droppedFieldsSentence(["its context"])).toMatch(/^The controller did not keep its context: /);
    expect(droppedFieldsSentence([])).toBeUndefined();
  });

  it("[HL4] reports the selector labels CreateLease says are deprecated", () => {
    const asked = create(CreateLeaseRequestSchema, { lease: { selector: "board=rpi5" } });
    const answer = create(LeaseSchema, { selector: "board=rpi5", deprecatedLabels: { board: "use jumpstarter.dev/board" } });
    expect(createdLeaseNotes(asked, answer).deprecated.map((d) => d.text)).toEqual(["Selector label 'board' is deprecated: use jumpstarter.dev/board"]);
  });
});
