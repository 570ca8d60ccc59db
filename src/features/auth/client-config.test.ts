import { describe, expect, it } from "vitest";
import { parseClientConfig } from "@/features/auth/client-config";

const alice = `apiVersion: jumpstarter.dev/v1alpha1
kind: ClientConfig
metadata:
  namespace: lab
  name: alice
endpoint: 127.0.0.1:8082
tls:
  ca: ""
  insecure: true
token: alice-token
drivers:
  allow: []
  unsafe: false
`;

describe("parseClientConfig", () => {
  it("reads the namespace, client name, token, endpoint and TLS settings", () => {
    expect(parseClientConfig(alice)).toEqual({
      ok: true,
      config: {
        namespace: "lab",
        clientName: "alice",
        token: "alice-token",
        endpoint: "127.0.0.1:8082",
        tls: { insecure: true, hasCa: false },
      },
    });
  });

  it("accepts a minimal file without kind, endpoint or tls", () => {
    const r = parseClientConfig("metadata: {namespace: lab, name: bob}\ntoken: ' bob-token '\n");
    expect(r).toEqual({ ok: true, config: { namespace: "lab", clientName: "bob", token: "bob-token" } });
  });

  it("says so when the file is not YAML, with the line", () => {
    const r = parseClientConfig("metadata:\n  name: [alice\ntoken: x\n", "alice.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^alice\.yaml is not valid YAML \(line \d+\)/);
  });

  it("says so when the file is YAML but not a mapping", () => {
    const r = parseClientConfig("just some words\n", "notes.txt");
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^notes\.txt is YAML but not a jmp client config/) as unknown });
  });

  it("names every missing field", () => {
    const r = parseClientConfig("kind: ClientConfig\nmetadata:\n  name: alice\n", "alice.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.message).toContain("no token");
      expect(r.message).toContain("no metadata.namespace");
      expect(r.message).not.toMatch(/no metadata\.name(?!space)/);
    }
  });

  it("treats an empty token as missing", () => {
    const r = parseClientConfig('metadata: {namespace: lab, name: alice}\ntoken: ""\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("no token");
  });

  it("recognises an exporter config", () => {
    const r = parseClientConfig("kind: ExporterConfig\nmetadata: {namespace: lab, name: rcar}\ntoken: t\n", "rcar.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain("exporter's config");
  });

  it("rejects an empty file", () => {
    const r = parseClientConfig("  \n", "empty.yaml");
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^empty\.yaml is empty/);
  });

  it("reads a numeric client name as text", () => {
    const r = parseClientConfig("metadata: {namespace: lab, name: 42}\ntoken: t\n");
    expect(r.ok && r.config.clientName).toBe("42");
  });
});
