// ListExporters as a forwarding proxy sees it: the answer's bytes over the
// lab's TLS and HTTP/2, its exporters counted but not decoded. What the
// simulator costs, without the client's protobuf decoder.
import http2 from "node:http2";
import { create, toBinary } from "@bufbuild/protobuf";
import { BinaryReader, WireType } from "@bufbuild/protobuf/wire";
import { ListExportersRequestSchema } from "../src/gen/jumpstarter/client/v1/client_pb.js";
import type { CallIdentity } from "../server/lab/testing/lab-harness.js";

export interface RawListExporters {
  /** Resolves with the number of exporters in the answer. */
  call(): Promise<number>;
  close(): void;
}

export function rawListExporters(lab: { readonly url: string; readonly caPem: string; readonly identity: CallIdentity }, parent: string): RawListExporters {
  const session = http2.connect(lab.url, { ca: lab.caPem });
  const body = toBinary(ListExportersRequestSchema, create(ListExportersRequestSchema, { parent }));
  const frame = Buffer.alloc(5 + body.length);
  frame.writeUInt32BE(body.length, 1);
  frame.set(body, 5);
  const { identity } = lab;
  const call = () =>
    new Promise<number>((resolve, reject) => {
      const stream = session.request({
        ":method": "POST",
        ":path": "/jumpstarter.client.v1.ClientService/ListExporters",
        "content-type": "application/grpc",
        te: "trailers",
        authorization: `Bearer ${identity.token ?? ""}`,
        "jumpstarter-namespace": identity.namespace ?? "",
        "jumpstarter-kind": identity.kind ?? "",
        "jumpstarter-name": identity.name ?? "",
      });
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("trailers", (trailers: http2.IncomingHttpHeaders) => {
        if (trailers["grpc-status"] !== "0") reject(new Error(`ListExporters failed: ${String(trailers["grpc-message"])}`));
      });
      stream.on("error", reject);
      stream.on("end", () => {
        const reader = new BinaryReader(Buffer.concat(chunks).subarray(5));
        let exporters = 0;
        while (reader.pos < reader.len) {
          const [field, wireType] = reader.tag();
          if (field === 1 && wireType === WireType.LengthDelimited) exporters += 1;
          reader.skip(wireType);
        }
        resolve(exporters);
      });
      stream.end(frame);
    });
  return { call, close: () => session.close() };
}
