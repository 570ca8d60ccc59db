// The create form's link ("Lease this board", "Lease it again", a timeline
// slot) read back into the form's first values.
import { describe, expect, it } from "vitest";
import { createPrefillSearch, durationText, readCreatePrefill } from "@/domain/create-lease-link";
import { HOUR_MS, MINUTE_MS } from "@/domain/durations";
import { formatLocalDateTime } from "@/domain/local-date-time";
import { initialCreateLeaseValues } from "@/features/booking/create-lease-values";

const NOW = new Date(2025, 11, 2, 12, 0).getTime();

describe("the create form reads back what the link carries", () => {
  it("round-trips selector, length and tags through the URL into the form's values", () => {
    const search = createPrefillSearch({ selector: "board=am62,site in (bcn,brno)", durationMs: 2 * HOUR_MS + 30 * MINUTE_MS, tags: [{ key: "team", value: "bsp" }] });
    const prefill = readCreatePrefill(new URLSearchParams(search));
    const values = initialCreateLeaseValues(prefill, NOW);
    expect(values).toMatchObject({
      target: "selector",
      selector: "board=am62,site in (bcn,brno)",
      lengthMode: "duration",
      durationChoice: "custom",
      customDuration: "2h30m",
      startMode: "now",
      tags: [{ key: "team", value: "bsp" }],
    });
  });

  it("picks the preset when the length is one", () => {
    const prefill = readCreatePrefill(new URLSearchParams(createPrefillSearch({ exporter: "am62-01", durationMs: 2 * HOUR_MS })));
    expect(initialCreateLeaseValues(prefill, NOW)).toMatchObject({ target: "exporter", exporterName: "am62-01", durationChoice: "2h", customDuration: "" });
  });

  it("fills in a window ahead as a chosen start and an end time", () => {
    const beginMs = NOW + HOUR_MS;
    const endMs = NOW + 3 * HOUR_MS;
    const prefill = readCreatePrefill(new URLSearchParams(createPrefillSearch({ selector: "board=am62", beginMs, endMs })));
    expect(initialCreateLeaseValues(prefill, NOW)).toMatchObject({ startMode: "at", startAt: formatLocalDateTime(beginMs), lengthMode: "end", endAt: formatLocalDateTime(endMs) });
  });

  it("leaves out what does not read", () => {
    expect(readCreatePrefill(new URLSearchParams("selector=board%3Drpi5&duration=soon&start=never&tag=novalue&tag=%3Dx"))).toEqual({ exporter: null, selector: "board=rpi5" });
  });

  it("writes durations the custom field parses", () => {
    expect([durationText(90 * MINUTE_MS), durationText(26 * HOUR_MS), durationText(45_000), durationText(HOUR_MS)]).toEqual(["1h30m", "1d2h", "45s", "1h"]);
  });
});
