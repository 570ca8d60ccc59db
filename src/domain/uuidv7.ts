// UUID version 7 (RFC 9562 section 5.7): a 48-bit Unix millisecond timestamp
// then random bits, so ids sort by creation time. The portal uses it as a
// client-chosen lease_id (retry-safe creates); the simulator when none is given.

const MAX_TIMESTAMP_MS = 2 ** 48 - 1;

export function uuidv7(nowMs: number = Date.now()): string {
  const ms = Math.floor(nowMs);
  if (!(ms >= 0 && ms <= MAX_TIMESTAMP_MS)) throw new RangeError(`uuidv7: timestamp ${nowMs} is outside 0..2^48-1 ms`);
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  // Big-endian 48-bit timestamp; division, not bit shifts, since JS shifts are 32-bit.
  let rest = ms;
  for (let i = 5; i >= 0; i -= 1) {
    bytes[i] = rest % 256;
    rest = Math.floor(rest / 256);
  }
  bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // variant 10
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The millisecond timestamp inside a UUIDv7, or undefined if `id` is not one. */
export function uuidv7Timestamp(id: string): number | undefined {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) return undefined;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
