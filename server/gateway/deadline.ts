// The caller's deadline, clamped to the gateway's cap before the protocol
// layer reads it. Left as sent, a deadline of 2^31 ms or more (grpc-timeout
// "2147484S", hours "H"; connect-timeout-ms of 10 digits) overflows Node's
// timers, which then fire at once: DEADLINE_EXCEEDED in milliseconds plus a
// TimeoutOverflowWarning. The controller call is capped anyway (forward.ts),
// so a longer deadline means nothing more than the cap.

/** Node's timers hold at most 2^31 - 1 ms (about 24.8 days). */
export const maxTimerMs = 2 ** 31 - 1;

const grpcUnitMs: Readonly<Record<string, number>> = { H: 3_600_000, M: 60_000, S: 1000, m: 1, u: 0.001, n: 0.000001 };

/** A grpc-timeout value for `ms` (at most 8 digits, as the gRPC spec allows), never longer than `ms`. */
export function formatGrpcTimeout(ms: number): string {
  return ms <= 99_999_999 ? `${Math.floor(ms)}m` : `${Math.floor(ms / 1000)}S`;
}

/**
 * `grpc-timeout` clamped to `capMs`; anything malformed is returned as sent,
 * so the protocol layer refuses it with its own message.
 */
export function clampGrpcTimeout(value: string, capMs: number): string {
  const match = /^(\d{1,8})([HMSmun])$/.exec(value);
  if (match === null) return value;
  const ms = Number(match[1]) * (grpcUnitMs[match[2] ?? ""] ?? 0);
  return ms > capMs ? formatGrpcTimeout(capMs) : value;
}

/** `connect-timeout-ms` (the Connect protocol's deadline) clamped to `capMs`. */
export function clampConnectTimeout(value: string, capMs: number): string {
  if (!/^\d{1,10}$/.test(value)) return value;
  return Number(value) > capMs ? String(Math.floor(capMs)) : value;
}

/** Rewrites the deadline headers of a request in place. */
export function clampDeadlineHeaders(headers: Headers, capMs: number): void {
  const grpc = headers.get("grpc-timeout");
  if (grpc !== null) headers.set("grpc-timeout", clampGrpcTimeout(grpc, capMs));
  const connect = headers.get("connect-timeout-ms");
  if (connect !== null) headers.set("connect-timeout-ms", clampConnectTimeout(connect, capMs));
}
