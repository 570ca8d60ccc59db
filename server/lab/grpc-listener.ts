// The lab's one TCP port, shaped like the controller's [T1][T2]: TLS whose
// ALPN prefers http/1.1 over h2 (so browsers and curl get HTTP/1.1, gRPC
// clients, which offer only h2, get HTTP/2), gRPC only for HTTP/2 requests
// whose content-type is application/grpc, and an HTTP side with no routes:
// 404 for everything on HTTP/1.1 and for other content types on HTTP/2, 415
// for gRPC-Web on HTTP/2. A cleartext (h2c) mode is kept as a convenience the
// real controller does not have [T9].
//
// Node's HTTP/2 secure server fixes its ALPN order to h2 first, so TLS is
// terminated here by a plain tls.Server with an ALPN callback, and each
// connection is handed to an HTTP/2 or an HTTP/1.1 server by what it negotiated.
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import http2, { type Http2ServerRequest, type Http2ServerResponse } from "node:http2";
import type { AddressInfo, Socket } from "node:net";
import tls from "node:tls";

export type ListenerSecurity = { readonly kind: "plaintext" } | { readonly kind: "tls"; readonly certPem: string | Buffer; readonly keyPem: string | Buffer };

export interface GrpcListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly security: ListenerSecurity;
  /** Receives only HTTP/2 requests with a gRPC content-type. */
  readonly grpc: (req: Http2ServerRequest, res: Http2ServerResponse) => void;
}

/** The gRPC requests being answered, and the body bytes they hold that nobody has read yet. */
export interface GrpcRequestLoad {
  readonly open: number;
  readonly bufferedBytes: number;
}

export interface GrpcListener {
  readonly port: number;
  /** For tests and diagnostics: what the open gRPC requests hold. */
  grpcRequests(): GrpcRequestLoad;
  /** Stops accepting, lets open HTTP/2 sessions finish (GOAWAY), and cuts off what is left after a second. */
  close(): Promise<void>;
}

// [T1]: the controller's own order; the first of these the client offers wins.
export const alpnPreference = ["http/1.1", "h2"] as const;
const stragglerGraceMs = 1_000;

/** application/grpc, application/grpc+proto, application/grpc;charset=...: what grpc-go accepts as gRPC. */
export function isGrpcContentType(contentType: string): boolean {
  return /^application\/grpc(?:$|[+;])/.test(contentType);
}

const noRoutesText = "This is a Jumpstarter controller (lab simulator): it speaks gRPC over HTTP/2 only.\n";

/** Answers once the request body has been read: answering mid-upload makes HTTP/2 reset the stream. */
function answerAfterBody(req: IncomingMessage | Http2ServerRequest, res: ServerResponse | Http2ServerResponse, status: number, text: string): void {
  req.resume();
  req.once("end", () => {
    res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
    res.end(text);
  });
}

/** [T2]: what the controller's port does with an HTTP/2 request before gRPC sees it. */
function routeHttp2(grpc: GrpcListenerOptions["grpc"], open: Set<Http2ServerRequest>): (req: Http2ServerRequest, res: Http2ServerResponse) => void {
  return (req, res) => {
    const contentType = req.headers["content-type"] ?? "";
    if (!contentType.startsWith("application/grpc")) return answerAfterBody(req, res, 404, noRoutesText);
    // gRPC-Web and other look-alikes reach gRPC and are refused there, as grpc-go does.
    if (!isGrpcContentType(contentType)) return answerAfterBody(req, res, 415, `invalid gRPC request content-type "${contentType}"\n`);
    open.add(req);
    req.stream.once("close", () => open.delete(req));
    // Once the answer is out (a refusal may come before the body has been read), a request
    // still sending is reset with NO_ERROR, as grpc-go does, and what it had buffered is
    // dropped: nobody reads it any more, and it would otherwise stay for as long as the
    // client likes. After the trailers: Node's compat layer sends them from its own
    // wantTrailers listener, and a reset submitted before them goes out first.
    req.stream.once("wantTrailers", () => {
      setImmediate(() => {
        if (req.complete) return;
        req.stream.close(http2.constants.NGHTTP2_NO_ERROR);
        req.stream.destroy();
      });
    });
    grpc(req, res);
  };
}

export async function startGrpcListener(options: GrpcListenerOptions): Promise<GrpcListener> {
  const openGrpc = new Set<Http2ServerRequest>();
  const h2 = http2.createServer(routeHttp2(options.grpc, openGrpc));
  const sessions = new Set<http2.ServerHttp2Session>();
  h2.on("session", (session: http2.ServerHttp2Session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });

  const http1Sockets = new Set<Socket>();
  let outer: tls.Server | http2.Http2Server;
  if (options.security.kind === "plaintext") {
    outer = h2;
  } else {
    const http1 = http.createServer((req, res) => answerAfterBody(req, res, 404, noRoutesText));
    outer = tls.createServer({
      cert: options.security.certPem,
      key: options.security.keyPem,
      // Undefined (no protocol in common) ends the handshake with no_application_protocol, as Go does.
      ALPNCallback: ({ protocols }) => alpnPreference.find((p) => protocols.includes(p)),
    });
    outer.on("secureConnection", (socket: tls.TLSSocket) => {
      if (socket.alpnProtocol === "h2") {
        h2.emit("connection", socket);
        return;
      }
      // http/1.1, or no ALPN at all (Go's server also falls back to HTTP/1.1).
      http1Sockets.add(socket);
      socket.once("close", () => http1Sockets.delete(socket));
      http1.emit("connection", socket);
    });
  }

  const sockets = new Set<Socket>();
  outer.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });

  const listening = outer;
  await new Promise<void>((resolve, reject) => {
    listening.once("error", reject);
    listening.listen(options.port, options.host, () => {
      listening.off("error", reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    port: (listening.address() as AddressInfo).port,
    grpcRequests() {
      let bufferedBytes = 0;
      for (const req of openGrpc) bufferedBytes += req.readableLength + req.stream.readableLength;
      return { open: openGrpc.size, bufferedBytes };
    },
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => listening.close(() => resolve()));
        for (const session of sessions) session.close();
        // Nothing on the HTTP/1.1 side is worth waiting for: it only ever says 404.
        for (const socket of http1Sockets) socket.destroy();
        const deadline = setTimeout(() => {
          for (const session of sessions) session.destroy();
          for (const socket of sockets) socket.destroy();
        }, stragglerGraceMs);
        await closed;
        clearTimeout(deadline);
      })();
      return closing;
    },
  };
}
