// The largest request message the lab reads. A frame declaring more is refused
// from its 5-byte header, before any of its bytes are kept (Connect's
// `readMaxBytes` checks the declared length first), with RESOURCE_EXHAUSTED in
// grpc-go's words, as the controller (a grpc-go server) answers.

/**
 * 4 MiB, grpc-go's default receive limit, which the controller runs with: a
 * client that works against the simulator then works against the controller.
 * The gateway's 1 MiB body cap is its own, stricter, choice for browsers.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;

/** What Connect allows as `readMaxBytes` (the gRPC length prefix is 32 bits). */
export const MAX_MESSAGE_BYTES_CEILING = 0xffff_ffff;

const connectLimitText = /^message size (\d+) is larger than configured readMaxBytes (\d+)$/;

/**
 * Connect's refusal in grpc-go's text, "grpc: received message larger than
 * max (N vs. M)"; any other text unchanged.
 */
export function goStyleLimitText(text: string): string {
  const match = connectLimitText.exec(text);
  return match === null ? text : `grpc: received message larger than max (${match[1] ?? ""} vs. ${match[2] ?? ""})`;
}
