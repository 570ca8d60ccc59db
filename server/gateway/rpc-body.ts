// The limits every RPC request body goes through, on either path (the
// decoding one and the pass-through): a quiet spell ends it (body-idle.ts),
// more than the body limit ends it (body-limit.ts), and a gRPC-Web body must
// not carry a trailer frame (grpc-web-framing.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CallRecord } from "./access-log.js";
import { limitBodyIdle } from "./body-idle.js";
import { limitBody } from "./body-limit.js";
import { isGrpcWeb, refuseTrailerFrames } from "./grpc-web-framing.js";

export interface BodyLimits {
  maxBodyBytes: number;
  bodyIdleTimeoutMs: number;
}

/** `body` (the request's bytes) with the limits applied; a refusal closes the connection once it is answered. */
export function checkedBody(body: AsyncIterable<Uint8Array>, req: IncomingMessage, res: ServerResponse, record: CallRecord, limits: BodyLimits): AsyncIterable<Uint8Array> {
  // Close the connection once the refusal is written: the rest of the body may never come.
  const closeAfterAnswer = (): void => {
    if (!res.headersSent) res.setHeader("Connection", "close");
    res.once("finish", () => req.socket.destroy());
  };
  const flowing = limitBodyIdle(body, limits.bodyIdleTimeoutMs, record, closeAfterAnswer);
  const limited = limitBody(flowing, limits.maxBodyBytes, req.headers["content-length"], record);
  return isGrpcWeb(req.headers["content-type"]) ? refuseTrailerFrames(limited, record) : limited;
}
