// A gRPC-Web request is a sequence of message frames; trailer frames (flag
// 0x80) belong to answers only. Connect's parser skips such a frame and reads
// on, so a body that begins with one would have the message after it executed
// (issue 12, item 5). Browsers never send one: refuse it before anything is
// forwarded.
import { Code, ConnectError } from "@connectrpc/connect";
import type { CallRecord } from "./access-log.js";
import { createFrameWalker } from "./grpc-frame-scanner.js";

const trailerFlag = 0x80;

export function trailerFrameInRequest(): ConnectError {
  return new ConnectError("protocol error: a gRPC-Web request must not carry a trailer frame (flag 0x80)", Code.InvalidArgument);
}

/** Whether a request Content-Type is gRPC-Web (whose bodies are framed), as opposed to Connect's unframed unary bodies. */
export function isGrpcWeb(contentType: string | undefined): boolean {
  return /^application\/grpc-web(\+|;|$)/i.test(contentType ?? "");
}

/** Follows a request body's frames across chunks; `push` tells whether a trailer frame's header has been seen. */
export function createTrailerFrameCheck(): (chunk: Uint8Array) => boolean {
  const walker = createFrameWalker((flags) => (flags & trailerFlag) !== 0);
  return (chunk) => walker.push(chunk);
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
