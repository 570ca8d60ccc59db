import { describe, expect, it } from "vitest";
import { readTimelineParams, writeTimelineParams } from "@/features/booking/timeline/timeline-params";

const now = new Date(2026, 11, 2, 15, 30).getTime();

describe("timeline URL", () => {
  it("reads a shared view", () => {
    const p = readTimelineParams(new URLSearchParams("view=week&date=2026-12-03&zoom=4&selector=board%3Drcar-s4&q=brno&group=board"), now);
    expect(p).toEqual({ view: "week", dayMs: new Date(2026, 11, 3).getTime(), badDate: false, zoom: 4, selector: "board=rcar-s4", q: "brno", group: "board" });
  });

  it("shows today's day view by default, and says when the date does not read", () => {
    expect(readTimelineParams(new URLSearchParams(""), now)).toMatchObject({ view: "day", dayMs: new Date(2026, 11, 2).getTime(), badDate: false, zoom: 1 });
    expect(readTimelineParams(new URLSearchParams("date=2026-13-40&view=month&zoom=x"), now)).toMatchObject({ view: "day", dayMs: new Date(2026, 11, 2).getTime(), badDate: true, zoom: 1 });
  });

  it("writes only what differs from the defaults", () => {
    const next = writeTimelineParams(new URLSearchParams("q=old&selector=board%3Drpi5"), { view: "day", zoom: 1, q: "", dayMs: new Date(2026, 11, 3, 9).getTime() });
    expect(next.toString()).toBe("selector=board%3Drpi5&date=2026-12-03");
    expect(writeTimelineParams(next, { view: "week", zoom: 2, group: "site" }).toString()).toBe("selector=board%3Drpi5&date=2026-12-03&view=week&zoom=2&group=site");
  });
});
