import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { staleText } from "@/components/stale-text";

describe("staleText", () => {
  const down = new ConnectError("connect ECONNREFUSED 127.0.0.1:8082", Code.Unavailable);

  it("says how old the data is and why, in seconds under a minute", () => {
    expect(staleText(10_000, 55_500, down)).toBe(
      "Showing data from 45 s ago — The lab controller cannot be reached: connect ECONNREFUSED 127.0.0.1:8082. Retrying automatically.",
    );
  });

  it("uses minutes and hours for older data", () => {
    expect(staleText(0, 5 * 60_000 + 3_000, down)).toMatch(/^Showing data from 5m ago/);
    expect(staleText(0, 2 * 3_600_000 + 15 * 60_000, down)).toMatch(/^Showing data from 2h 15m ago/);
  });

  it("never shows a negative age when clocks disagree", () => {
    expect(staleText(10_000, 9_000, down)).toMatch(/^Showing data from 0 s ago/);
  });
});
