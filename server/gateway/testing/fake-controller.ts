// A fake controller for fault injection: a bare HTTP/2 listener (no gRPC
// library) whose every call is answered by the test's own function, so a test
// can refuse a stream, drop half an answer or add hostile metadata, which the
// lab simulator (a well-behaved controller) never does.
import { createServer, type Http2Server, type Http2Session, type IncomingHttpHeaders, type ServerHttp2Stream } from "node:http2";
import type { AddressInfo, Socket } from "node:net";

/** `dropConnection` destroys the TCP socket under the stream's connection: no GOAWAY, no RST_STREAM, as a crash would. */
export type FakeAnswer = (stream: ServerHttp2Stream, headers: IncomingHttpHeaders, dropConnection: () => void) => void;

export interface FakeController {
  /** http:// (h2c): give it to startGateway as the controller. */
  url: string;
  /** Calls received so far (streams opened), whatever the answer. */
  readonly calls: number;
  close(): Promise<void>;
}

/** A gRPC length-prefixed message frame (flag 0, uncompressed). */
export function grpcFrame(message: Uint8Array): Buffer {
  const frame = Buffer.alloc(5 + message.length);
  frame.writeUInt32BE(message.length, 1);
  frame.set(message, 5);
  return frame;
}

/** A successful answer: headers (plus `extraHeaders`), one message, grpc-status 0 in the trailers. */
export function answerOk(stream: ServerHttp2Stream, message: Uint8Array, extraHeaders: Record<string, string> = {}): void {
  stream.respond({ ":status": 200, "content-type": "application/grpc", ...extraHeaders }, { waitForTrailers: true });
  stream.once("wantTrailers", () => stream.sendTrailers({ "grpc-status": "0" }));
  stream.end(grpcFrame(message));
}

/** Headers and the first half of a message frame, then the connection is gone (socket destroyed). */
export function dropMidAnswer(stream: ServerHttp2Stream, message: Uint8Array, dropConnection: () => void): void {
  stream.respond({ ":status": 200, "content-type": "application/grpc" });
  const frame = grpcFrame(message);
  // Let the bytes leave before the socket goes, as a crash mid-write would.
  stream.write(frame.subarray(0, Math.max(6, Math.floor(frame.length / 2))), () => setTimeout(dropConnection, 20));
}

export async function startFakeController(answer: FakeAnswer): Promise<FakeController> {
  const server: Http2Server = createServer();
  const sessions = new Set<Http2Session>();
  // HTTP/2 forbids touching a session's socket, so the raw ones are kept by the caller's port.
  const sockets = new Map<number | undefined, Socket>();
  let calls = 0;
  server.on("connection", (socket: Socket) => {
    sockets.set(socket.remotePort, socket);
    socket.once("close", () => sockets.delete(socket.remotePort));
  });
  server.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
    // A destroyed socket makes the session emit errors nobody else listens to.
    session.on("error", () => undefined);
  });
  server.on("stream", (stream, headers) => {
    calls += 1;
    stream.on("error", () => undefined);
    // Read the request so flow control never stalls the caller.
    stream.resume();
    answer(stream, headers, () => sockets.get(stream.session?.socket.remotePort)?.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get calls() {
      return calls;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const session of sessions) session.destroy();
        server.close(() => resolve());
      }),
  };
}
