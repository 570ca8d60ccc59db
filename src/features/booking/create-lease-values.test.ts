import { describe, expect, it } from "vitest";
import { durationToMs, HOUR_MS, MINUTE_MS, timestampToMs } from "@/domain/durations";
import {
  buildCreateLeaseRequest,
  CUSTOM_DURATION,
  initialCreateLeaseValues,
  tagsFromRows,
  type CreateLeaseValues,
} from "@/features/booking/create-lease-values";
import { formatLocalDateTime } from "@/domain/local-date-time";

// A whole minute, so datetime-local values (to the minute) are exact.
const NOW = new Date(2025, 10, 21, 9, 30).getTime();
const ID = "0193a6c4-0000-7000-8000-000000000001";
const ctx = { namespace: "lab", leaseId: ID, nowMs: NOW };

function values(patch: Partial<CreateLeaseValues>): CreateLeaseValues {
  return { ...initialCreateLeaseValues({}, NOW), ...patch };
}

function built(v: CreateLeaseValues) {
  const r = buildCreateLeaseRequest(v, ctx);
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r;
}

function errors(v: CreateLeaseValues) {
  const r = buildCreateLeaseRequest(v, ctx);
  if (r.ok) throw new Error("expected errors");
  return r.errors;
}

describe("initialCreateLeaseValues", () => {
  it("chooses 'by exporter name' for ?exporter= and prefills ?selector=", () => {
    expect(initialCreateLeaseValues({ exporter: "rcar-s4-01" }, NOW)).toMatchObject({ target: "exporter", exporterName: "rcar-s4-01" });
    expect(initialCreateLeaseValues({ selector: "board=rpi5" }, NOW)).toMatchObject({ target: "selector", selector: "board=rpi5" });
  });

  it("offers the next whole hour, two hours long, for a chosen time", () => {
    const v = initialCreateLeaseValues({}, NOW);
    expect(v.startAt).toBe(formatLocalDateTime(new Date(2025, 10, 21, 10, 0).getTime()));
    expect(v.endAt).toBe(formatLocalDateTime(new Date(2025, 10, 21, 12, 0).getTime()));
  });
});

