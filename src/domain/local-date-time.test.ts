import { describe, expect, it } from "vitest";
import { formatLocalDateTime, parseLocalDateTime } from "@/domain/local-date-time";

describe("datetime-local values", () => {
  it("reads a value in the user's zone", () => {
    expect(parseLocalDateTime("2025-11-21T10:00")).toBe(new Date(2025, 10, 21, 10, 0).getTime());
    expect(parseLocalDateTime("2025-11-21T10:00:30")).toBe(new Date(2025, 10, 21, 10, 0, 30).getTime());
  });

  it("rejects empty, malformed and impossible values", () => {
    expect(parseLocalDateTime("")).toBeUndefined();
    expect(parseLocalDateTime("tomorrow 10:00")).toBeUndefined();
    expect(parseLocalDateTime("2025-02-30T10:00")).toBeUndefined();
  });

  it("writes to the minute and reads back", () => {
    const ms = new Date(2026, 0, 5, 7, 9).getTime();
    expect(formatLocalDateTime(ms)).toBe("2026-01-05T07:09");
    expect(parseLocalDateTime(formatLocalDateTime(ms + 42_000))).toBe(ms);
  });
});
