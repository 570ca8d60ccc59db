import { describe, expect, it } from "vitest";
import { HOUR_MS, MINUTE_MS } from "./durations.js";
import { DURATION_CONFLICT, DURATION_REQUIRED, type ReconciledLeaseTimes } from "./lease-times.js";
import {
  applyTimeUpdate,
  BEGIN_TIME_FIXED,
  changeLengthRecipe,
  currentEndMs,
  extendRecipe,
  leaseShape,
  moveBeginRecipe,
  moveEndRecipe,
  type StoredLeaseTimes,
  type TimeUpdate,
} from "./lease-updates.js";

const B = Date.UTC(2026, 11, 2, 10); // the stored begin
const H = HOUR_MS;
const D: StoredLeaseTimes = { durationMs: H, started: false };
const BD: StoredLeaseTimes = { durationMs: H, beginMs: B, started: false };
const BED: StoredLeaseTimes = { durationMs: H, beginMs: B, endMs: B + H, started: false };
const started = (t: StoredLeaseTimes): StoredLeaseTimes => ({ ...t, started: true, effectiveBeginMs: t.beginMs ?? B });

type Expect = ReconciledLeaseTimes | string;

const times = (durationMs: number, beginMs?: number, endMs?: number): ReconciledLeaseTimes => ({
  durationMs,
  ...(beginMs === undefined ? {} : { beginMs }),
  ...(endMs === undefined ? {} : { endMs }),
});

function outcome(stored: StoredLeaseTimes, update: TimeUpdate): Expect {
  const r = applyTimeUpdate(stored, update);
  return r.ok ? r.times : r.message;
}

