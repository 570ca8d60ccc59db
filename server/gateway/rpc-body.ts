// The limits every RPC request body goes through, on either path (the
// decoding one and the pass-through): a quiet spell ends it (body-idle.ts),
// more than the body limit ends it (body-limit.ts), and a gRPC-Web body must
// not carry a trailer frame (grpc-web-framing.ts).
import type { IncomingMessage, ServerResponse } from "node:http";
import { Code, ConnectError } from "@connectrpc/connect";
import type { CallRecord } from "./access-log.js";
import { bodyStalled, limitBodyIdle } from "./body-idle.js";
import { bodyTooLarge, limitBody } from "./body-limit.js";
import { createTrailerFrameCheck, isGrpcWeb, refuseTrailerFrames, trailerFrameInRequest } from "./grpc-web-framing.js";

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

/**
 * The whole request body of a pass-through call, read with the same limits
 * as `checkedBody` but on the request's own events (no async iterators: the
 * body is one small frame, nearly always one chunk, which is then returned
 * as it came). A refusal closes the connection once it is answered, since
 * the rest of the body is never read.
 */
export function readCheckedBody(req: IncomingMessage, res: ServerResponse, record: CallRecord, limits: BodyLimits): Promise<Uint8Array> {
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const trailerFrameSeen = isGrpcWeb(req.headers["content-type"]) ? createTrailerFrameCheck() : undefined;
    const stop = (): void => {
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const refuse = (err: ConnectError): void => {
      stop();
      record.code = err.code;
      if (!res.headersSent) res.setHeader("Connection", "close");
      res.once("finish", () => req.socket.destroy());
      reject(err);
    };
    const onData = (chunk: Buffer): void => {
      timer.refresh();
      total += chunk.byteLength;
      if (total > limits.maxBodyBytes) return refuse(bodyTooLarge(limits.maxBodyBytes));
      if (trailerFrameSeen?.(chunk) === true) return refuse(trailerFrameInRequest());
      chunks.push(chunk);
    };
    const onEnd = (): void => {
      stop();
      resolve(chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : Buffer.concat(chunks, total));
    };
    const onError = (e: Error): void => {
      stop();
      reject(ConnectError.from(e, Code.Canceled));
    };
    // The browser went away before its body was complete.
    const onClose = (): void => {
      stop();
      reject(new ConnectError("the request body did not arrive: the connection closed", Code.Canceled));
    };
    const timer = setTimeout(() => refuse(bodyStalled(limits.bodyIdleTimeoutMs)), limits.bodyIdleTimeoutMs);
    const declared = req.headers["content-length"];
    if (declared !== undefined && Number(declared) > limits.maxBodyBytes) return refuse(bodyTooLarge(limits.maxBodyBytes));
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", onError);
    req.once("close", onClose);
  });
}
