// [U12]: every kind of time request against every stored shape (D, BD, BED of
// [TM2]), started (an exporter was assigned) or not, as the controller answers.
import { describe, expect, it } from "vitest";
import { wholeSecondMs } from "../../src/domain/lease-times.js";
import { mergedTimes, ownTimesProblem, type RequestedTimes, type StoredTimes, type TimeUpdate } from "./lease-update.js";

const H = 3_600_000;
const B = Date.UTC(2026, 11, 2, 10); // stored begin
const E = B + H; // stored end (BED)
const b = B + 2 * H; // a new begin
const e = B + 4 * H; // a new end

const D = (hadExporter = false): StoredTimes => ({ durationMs: H, beginMs: undefined, endMs: undefined, hadExporter });
const BD = (hadExporter = false): StoredTimes => ({ durationMs: H, beginMs: B, endMs: undefined, hadExporter });
const BED = (hadExporter = false): StoredTimes => ({ durationMs: H, beginMs: B, endMs: E, hadExporter });

function update(stored: StoredTimes, request: RequestedTimes): TimeUpdate {
  const problem = ownTimesProblem(stored, request, wholeSecondMs);
  return problem !== undefined ? { ok: false, message: problem } : mergedTimes(stored, request, wholeSecondMs);
}

const REQUIRED = "duration is required (must specify Duration, or both BeginTime and EndTime)";
const CONFLICT = "duration conflicts with begin_time and end_time";
const LOCKED = "cannot update BeginTime: lease has already started";
const ok = (durationMs: number, beginMs?: number, endMs?: number): TimeUpdate => ({
  ok: true,
  times: { durationMs, ...(beginMs === undefined ? {} : { beginMs }), ...(endMs === undefined ? {} : { endMs }) },
});
const no = (message: string): TimeUpdate => ({ ok: false, message });

describe("[U12] UpdateLease time requests", () => {
  it.each<[string, StoredTimes, RequestedTimes, TimeUpdate]>([
    // duration d
    ["duration on D", D(), { durationMs: 2 * H }, ok(2 * H)],
    ["duration on started D", D(true), { durationMs: 2 * H }, ok(2 * H)],
    ["duration on BD", BD(), { durationMs: 2 * H }, ok(2 * H, B)],
    ["duration on BED: conflicts", BED(), { durationMs: 2 * H }, no(CONFLICT)],
    ["duration on BED equal to end - begin", BED(), { durationMs: H }, ok(H, B, E)],
    // end_time alone, begin_time alone
    ["end alone on D", D(), { endMs: e }, no(REQUIRED)],
    ["end alone on BD", BD(), { endMs: e }, no(REQUIRED)],
    ["end alone on BED", BED(), { endMs: e }, no(REQUIRED)],
    ["begin alone on D", D(), { beginMs: b }, no(REQUIRED)],
    ["begin alone on BED", BED(), { beginMs: b }, no(REQUIRED)],
    // end e + duration d
    ["end + duration on D: gains begin = e - d", D(), { endMs: e, durationMs: 2 * H }, ok(2 * H, e - 2 * H, e)],
    ["end + duration on BD with d = e - begin", BD(), { endMs: e, durationMs: e - B }, ok(e - B, B, e)],
    ["end + duration on BD otherwise", BD(), { endMs: e, durationMs: H }, no(CONFLICT)],
    ["end + duration on BED with d = e - begin", BED(true), { endMs: e, durationMs: e - B }, ok(e - B, B, e)],
    ["end + duration on BED otherwise", BED(), { endMs: e, durationMs: H }, no(CONFLICT)],
    // begin b + duration d
    ["begin + duration on D, not started: becomes BD", D(), { beginMs: b, durationMs: 2 * H }, ok(2 * H, b)],
    ["begin + duration on started D", D(true), { beginMs: b, durationMs: 2 * H }, no(LOCKED)],
    ["begin + duration on BD, not started", BD(), { beginMs: b, durationMs: 2 * H }, ok(2 * H, b)],
    ["begin + duration on started BD, same begin", BD(true), { beginMs: B, durationMs: 2 * H }, ok(2 * H, B)],
    ["begin + duration on started BD, new begin", BD(true), { beginMs: b, durationMs: 2 * H }, no(LOCKED)],
    ["begin + duration on BED with d = end - b", BED(), { beginMs: B - H, durationMs: E - (B - H) }, ok(2 * H, B - H, E)],
    ["begin + duration on BED otherwise", BED(), { beginMs: b, durationMs: H }, no(CONFLICT)],
    ["begin + duration on started BED, new begin", BED(true), { beginMs: B - H, durationMs: 2 * H }, no(LOCKED)],
    // begin b + end e
    ["begin + end on D with e - b = stored duration", D(), { beginMs: b, endMs: b + H }, ok(H, b, b + H)],
    ["begin + end on D otherwise", D(), { beginMs: b, endMs: e }, no(CONFLICT)],
    ["begin + end on started D", D(true), { beginMs: b, endMs: b + H }, no(LOCKED)],
    ["begin + end on BD, a pure shift", BD(), { beginMs: b, endMs: b + H }, ok(H, b, b + H)],
    ["begin + end on BD, resized", BD(), { beginMs: b, endMs: e }, no(CONFLICT)],
    ["begin + end on started BD, same begin, same length", BD(true), { beginMs: B, endMs: B + H }, ok(H, B, B + H)],
    ["begin + end on BED, a pure shift", BED(), { beginMs: b, endMs: b + H }, ok(H, b, b + H)],
    ["begin + end on BED, resized", BED(), { beginMs: b, endMs: e }, no(CONFLICT)],
    // begin b + end e + duration d (d = e - b)
    ["all three on D, not started: becomes BED", D(), { beginMs: b, endMs: e, durationMs: e - b }, ok(e - b, b, e)],
    ["all three on started D", D(true), { beginMs: b, endMs: e, durationMs: e - b }, no(LOCKED)],
    ["all three on BD", BD(), { beginMs: b, endMs: e, durationMs: e - b }, ok(e - b, b, e)],
    ["all three on started BD, same begin", BD(true), { beginMs: B, endMs: e, durationMs: e - B }, ok(e - B, B, e)],
    ["all three on BED (extend, [U13] recipe)", BED(true), { beginMs: B, endMs: e, durationMs: e - B }, ok(e - B, B, e)],
    ["all three on started BED, new begin", BED(true), { beginMs: b, endMs: e, durationMs: e - b }, no(LOCKED)],
    ["all three inconsistent", BED(), { beginMs: b, endMs: e, durationMs: H }, no(CONFLICT)],
    // request values on their own [U5]
    ["a zero duration", D(), { durationMs: 0 }, no("duration must be positive, got 0s")],
    ["end before begin", D(), { beginMs: e, endMs: b }, no("duration must be positive, got -2h0m0s")],
  ])("%s", (_name, stored, request, expected) => {
    expect(update(stored, request)).toEqual(expected);
  });

  it("compares a started lease's begin to the second and stores whole seconds [O2]", () => {
    expect(update(BD(true), { beginMs: B + 999, durationMs: 2 * H })).toEqual(ok(2 * H, B));
    expect(update(D(), { beginMs: b + 250, endMs: b + 250 + H })).toEqual(ok(H, b, b + H));
  });
});
