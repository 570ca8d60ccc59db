// grpc-message as gRPC servers written in Go send it: percent-encoding only
// what the gRPC spec requires (bytes outside 0x20-0x7E, and '%'). Connect
// encodes like encodeURIComponent, so "invalid continue token: x" travels as
// "invalid continue token%3A x", which clients that decode only the required
// escapes (grpc-js) show as such. The controller's texts must arrive as they are.
import type { OutgoingHttpHeaders } from "node:http";
import type { Http2ServerResponse } from "node:http2";
import { goStyleLimitText } from "./message-limit.js";

/** The gRPC spec's percent-encoding of a status message (UTF-8 bytes). */
export function encodeGrpcMessage(text: string): string {
  let out = "";
  for (const byte of Buffer.from(text, "utf8")) {
    out += byte >= 0x20 && byte <= 0x7e && byte !== 0x25 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

function reencode(headers: OutgoingHttpHeaders | undefined): void {
  const value = headers?.["grpc-message"];
  if (headers === undefined || typeof value !== "string") return;
  let text: string;
  try {
    text = decodeURIComponent(value);
  } catch {
    return;
  }
  headers["grpc-message"] = encodeGrpcMessage(goStyleLimitText(text));
}

/**
 * Makes `res` send grpc-message encoded as Go servers do, in headers
 * (trailers-only answers) and trailers; a message over the size limit is
 * refused in grpc-go's words too.
 */
export function withGoStyleGrpcMessage(res: Http2ServerResponse): Http2ServerResponse {
  const writeHead = res.writeHead.bind(res) as (status: number, headers?: OutgoingHttpHeaders) => Http2ServerResponse;
  const addTrailers = res.addTrailers.bind(res);
  res.writeHead = ((status: number, headers?: OutgoingHttpHeaders) => {
    reencode(headers);
    return writeHead(status, headers);
  }) as Http2ServerResponse["writeHead"];
  res.addTrailers = (trailers: OutgoingHttpHeaders) => {
    reencode(trailers);
    addTrailers(trailers);
  };
  return res;
}
