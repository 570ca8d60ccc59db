// The lab's request size limit (issue 12, item 6): a frame declaring more than
// the limit is refused from its header with RESOURCE_EXHAUSTED, in grpc-go's
// words, before its bytes are kept; the connection's other streams go on.
// Raw HTTP/2 over the lab's real TLS port, so the frames are exactly these.
import http2 from "node:http2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startLab } from "./lab.js";
import { DEFAULT_MAX_MESSAGE_BYTES, goStyleLimitText } from "./message-limit.js";
import { startTestLab, TEST_SCENARIO, until, type TestLab } from "./testing/lab-harness.js";

const healthCheck = "/grpc.health.v1.Health/Check";
/** A gRPC frame of HealthCheckResponse{status: SERVING}. */
const servingFrame = Buffer.from([0, 0, 0, 0, 2, 0x08, 0x01]);

function varintLength(n: number): number {
  let length = 1;
  while (n >= 0x80) {
    n = Math.floor(n / 0x80);
    length += 1;
  }
  return length;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  while (n >= 0x80) {
    bytes.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  bytes.push(n);
  return Buffer.from(bytes);
}

/** A HealthCheckRequest for service "" of exactly `size` bytes: padding in unknown field 15, which parsers skip. */
function paddedHealthRequest(size: number): Buffer {
  for (let lengthBytes = 1; lengthBytes <= 5; lengthBytes++) {
    const padding = size - 1 - lengthBytes;
    if (padding >= 0 && varintLength(padding) === lengthBytes) return Buffer.concat([Buffer.from([(15 << 3) | 2]), varint(padding), Buffer.alloc(padding, 0x61)]);
  }
  throw new Error(`no padded request of ${size} bytes`);
}

function frame(message: Buffer): Buffer {
  const header = Buffer.alloc(5);
  header.writeUInt32BE(message.byteLength, 1);
  return Buffer.concat([header, message]);
}

interface Answer {
  readonly grpcStatus: string | undefined;
  readonly grpcMessage: string | undefined;
  readonly body: Buffer;
}

function answerOf(stream: http2.ClientHttp2Stream): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let grpcStatus: string | undefined;
    let grpcMessage: string | undefined;
    const read = (h: http2.IncomingHttpHeaders): void => {
      if (typeof h["grpc-status"] === "string") grpcStatus = h["grpc-status"];
      if (typeof h["grpc-message"] === "string") grpcMessage = decodeURIComponent(h["grpc-message"]);
    };
    stream.on("response", read);
    stream.on("trailers", read);
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.once("end", () => resolve({ grpcStatus, grpcMessage, body: Buffer.concat(chunks) }));
    stream.once("error", reject);
  });
}

function grpcRequest(session: http2.ClientHttp2Session, path: string): http2.ClientHttp2Stream {
  return session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers" });
}

/** One complete unary call of `message` over `session`. */
function call(session: http2.ClientHttp2Session, message: Buffer): Promise<Answer> {
  const stream = grpcRequest(session, healthCheck);
  const answer = answerOf(stream);
  stream.end(frame(message));
  return answer;
}

function connect(lab: TestLab): http2.ClientHttp2Session {
  const session = http2.connect(lab.lab.url, { ca: lab.lab.caPem });
  session.on("error", () => undefined);
  return session;
}

describe("goStyleLimitText", () => {
  it("says Connect's refusal as grpc-go does, and leaves other texts alone", () => {
    expect(goStyleLimitText("message size 2147483648 is larger than configured readMaxBytes 4194304")).toBe("grpc: received message larger than max (2147483648 vs. 4194304)");
    expect(goStyleLimitText("unknown service")).toBe("unknown service");
  });
});

