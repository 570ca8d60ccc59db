// The jmp client configs the lab writes [J1]: in the default TLS mode a
// client made from nothing but the file (endpoint, base64 tls.ca, token,
// metadata), the way jmp makes its channel [J2][J3], reaches the lab.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { create, fromBinary, toBinary, type DescMessage, type MessageShape } from "@bufbuild/protobuf";
import * as grpc from "@grpc/grpc-js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { HealthCheckRequestSchema, HealthCheckResponseSchema, HealthCheckResponse_ServingStatus as ServingStatus } from "../../src/gen/grpc/health/v1/health_pb.js";
import { ListExportersRequestSchema, ListExportersResponseSchema } from "../../src/gen/jumpstarter/client/v1/client_pb.js";
import { clientConfigYaml } from "./client-config.js";
import { startTestLab, type TestLab } from "./testing/lab-harness.js";
import { ensureTlsMaterial } from "./tls-material.js";

interface JmpConfig {
  metadata: { namespace: string; name: string };
  endpoint: string;
  tls: { ca: string; insecure: boolean };
  token: string;
}

function readConfig(path: string): JmpConfig {
  const config = parse(readFileSync(path, "utf8")) as Partial<JmpConfig>;
  const { metadata, endpoint, tls, token } = config;
  if (metadata === undefined || endpoint === undefined || tls === undefined || token === undefined) throw new Error(`${path} is not a complete client config`);
  return { metadata, endpoint, tls, token };
}

/** A gRPC channel as jmp opens one from its config: always TLS, trusting tls.ca when given, else the system roots. */
function channelFrom(config: JmpConfig): grpc.Client {
  const credentials = config.tls.ca === "" ? grpc.credentials.createSsl() : grpc.credentials.createSsl(Buffer.from(config.tls.ca, "base64"));
  return new grpc.Client(config.endpoint, credentials);
}

/** The metadata of every jmp call [H1][J3]. */
function metadataFrom(config: JmpConfig): grpc.Metadata {
  const metadata = new grpc.Metadata();
  metadata.set("authorization", `Bearer ${config.token}`);
  metadata.set("jumpstarter-namespace", config.metadata.namespace);
  metadata.set("jumpstarter-kind", "Client");
  metadata.set("jumpstarter-name", config.metadata.name);
  return metadata;
}

function unary<I extends DescMessage, O extends DescMessage>(
  channel: grpc.Client,
  path: string,
  input: I,
  output: O,
  request: MessageShape<I>,
  metadata: grpc.Metadata,
): Promise<MessageShape<O>> {
  return new Promise((resolve, reject) => {
    channel.makeUnaryRequest(
      path,
      (message: MessageShape<I>) => Buffer.from(toBinary(input, message)),
      (bytes: Buffer) => fromBinary(output, bytes),
      request,
      metadata,
      (error, response) => (error === null && response !== undefined ? resolve(response) : reject(error ?? new Error("no response"))),
    );
  });
}

describe("in the default TLS mode", () => {
  let t: TestLab;

  beforeAll(async () => {
    t = await startTestLab();
  });

  afterAll(async () => {
    await t.close();
  });

  it("names the endpoint and carries the lab's CA, verification on [J1]", () => {
    const alice = t.lab.clients.find((c) => c.name === "alice");
    const config = readConfig(alice?.configPath ?? "");
    expect(config.endpoint).toBe(t.lab.endpoint);
    expect(config.tls.insecure).toBe(false);
    expect(Buffer.from(config.tls.ca, "base64").toString("utf8")).toBe(t.lab.caPem);
    expect(config.metadata).toEqual({ namespace: "lab", name: "alice" });
    expect(config.token).toBe(alice?.token);
  });

  it("lets a client made only from the file reach the lab and get an answer [J2][J3]", async () => {
    const config = readConfig(t.lab.clients.find((c) => c.name === "alice")?.configPath ?? "");
    const channel = channelFrom(config);
    try {
      const parent = `namespaces/${config.metadata.namespace}`;
      const request = create(ListExportersRequestSchema, { parent, filter: "board=rpi5" });
      const answer = await unary(channel, "/jumpstarter.client.v1.ClientService/ListExporters", ListExportersRequestSchema, ListExportersResponseSchema, request, metadataFrom(config));
      expect(answer.exporters.map((e) => e.name)).toEqual(["namespaces/lab/exporters/rpi5-01", "namespaces/lab/exporters/rpi5-02"]);
      const health = await unary(
        channel,
        "/grpc.health.v1.Health/Check",
        HealthCheckRequestSchema,
        HealthCheckResponseSchema,
        create(HealthCheckRequestSchema, { service: "" }),
        new grpc.Metadata(),
      );
      expect(health.status).toBe(ServingStatus.SERVING);
    } finally {
      channel.close();
    }
  });
});

describe("in the other modes", () => {
  it("says in plaintext mode that the real jmp cannot use the endpoint [T9]", async () => {
    const t = await startTestLab({ plaintext: true });
    try {
      const text = readFileSync(t.lab.clients[0]?.configPath ?? "", "utf8");
      expect(readConfig(t.lab.clients[0]?.configPath ?? "").tls).toEqual({ ca: "", insecure: true });
      expect(text).toMatch(/^# .*cleartext HTTP\/2[\s\S]*jmp only opens\n# TLS channels \[J2\] and cannot use this endpoint/m);
      expect(text.indexOf("# This lab simulator serves cleartext")).toBeLessThan(text.indexOf("tls:"));
    } finally {
      await t.close();
    }
  });

  it("leaves tls.ca empty (the system roots) for a certificate of your own", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), "lab-config-cert-"));
    try {
      const own = await ensureTlsMaterial(elsewhere, { listenHost: "127.0.0.1" });
      const t = await startTestLab({ tls: { certFile: own.certFile, keyFile: own.keyFile } });
      try {
        const path = t.lab.clients[0]?.configPath ?? "";
        expect(readConfig(path).tls).toEqual({ ca: "", insecure: false });
        expect(readFileSync(path, "utf8")).toContain("# tls.ca is empty: jmp verifies the lab's certificate with the system roots.");
      } finally {
        await t.close();
      }
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it("writes the CA as base64 of its PEM, with no comment", () => {
    const pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    const text = clientConfigYaml({ namespace: "lab", name: "alice", token: "t", endpoint: "localhost:8082", transport: { kind: "tls", caPem: pem } });
    expect(text).not.toContain("#");
    expect(parse(text)).toMatchObject({ endpoint: "localhost:8082", tls: { ca: Buffer.from(pem).toString("base64"), insecure: false } });
  });
});
