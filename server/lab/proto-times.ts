// Request times as the controller reads them: exactly, to the nanosecond
// (as far as a double carries it). Rounding to the millisecond first would
// carry 0.9996 s over to the next second before whole-second truncation [O2].
import type { Duration, Timestamp } from "@bufbuild/protobuf/wkt";

export function exactTimestampMs(t: Timestamp | undefined): number | undefined {
  return t === undefined ? undefined : Number(t.seconds) * 1000 + t.nanos / 1e6;
}

export function exactDurationMs(d: Duration | undefined): number | undefined {
  return d === undefined ? undefined : Number(d.seconds) * 1000 + d.nanos / 1e6;
}