// [U12], row by row: one case per stored shape, not started and started.
describe("applyTimeUpdate: the [U12] table", () => {
  it.each<[string, StoredLeaseTimes, TimeUpdate, Expect]>([
    // duration d
    ["duration on D", D, { durationMs: 2 * H }, times(2 * H)],
    ["duration on D, started", started(D), { durationMs: 2 * H }, times(2 * H)],
    ["duration on BD", BD, { durationMs: 2 * H }, times(2 * H, B)],
    ["duration on BD, started", started(BD), { durationMs: 2 * H }, times(2 * H, B)],
    ["duration on BED: refused", BED, { durationMs: 2 * H }, DURATION_CONFLICT],
    ["duration on BED, started: refused", started(BED), { durationMs: 2 * H }, DURATION_CONFLICT],
    ["duration = end - begin on BED", BED, { durationMs: H }, times(H, B, B + H)],
    // end_time alone, begin_time alone [U5]
    ["end alone on D", D, { endMs: B + 2 * H }, DURATION_REQUIRED],
    ["end alone on BD", BD, { endMs: B + 2 * H }, DURATION_REQUIRED],
    ["end alone on BED, started", started(BED), { endMs: B + 2 * H }, DURATION_REQUIRED],
    ["begin alone on D", D, { beginMs: B }, DURATION_REQUIRED],
    ["begin alone on BD", BD, { beginMs: B + H }, DURATION_REQUIRED],
    ["begin alone on BED", BED, { beginMs: B }, DURATION_REQUIRED],
    // end e + duration d
    ["end + duration on D: it gains begin = e - d", D, { endMs: B + 3 * H, durationMs: 2 * H }, times(2 * H, B + H, B + 3 * H)],
    ["end + duration on D, started: the same", started(D), { endMs: B + 3 * H, durationMs: 2 * H }, times(2 * H, B + H, B + 3 * H)],
    ["end + duration on BD with d = e - begin", BD, { endMs: B + 2 * H, durationMs: 2 * H }, times(2 * H, B, B + 2 * H)],
    ["end + duration on BD otherwise: refused", BD, { endMs: B + 3 * H, durationMs: 2 * H }, DURATION_CONFLICT],
    ["end + duration on BED with d = e - begin, started", started(BED), { endMs: B + 2 * H, durationMs: 2 * H }, times(2 * H, B, B + 2 * H)],
    ["end + duration on BED otherwise: refused", BED, { endMs: B + 3 * H, durationMs: 2 * H }, DURATION_CONFLICT],
    // begin b + duration d
    ["begin + duration on D: becomes BD", D, { beginMs: B + H, durationMs: 2 * H }, times(2 * H, B + H)],
    ["begin + duration on D, started: refused", started(D), { beginMs: B, durationMs: 2 * H }, BEGIN_TIME_FIXED],
    ["begin + duration on BD", BD, { beginMs: B + H, durationMs: 2 * H }, times(2 * H, B + H)],
    ["begin + duration on BD, started, b = stored begin", started(BD), { beginMs: B, durationMs: 2 * H }, times(2 * H, B)],
    ["begin + duration on BD, started, another b: refused", started(BD), { beginMs: B + H, durationMs: 2 * H }, BEGIN_TIME_FIXED],
    ["begin + duration on BED with d = end - b", BED, { beginMs: B + 30 * MINUTE_MS, durationMs: 30 * MINUTE_MS }, times(30 * MINUTE_MS, B + 30 * MINUTE_MS, B + H)],
    ["begin + duration on BED otherwise: refused", BED, { beginMs: B + 30 * MINUTE_MS, durationMs: H }, DURATION_CONFLICT],
    ["begin + duration on BED, started, another b: refused", started(BED), { beginMs: B + 30 * MINUTE_MS, durationMs: 30 * MINUTE_MS }, BEGIN_TIME_FIXED],
    // begin b + end e
    ["begin + end on D with e - b = stored duration", D, { beginMs: B, endMs: B + H }, times(H, B, B + H)],
    ["begin + end on D otherwise: refused", D, { beginMs: B, endMs: B + 2 * H }, DURATION_CONFLICT],
    ["begin + end on D, started: refused", started(D), { beginMs: B, endMs: B + H }, BEGIN_TIME_FIXED],
    ["begin + end on BD, a pure shift", BD, { beginMs: B + H, endMs: B + 2 * H }, times(H, B + H, B + 2 * H)],
    ["begin + end on BD, another length: refused", BD, { beginMs: B, endMs: B + 2 * H }, DURATION_CONFLICT],
    ["begin + end on BD, started, b = stored begin", started(BD), { beginMs: B, endMs: B + H }, times(H, B, B + H)],
    ["begin + end on BD, started, shifted: refused", started(BD), { beginMs: B + H, endMs: B + 2 * H }, BEGIN_TIME_FIXED],
    ["begin + end on BED, a pure shift", BED, { beginMs: B + H, endMs: B + 2 * H }, times(H, B + H, B + 2 * H)],
    ["begin + end on BED, another length: refused", BED, { beginMs: B, endMs: B + 2 * H }, DURATION_CONFLICT],
    // begin b + end e + duration d (d = e - b)
    ["all three on D: becomes BED", D, { beginMs: B, endMs: B + 2 * H, durationMs: 2 * H }, times(2 * H, B, B + 2 * H)],
    ["all three on D, started: refused", started(D), { beginMs: B, endMs: B + 2 * H, durationMs: 2 * H }, BEGIN_TIME_FIXED],
    ["all three on BD", BD, { beginMs: B + H, endMs: B + 3 * H, durationMs: 2 * H }, times(2 * H, B + H, B + 3 * H)],
    ["all three on BD, started, b = stored begin", started(BD), { beginMs: B, endMs: B + 3 * H, durationMs: 3 * H }, times(3 * H, B, B + 3 * H)],
    ["all three on BED, started, b = stored begin", started(BED), { beginMs: B, endMs: B + 3 * H, durationMs: 3 * H }, times(3 * H, B, B + 3 * H)],
    ["all three on BED, started, another b: refused", started(BED), { beginMs: B + H, endMs: B + 3 * H, durationMs: 2 * H }, BEGIN_TIME_FIXED],
    // [TM1] within the request itself
    ["all three, inconsistent", BED, { beginMs: B, endMs: B + 3 * H, durationMs: 2 * H }, DURATION_CONFLICT],
    ["an end before the begin", BED, { beginMs: B, endMs: B - H, durationMs: 0 }, "duration must be positive, got -1h0m0s"],
    // [U11] nothing to change
    ["no time field", BED, {}, times(H, B, B + H)],
  ])("%s", (_name, stored, update, expected) => {
    expect(outcome(stored, update)).toEqual(expected);
  });

  it("[O2] compares a begin with the stored one to the second, and stores whole seconds", () => {
    expect(outcome(started(BED), { beginMs: B + 400, endMs: B + 2 * H, durationMs: 2 * H - 400 })).toEqual(times(2 * H - 400, B, B + 2 * H));
    expect(outcome(started(BED), { beginMs: B + 1_400, endMs: B + 2 * H, durationMs: 2 * H - 1_400 })).toEqual(BEGIN_TIME_FIXED);
    expect(outcome(D, { beginMs: B + 700, durationMs: H })).toEqual(times(H, B));
  });

  it("sends a begin exactly as a server returned it, sub-seconds included, so that it equals the stored one", () => {
    const older = { durationMs: H, beginMs: B + 123, endMs: B + H + 123, started: true, effectiveBeginMs: B + 123 };
    const r = moveEndRecipe(older, B + 2 * H);
    expect(r.ok && r.update).toEqual({ beginMs: B + 123, endMs: B + 2 * H, durationMs: 2 * H - 123 });
  });
});

