// Follows the 5-byte length prefixes of a gRPC answer as its DATA chunks
// arrive, without copying or joining them: the pass-through forwards the
// chunks as they came (gRPC and gRPC-Web frame messages alike) and only needs
// to know, at each frame header, whether the frame is within the answer size
// limit, compressed, or a second message; and at the end, whether the answer
// stopped inside a frame.
import { Code, ConnectError } from "@connectrpc/connect";

const frameHeaderBytes = 5;
const compressedFlag = 0x01;

export interface FrameScanner {
  /** Reads one chunk; throws a ConnectError (Connect's words) at a frame header over the limit or a second message. */
  push(chunk: Uint8Array): void;
  /** Message frames whose header has been seen. */
  readonly messages: number;
  /** Whether the (first) message frame is compressed. */
  readonly compressed: boolean;
  /** Whether the bytes so far stop inside a frame (header or payload). */
  readonly midFrame: boolean;
}

/**
 * Follows the frames of a byte stream across chunks: `atHeader` is called at
 * each complete frame header with its flags and payload length, and returns
 * true to stop (`push` then returns true). Shared by the answer scanner below
 * and the request's trailer-frame check (grpc-web-framing.ts).
 */
export function createFrameWalker(atHeader: (flags: number, length: number) => boolean): { push(chunk: Uint8Array): boolean; readonly midFrame: boolean } {
  const header = new Uint8Array(frameHeaderBytes);
  const view = new DataView(header.buffer);
  let headerSeen = 0;
  let payloadLeft = 0;
  return {
    push(chunk) {
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
        const length = view.getUint32(1);
        if (atHeader(header[0] ?? 0, length)) return true;
        payloadLeft = length;
        headerSeen = 0;
      }
      return false;
    },
    get midFrame() {
      return headerSeen > 0 || payloadLeft > 0;
    },
  };
}

export function createFrameScanner(readMaxBytes: number): FrameScanner {
  let messages = 0;
  let compressed = false;
  const walker = createFrameWalker((flags, length) => {
    if (length > readMaxBytes) throw new ConnectError(`message size ${length} is larger than configured readMaxBytes ${readMaxBytes}`, Code.ResourceExhausted);
    // A unary answer has one message (gRPC answers carry their status in HTTP/2 trailers, never in a frame).
    if (messages === 1) throw new ConnectError("protocol error: received extra output message for unary method", Code.Unimplemented);
    messages += 1;
    compressed = (flags & compressedFlag) !== 0;
    return false;
  });

  return {
    push(chunk) {
      walker.push(chunk);
    },
    get messages() {
      return messages;
    },
    get compressed() {
      return compressed;
    },
    get midFrame() {
      return walker.midFrame;
    },
  };
}