describe("the lab's request size limit (issue 12, item 6) [T2]", () => {
  let lab: TestLab;
  beforeAll(async () => {
    lab = await startTestLab();
  });
  afterAll(async () => {
    await lab.close();
  });

  it("is grpc-go's 4 MiB by default", () => {
    expect(DEFAULT_MAX_MESSAGE_BYTES).toBe(4_194_304);
  });

  it("refuses a frame declaring 2 GiB from its header, keeps none of it, and serves the connection's other streams", async () => {
    const session = connect(lab);
    try {
      const buffersBefore = process.memoryUsage().arrayBuffers;
      const big = grpcRequest(session, healthCheck);
      const refused = answerOf(big);
      const reset = new Promise<void>((resolve) => big.once("aborted", resolve));
      const header = Buffer.alloc(5);
      header.writeUInt32BE(2 ** 31, 1);
      big.write(header);
      // Then up to 16 MiB more, as fast as the server takes them: one reused chunk, so the client holds little.
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      let sent = 0;
      const pump = (): void => {
        while (sent < 16 * 1024 * 1024 && !big.closed) {
          sent += chunk.byteLength;
          if (!big.write(chunk)) {
            big.once("drain", pump);
            return;
          }
        }
      };
      pump();
      // Another stream of the same connection, while the big one is being refused.
      const meanwhile = call(session, paddedHealthRequest(10));

      const answer = await refused;
      expect(answer.grpcStatus).toBe("8");
      expect(answer.grpcMessage).toBe("grpc: received message larger than max (2147483648 vs. 4194304)");
      expect((await meanwhile).grpcStatus).toBe("0");
      // The server reset the refused stream (NO_ERROR) instead of reading on.
      await reset;
      expect(big.rstCode).toBe(http2.constants.NGHTTP2_NO_ERROR);
      await until("the refused request to be let go", () => {
        const load = lab.lab.grpcRequests();
        return load.open === 0 ? load : undefined;
      });
      expect(lab.lab.grpcRequests()).toEqual({ open: 0, bufferedBytes: 0 });
      // Nothing near the declared 2 GiB (nor the 16 MiB offered) was allocated for it.
      expect(process.memoryUsage().arrayBuffers - buffersBefore).toBeLessThan(16 * 1024 * 1024);

      // And the connection goes on serving.
      const after = await call(session, paddedHealthRequest(10));
      expect(after.grpcStatus).toBe("0");
      expect(after.body).toEqual(servingFrame);
    } finally {
      session.destroy();
    }
  });

  it("answers a request of exactly 4 MiB and refuses one byte more", async () => {
    const session = connect(lab);
    try {
      const atLimit = await call(session, paddedHealthRequest(4 * 1024 * 1024));
      expect(atLimit).toMatchObject({ grpcStatus: "0", body: servingFrame });
      const over = await call(session, paddedHealthRequest(4 * 1024 * 1024 + 1));
      expect(over).toMatchObject({ grpcStatus: "8", grpcMessage: "grpc: received message larger than max (4194305 vs. 4194304)" });
    } finally {
      session.destroy();
    }
  });
});

describe("the maxMessageBytes option (issue 12, item 6)", () => {
  it("sets the limit", async () => {
    const lab = await startTestLab({ maxMessageBytes: 1024 });
    const session = connect(lab);
    try {
      expect(await call(session, paddedHealthRequest(1024))).toMatchObject({ grpcStatus: "0", body: servingFrame });
      expect(await call(session, paddedHealthRequest(1025))).toMatchObject({ grpcStatus: "8", grpcMessage: "grpc: received message larger than max (1025 vs. 1024)" });
    } finally {
      session.destroy();
      await lab.close();
    }
  });

  it.each([0, 1.5, 2 ** 32])("refuses %d with a clear message", async (maxMessageBytes) => {
    await expect(startLab({ dataDir: "/nonexistent-never-created", scenario: TEST_SCENARIO, maxMessageBytes })).rejects.toThrow(
      `the largest request message must be a whole number of bytes from 1 to 4294967295, not ${maxMessageBytes}`,
    );
  });
});
