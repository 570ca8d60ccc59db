// A request body that stops arriving is given up after a quiet spell, instead
// of holding the call (and its memory) until Node's request timeout. The
// quiet spell is between chunks, so a large body on a slow link still arrives.
import { Code, ConnectError } from "@connectrpc/connect";
import type { CallRecord } from "./access-log.js";

export function bodyStalled(idleMs: number): ConnectError {
  return new ConnectError(`the request body stopped arriving: nothing for ${idleMs} ms`, Code.DeadlineExceeded);
}

/**
 * Passes `body` through; when no chunk arrives for `idleMs`, calls `onStall`
 * (which closes the connection) and fails with DeadlineExceeded.
 */
export async function* limitBodyIdle(body: AsyncIterable<Uint8Array>, idleMs: number, record: CallRecord, onStall: () => void): AsyncGenerator<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]();
  for (;;) {
    let timer: NodeJS.Timeout | undefined;
    const quiet = new Promise<"stalled">((resolve) => {
      timer = setTimeout(() => resolve("stalled"), idleMs);
    });
    const next = await Promise.race([chunks.next(), quiet]).finally(() => clearTimeout(timer));
    if (next === "stalled") {
      record.code = Code.DeadlineExceeded;
      onStall();
      throw bodyStalled(idleMs);
    }
    if (next.done === true) return;
    yield next.value;
  }
}
