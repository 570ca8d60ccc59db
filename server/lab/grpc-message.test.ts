import { describe, expect, it } from "vitest";
import { encodeGrpcMessage } from "./grpc-message.js";

describe("encodeGrpcMessage (the gRPC spec's Percent-Encoded, as Go servers send it)", () => {
  it.each([
    ["invalid continue token: bad", "invalid continue token: bad"],
    ['leases.jumpstarter.dev "x" not found', 'leases.jumpstarter.dev "x" not found'],
    ["100% (i.e. )", "100%25 (i.e. )"],
    ["line\nbreak", "line%0Abreak"],
    ["µs", "%C2%B5s"],
  ])("%j -> %j", (text, encoded) => {
    expect(encodeGrpcMessage(text)).toBe(encoded);
    expect(decodeURIComponent(encoded)).toBe(text);
  });
});
