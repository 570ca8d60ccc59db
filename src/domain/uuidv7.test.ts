import { describe, expect, it } from "vitest";
import { validateObjectName } from "./resource-names.js";
import { uuidv7, uuidv7Timestamp } from "./uuidv7.js";

const FORMAT = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("uuidv7", () => {
  it.each([0, 1, 1_700_000_000_000, Date.UTC(2025, 5, 1), 2 ** 48 - 1])("encodes %d ms with version 7 and variant 10", (ms) => {
    const id = uuidv7(ms);
    expect(id).toMatch(FORMAT);
    expect(uuidv7Timestamp(id)).toBe(ms);
  });

  it("puts the timestamp in the first 48 bits, big-endian", () => {
    expect(uuidv7(0x0123_4567_89ab).slice(0, 13)).toBe("01234567-89ab");
    expect(uuidv7(0).slice(0, 13)).toBe("00000000-0000");
  });

  it("sorts by creation time as text", () => {
    const times = [1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_255, 1_700_000_000_256, 1_700_000_065_536, 1_800_000_000_000];
    const ids = times.map((t) => uuidv7(t));
    expect([...ids].reverse().sort()).toEqual(ids);
  });

  it("fills the rest with random bits", () => {
    const ids = new Set(Array.from({ length: 200 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(200);
  });

  it("defaults to the current time", () => {
    const before = Date.now();
    const ts = uuidv7Timestamp(uuidv7());
    const after = Date.now();
    expect(ts).toBeGreaterThanOrEqual(before);
    expect(ts).toBeLessThanOrEqual(after);
  });

  it("is a valid lease_id", () => {
    expect(validateObjectName(uuidv7())).toBeUndefined();
  });

  it.each([-1, 2 ** 48, Number.NaN])("rejects the timestamp %d", (ms) => {
    expect(() => uuidv7(ms)).toThrow(RangeError);
  });

  it.each(["", "not-a-uuid", "01234567-89ab-4def-8123-456789abcdef", "01234567-89ab-7def-c123-456789abcdef"])(
    "uuidv7Timestamp(%j) is undefined for anything but a UUIDv7",
    (id) => {
      expect(uuidv7Timestamp(id)).toBeUndefined();
    },
  );
});
