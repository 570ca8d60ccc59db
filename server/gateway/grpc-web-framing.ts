// A gRPC-Web request is a sequence of message frames; trailer frames (flag
// 0x80) belong to answers only. Connect's parser skips such a frame and reads
// on, so a body that begins with one would have the message after it executed
// (issue 12, item 5). Browsers never send one: refuse it before anything is
// forwarded.
import { Code, ConnectError } from "@connectrpc/connect";
import type { CallRecord } from "./access-log.js";

const trailerFlag = 0x80;
const frameHeaderBytes = 5;

export function trailerFrameInRequest(): ConnectError {
  return new ConnectError("protocol error: a gRPC-Web request must not carry a trailer frame (flag 0x80)", Code.InvalidArgument);
}

/** Whether a request Content-Type is gRPC-Web (whose bodies are framed), as opposed to Connect's unframed unary bodies. */
export function isGrpcWeb(contentType: string | undefined): boolean {
  return /^application\/grpc-web(\+|;|$)/i.test(contentType ?? "");
}

/** Follows a request body's frames across chunks; `push` tells whether a trailer frame's header has been seen. */
export function createTrailerFrameCheck(): (chunk: Uint8Array) => boolean {
  // Bytes of the current frame header seen so far, and how much payload is left to skip.
  const header = new Uint8Array(frameHeaderBytes);
  let headerSeen = 0;
  let payloadLeft = 0;
  return (chunk) => {
    let at = 0;
    while (at < chunk.length) {
      if (payloadLeft > 0) {
        const skip = Math.min(payloadLeft, chunk.length - at);
        payloadLeft -= skip;
        at += skip;
        continue;
      }
      const take = Math.min(frameHeaderBytes - headerSeen, chunk.length - at);
      header.set(chunk.subarray(at, at + take), headerSeen);
      headerSeen += take;
      at += take;
      if (headerSeen < frameHeaderBytes) break;
      if (((header[0] ?? 0) & trailerFlag) !== 0) return true;
      payloadLeft = new DataView(header.buffer).getUint32(1);
      headerSeen = 0;
    }
    return false;
  };
}

/** Passes `body` through, failing with InvalidArgument at the header of the first trailer frame. */
export async function* refuseTrailerFrames(body: AsyncIterable<Uint8Array>, record: CallRecord): AsyncGenerator<Uint8Array> {
  const trailerFrameSeen = createTrailerFrameCheck();
  for await (const chunk of body) {
    if (trailerFrameSeen(chunk)) {
      record.code = Code.InvalidArgument;
      throw trailerFrameInRequest();
    }
    yield chunk;
  }
}
