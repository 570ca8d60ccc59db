// Node answers requests it cannot parse (400), that took too long to arrive
// (408) or whose headers are too large (431) itself, without the headers every
// other answer carries. With a 'clientError' listener the gateway writes those
// answers instead, with its security headers, and closes the connection.
import type { Duplex } from "node:stream";

/** The status Node would give for a client error, by the error's code. */
export function clientErrorStatus(code: string | undefined): 400 | 408 | 431 {
  if (code === "HPE_HEADER_OVERFLOW") return 431;
  if (code === "ERR_HTTP_REQUEST_TIMEOUT" || code === "ERR_HTTP_HEADERS_TIMEOUT") return 408;
  return 400;
}

const reasons = { 400: "Bad Request", 408: "Request Timeout", 431: "Request Header Fields Too Large" } as const;
const texts = {
  400: "bad request\n",
  408: "the request took too long to arrive\n",
  431: "request headers too large\n",
} as const;

/** The raw HTTP/1.1 answer for a client error (the connection is closed after it). */
export function clientErrorResponse(status: 400 | 408 | 431, headers: Readonly<Record<string, string>>): string {
  const body = texts[status];
  const lines = [
    `HTTP/1.1 ${status} ${reasons[status]}`,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    "Content-Type: text/plain; charset=utf-8",
    "Cache-Control: no-store",
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Connection: close",
  ];
  return `${lines.join("\r\n")}\r\n\r\n${body}`;
}

/**
 * The 'clientError' listener. `answering(socket)`: whether a response has
 * already started on that connection, in which case no second one can be
 * written and the connection is only closed.
 */
export function createClientErrorHandler(
  headers: Readonly<Record<string, string>>,
  answering: (socket: Duplex) => boolean,
): (err: Error & { code?: string }, socket: Duplex) => void {
  return (err, socket) => {
    // A peer that reset the connection hears nothing more.
    if (err.code === "ECONNRESET" || !socket.writable || answering(socket)) {
      socket.destroy();
      return;
    }
    socket.end(clientErrorResponse(clientErrorStatus(err.code), headers));
  };
}