describe("leaseShape [TM2]", () => {
  it("names the three stored shapes, and treats an end without a begin as D", () => {
    expect([D, BD, BED].map(leaseShape)).toEqual(["D", "BD", "BED"]);
    expect(leaseShape({ durationMs: H, endMs: B, started: false })).toBe("D");
  });
});

/** A recipe's request, and that the controller takes it as predicted. */
function sent(r: ReturnType<typeof extendRecipe>): TimeUpdate {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r.update;
}

function refusal(r: ReturnType<typeof extendRecipe>): string {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.update)}`);
  return r.message;
}

describe("the [U13] recipes", () => {
  describe("extend, shorten or move the end", () => {
    it("D: duration only, never an end_time (it would give the lease a begin)", () => {
      expect(sent(extendRecipe(started(D), 30 * MINUTE_MS))).toEqual({ durationMs: 90 * MINUTE_MS });
      expect(sent(extendRecipe(D, 30 * MINUTE_MS))).toEqual({ durationMs: 90 * MINUTE_MS });
      expect(sent(moveEndRecipe(started(D), B + 3 * H))).toEqual({ durationMs: 3 * H });
    });

    it("D still waiting: no end to move, its length changes instead", () => {
      expect(refusal(moveEndRecipe(D, B + 3 * H))).toMatch(/still waiting for a board/);
    });

    it("BD: duration alone also works", () => {
      expect(sent(extendRecipe(started(BD), H))).toEqual({ durationMs: 2 * H });
    });

    it("BD, BED: begin_time exactly as stored, end_time and duration = end - begin", () => {
      expect(sent(moveEndRecipe(BD, B + 3 * H))).toEqual({ beginMs: B, endMs: B + 3 * H, durationMs: 3 * H });
      expect(sent(extendRecipe(started(BED), 30 * MINUTE_MS))).toEqual({ beginMs: B, endMs: B + 90 * MINUTE_MS, durationMs: 90 * MINUTE_MS });
      expect(sent(extendRecipe(BED, -30 * MINUTE_MS))).toEqual({ beginMs: B, endMs: B + 30 * MINUTE_MS, durationMs: 30 * MINUTE_MS });
      expect(sent(moveEndRecipe(started(BED), B + 20 * MINUTE_MS))).toEqual({ beginMs: B, endMs: B + 20 * MINUTE_MS, durationMs: 20 * MINUTE_MS });
    });

    it("refuses an end before the start and a length of nothing", () => {
      expect(refusal(moveEndRecipe(BED, B))).toBe("The end would come before the start");
      expect(refusal(moveEndRecipe(started(D), B - MINUTE_MS))).toBe("The end would come before the start");
      expect(refusal(extendRecipe(D, -H))).toMatch(/cannot be shortened by 1h/);
      expect(refusal(extendRecipe(BED, -2 * H))).toBe("The end would come before the start");
      expect(refusal(extendRecipe(BED, 0))).toMatch(/other than zero/);
    });
  });

  describe("change the length keeping the begin", () => {
    it("D or BD: duration only; BED: begin, begin + length, length", () => {
      expect(sent(changeLengthRecipe(D, 2 * H))).toEqual({ durationMs: 2 * H });
      expect(sent(changeLengthRecipe(started(BD), 2 * H))).toEqual({ durationMs: 2 * H });
      expect(sent(changeLengthRecipe(started(BED), 2 * H))).toEqual({ beginMs: B, endMs: B + 2 * H, durationMs: 2 * H });
      expect(refusal(changeLengthRecipe(BED, 0))).toMatch(/longer than zero/);
    });
  });

  describe("move the begin (only while the lease never had an exporter [U6])", () => {
    it("D or BD: begin_time and the current duration", () => {
      expect(sent(moveBeginRecipe(D, B + H))).toEqual({ beginMs: B + H, durationMs: H });
      expect(sent(moveBeginRecipe(BD, B + H))).toEqual({ beginMs: B + H, durationMs: H });
    });

    it("BED keeping the length: begin, begin + duration, duration; keeping the end: begin, end - begin", () => {
      const keepLength = moveBeginRecipe(BED, B + 2 * H, "length");
      expect(sent(keepLength)).toEqual({ beginMs: B + 2 * H, endMs: B + 3 * H, durationMs: H });
      expect(keepLength.ok && keepLength.times).toEqual(times(H, B + 2 * H, B + 3 * H));
      const keepEnd = moveBeginRecipe(BED, B + 15 * MINUTE_MS, "end");
      expect(sent(keepEnd)).toEqual({ beginMs: B + 15 * MINUTE_MS, durationMs: 45 * MINUTE_MS });
      expect(keepEnd.ok && keepEnd.times).toEqual(times(45 * MINUTE_MS, B + 15 * MINUTE_MS, B + H));
      expect(refusal(moveBeginRecipe(BED, B + H, "end"))).toBe("The start would come after the end");
    });

    it("refuses once an exporter was assigned: release and lease again", () => {
      expect(refusal(moveBeginRecipe(started(BD), B + H))).toMatch(/already got a board/);
    });
  });

  it("always whole seconds", () => {
    expect(sent(extendRecipe(started(BED), 1_400))).toEqual({ beginMs: B, endMs: B + H + 1_000, durationMs: H + 1_000 });
    expect(sent(moveEndRecipe(BD, B + H + 999))).toEqual({ beginMs: B, endMs: B + H, durationMs: H });
    expect(sent(moveBeginRecipe(D, B + 1_500))).toEqual({ beginMs: B + 1_000, durationMs: H });
    expect(sent(changeLengthRecipe(D, 90_400))).toEqual({ durationMs: 90_000 });
  });

  it("every recipe is one the controller accepts, on every shape it applies to", () => {
    const shapes = [D, BD, BED, started(D), started(BD), started(BED)];
    for (const stored of shapes) {
      const recipes = [extendRecipe(stored, H), extendRecipe(stored, -10 * MINUTE_MS), changeLengthRecipe(stored, 3 * H), moveEndRecipe(stored, B + 5 * H), moveBeginRecipe(stored, B + 2 * H)];
      for (const r of recipes) {
        if (!r.ok) continue;
        expect(applyTimeUpdate(stored, r.update)).toEqual({ ok: true, times: r.times });
        // Never end_time without begin_time (the lease would gain a begin it did not have).
        if (r.update.endMs !== undefined) expect(r.update.beginMs).toBeDefined();
      }
    }
  });
});

describe("currentEndMs [TM3]", () => {
  it("is the end, else begin + duration, else assignment + duration once started", () => {
    expect(currentEndMs(BED)).toBe(B + H);
    expect(currentEndMs(BD)).toBe(B + H);
    expect(currentEndMs(started(D))).toBe(B + H);
    expect(currentEndMs(D)).toBeUndefined();
  });
});
