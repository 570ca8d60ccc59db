// The answer's frames followed across DATA chunks, whatever their boundaries
// (issue 13: the pass-through forwards the chunks and never joins them).
import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { createFrameScanner } from "./grpc-frame-scanner.js";
import { grpcFrame } from "./testing/fake-controller.js";

function codeOf(run: () => void): { code: Code; message: string } | undefined {
  try {
    run();
  } catch (e) {
    const err = ConnectError.from(e);
    return { code: err.code, message: err.rawMessage };
  }
  return undefined;
}

/** `bytes` cut into chunks of `size`. */
function chunks(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

describe("createFrameScanner", () => {
  it.each([1, 2, 4, 5, 6, 1000])("follows one message frame cut into chunks of %i bytes", (size) => {
    const scanner = createFrameScanner(1024);
    const parts = chunks(grpcFrame(Buffer.alloc(300, 7)), size);
    for (const [i, part] of parts.entries()) {
      scanner.push(part);
      expect(scanner.midFrame, `after chunk ${i}`).toBe(i < parts.length - 1);
    }
    expect(scanner.messages).toBe(1);
    expect(scanner.compressed).toBe(false);
  });

  it("counts an empty message as a message", () => {
    const scanner = createFrameScanner(1024);
    scanner.push(grpcFrame(Buffer.alloc(0)));
    expect({ messages: scanner.messages, midFrame: scanner.midFrame }).toEqual({ messages: 1, midFrame: false });
  });

  it("refuses a frame whose header promises more than the limit, before any of its payload", () => {
    const scanner = createFrameScanner(100);
    const header = grpcFrame(Buffer.alloc(101)).subarray(0, 5);
    expect(codeOf(() => scanner.push(header))).toEqual({ code: Code.ResourceExhausted, message: "message size 101 is larger than configured readMaxBytes 100" });
  });

  it("takes a frame of exactly the limit", () => {
    const scanner = createFrameScanner(100);
    expect(codeOf(() => scanner.push(grpcFrame(Buffer.alloc(100))))).toBeUndefined();
  });

  it("refuses a second message at its header, even inside the chunk that ends the first", () => {
    const scanner = createFrameScanner(1024);
    const two = Buffer.concat([grpcFrame(Buffer.alloc(10)), grpcFrame(Buffer.alloc(10)).subarray(0, 5)]);
    expect(codeOf(() => scanner.push(two))).toEqual({ code: Code.Unimplemented, message: "protocol error: received extra output message for unary method" });
  });

  it("tells a compressed frame", () => {
    const scanner = createFrameScanner(1024);
    const frame = grpcFrame(Buffer.alloc(3));
    frame[0] = 0x01;
    scanner.push(frame);
    expect(scanner.compressed).toBe(true);
  });

  it("tells an answer cut inside a frame header from one cut inside a payload, and from a whole one", () => {
    const frame = grpcFrame(Buffer.alloc(20));
    const inHeader = createFrameScanner(1024);
    inHeader.push(frame.subarray(0, 3));
    const inPayload = createFrameScanner(1024);
    inPayload.push(frame.subarray(0, 10));
    const whole = createFrameScanner(1024);
    whole.push(frame);
    expect([inHeader.midFrame, inPayload.midFrame, whole.midFrame]).toEqual([true, true, false]);
  });
});
