// Caps the bytes an RPC request may send. Request compression is not
// accepted by the gateway (browsers never compress gRPC-Web requests), so the
// raw body size bounds the message size too: no decompression bombs.
import { Code, ConnectError } from "@connectrpc/connect";
import type { CallRecord } from "./access-log.js";

export function bodyTooLarge(maxBytes: number): ConnectError {
  return new ConnectError(`request body larger than the gateway's limit of ${maxBytes} bytes`, Code.ResourceExhausted);
}

/**
 * Passes `body` through until more than `maxBytes` arrive, then fails with
 * ResourceExhausted. A declared Content-Length over the limit fails before
 * anything is read.
 */
export async function* limitBody(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
  contentLength: string | undefined,
  record: CallRecord,
): AsyncGenerator<Uint8Array> {
  const refuse = (): ConnectError => {
    record.code = Code.ResourceExhausted;
    return bodyTooLarge(maxBytes);
  };
  if (contentLength !== undefined && Number(contentLength) > maxBytes) throw refuse();
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > maxBytes) throw refuse();
    yield chunk;
  }
}