describe("buildCreateLeaseRequest", () => {
  it("sends a selector lease starting now with only a duration (a preset)", () => {
    const r = built(values({ selector: " board=rcar-s4 ", durationChoice: "1h" }));
    expect(r.request.parent).toBe("namespaces/lab");
    expect(r.request.leaseId).toBe(ID);
    const l = r.request.lease!;
    expect(l.selector).toBe("board=rcar-s4");
    expect(l.exporterName).toBeUndefined();
    expect(durationToMs(l.duration)).toBe(HOUR_MS);
    expect(l.beginTime).toBeUndefined();
    expect(l.endTime).toBeUndefined();
  });

  it("sends exporter_name (bare) and no selector when leasing by name", () => {
    const l = built(values({ target: "exporter", exporterName: "rcar-s4-01", selector: "board=ignored" })).request.lease!;
    expect(l.exporterName).toBe("rcar-s4-01");
    expect(l.selector).toBe("");
  });

  it("reads a custom duration", () => {
    const l = built(values({ selector: "board=rpi5", durationChoice: CUSTOM_DURATION, customDuration: "1h30m" })).request.lease!;
    expect(durationToMs(l.duration)).toBe(90 * MINUTE_MS);
  });

  it("sends begin_time and duration for a chosen start", () => {
    const start = new Date(2025, 10, 22, 10, 0).getTime();
    const l = built(values({ selector: "board=rpi5", startMode: "at", startAt: formatLocalDateTime(start), durationChoice: "2h" })).request.lease!;
    expect(timestampToMs(l.beginTime)).toBe(start);
    expect(durationToMs(l.duration)).toBe(2 * HOUR_MS);
    expect(l.endTime).toBeUndefined();
  });

  it("sends begin_time = now and end_time, no duration, for 'start now, end at'", () => {
    const end = NOW + 3 * HOUR_MS;
    const r = built(values({ selector: "board=rpi5", lengthMode: "end", endAt: formatLocalDateTime(end) }));
    const l = r.request.lease!;
    expect(timestampToMs(l.beginTime)).toBe(NOW);
    expect(timestampToMs(l.endTime)).toBe(end);
    expect(l.duration).toBeUndefined();
    expect(r.durationMs).toBe(3 * HOUR_MS);
  });

  it("sends the chosen begin and end for a booking (tomorrow 10:00-12:00)", () => {
    const begin = new Date(2025, 10, 22, 10, 0).getTime();
    const end = new Date(2025, 10, 22, 12, 0).getTime();
    const r = built(values({ target: "exporter", exporterName: "rcar-s4-01", startMode: "at", startAt: formatLocalDateTime(begin), lengthMode: "end", endAt: formatLocalDateTime(end) }));
    expect(timestampToMs(r.request.lease!.beginTime)).toBe(begin);
    expect(timestampToMs(r.request.lease!.endTime)).toBe(end);
    expect(r.request.lease!.duration).toBeUndefined();
    expect(r.durationMs).toBe(2 * HOUR_MS);
  });

  it("sends tags, ignoring wholly blank rows", () => {
    const tags = [
      { key: "team", value: "bsp" },
      { key: "", value: "" },
      { key: "ticket", value: "JIRA-42" },
    ];
    expect(built(values({ selector: "board=rpi5", tags })).request.lease!.tags).toEqual({ team: "bsp", ticket: "JIRA-42" });
  });

  it("explains each field's problem and sends nothing", () => {
    expect(errors(values({ selector: "" })).selector).toMatch(/^Enter a label selector/);
    expect(errors(values({ selector: "board in (a" })).selector).toMatch(/^Missing "\)".*column/);
    expect(errors(values({ target: "exporter", exporterName: "" })).exporterName).toBe("Choose an exporter");
    expect(errors(values({ target: "exporter", exporterName: "Not_A_Name" })).exporterName).toMatch(/^Exporter name "Not_A_Name" is invalid/);
    expect(errors(values({ selector: "a=b", durationChoice: CUSTOM_DURATION, customDuration: "soon" })).duration).toMatch(/^"soon" is not a duration/);
    expect(errors(values({ selector: "a=b", startMode: "at", startAt: "" })).startAt).toMatch(/^Enter the date/);
    expect(errors(values({ selector: "a=b", startMode: "at", startAt: formatLocalDateTime(NOW - HOUR_MS) })).startAt).toMatch(/has passed/);
    expect(errors(values({ selector: "a=b", lengthMode: "end", endAt: formatLocalDateTime(NOW - HOUR_MS) })).endAt).toMatch(/has passed/);
    const start = NOW + 2 * HOUR_MS;
    expect(
      errors(values({ selector: "a=b", startMode: "at", startAt: formatLocalDateTime(start), lengthMode: "end", endAt: formatLocalDateTime(start - MINUTE_MS) })).endAt,
    ).toBe("The end must be after the start");
  });

  it("[F4] refuses what the controller refuses in a lease selector, in its words, with what to write instead", () => {
    expect(errors(values({ selector: "board==rpi5" })).selector).toBe("Unsupported label selector operator: ==. A lease selector takes = for equality.");
    expect(errors(values({ selector: "cores>4" })).selector).toBe("Unsupported label selector operator: gt. A lease selector cannot compare numbers: > and < work in filters only.");
    expect(errors(values({ selector: "cores<4" })).selector).toMatch(/^Unsupported label selector operator: lt\./);
    expect(errors(values({ selector: "board=a,board=b" })).selector).toBe(
      "Invalid selector: label board cannot have multiple equality requirements with different values (a and b). For either value, write key in (a,b).",
    );
    expect(built(values({ selector: "board=a,board=a,site in (x,y)" })).request.lease?.selector).toBe("board=a,board=a,site in (x,y)");
  });

  it("[O2] sends whole seconds: a start now with an end time begins on the second, a custom duration is rounded", () => {
    const at = buildCreateLeaseRequest(values({ selector: "a=b", lengthMode: "end", endAt: formatLocalDateTime(NOW + 2 * HOUR_MS) }), { ...ctx, nowMs: NOW + 1_234 });
    if (!at.ok) throw new Error(JSON.stringify(at.errors));
    expect(timestampToMs(at.request.lease?.beginTime)).toBe(NOW + 1_000);
    expect(durationToMs(built(values({ selector: "a=b", durationChoice: CUSTOM_DURATION, customDuration: "90.4s" })).request.lease?.duration)).toBe(90_000);
    expect(errors(values({ selector: "a=b", durationChoice: CUSTOM_DURATION, customDuration: "0.2s" })).duration).toBe("Duration must be positive, got 0s");
  });

  it("reports tag problems in the controller's words [TG1]", () => {
    expect(errors(values({ selector: "a=b", tags: [{ key: "team/x", value: "bsp" }] })).tags).toBe(`Tag key "team/x" must not contain '/' (use simple names without prefix)`);
    expect(errors(values({ selector: "a=b", tags: [{ key: "", value: "bsp" }] })).tags).toBe("Tag 1 has a value but no key");
  });
});

describe("tagsFromRows", () => {
  it("refuses a repeated key and more than 10 tags", () => {
    expect(tagsFromRows([{ key: "a", value: "1" }, { key: "a", value: "2" }])).toEqual({ ok: false, message: 'Tag "a" is given twice' });
    const eleven = Array.from({ length: 11 }, (_, i) => ({ key: `k${i}`, value: "v" }));
    // [TG1] in the controller's words (it answers INVALID_ARGUMENT "invalid lease tags: too many tags: ...").
    expect(tagsFromRows(eleven)).toEqual({ ok: false, message: "Too many tags: 11 (maximum 10)" });
    expect(tagsFromRows(eleven.slice(0, 10)).ok).toBe(true);
    expect(tagsFromRows(eleven.slice(0, 4), 3)).toEqual({ ok: false, message: "Too many tags: 4 (maximum 3)" });
  });

  it("accepts an empty value", () => {
    expect(tagsFromRows([{ key: "flag", value: "" }])).toEqual({ ok: true, tags: { flag: "" } });
  });
});
