// `jmp`-style client config files, one per client, so a person can sign in to
// the portal (or use the jmp CLI) with what they would have in a real lab.
import { chmodSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Document, isMap, isScalar } from "yaml";
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from "./data-folder.js";

export interface ClientConfigInput {
  readonly namespace: string;
  readonly name: string;
  readonly token: string;
  /** host:port as a client dials it. */
  readonly endpoint: string;
  /** How the lab is reached: what goes into the `tls` section. */
  readonly transport: ClientTransport;
}

/**
 * TLS with the CA that signs the lab's certificate (its default), TLS with
 * a certificate of the operator's (caPem undefined: the system roots must
 * verify it), or the simulator's cleartext mode.
 */
export type ClientTransport = { readonly kind: "tls"; readonly caPem: string | undefined } | { readonly kind: "plaintext" };

/** The `tls` section of a jmp config [J1]: `ca` is base64 of a PEM bundle, or empty for the system roots. */
function tlsSection(transport: ClientTransport): { section: { ca: string; insecure: boolean }; comment: string | undefined } {
  switch (transport.kind) {
    case "tls":
      return transport.caPem === undefined
        ? {
            section: { ca: "", insecure: false },
            comment: " tls.ca is empty: jmp verifies the lab's certificate with the system roots.\n If they do not know its CA, put the base64 of the CA's PEM here.",
          }
        : { section: { ca: Buffer.from(transport.caPem, "utf8").toString("base64"), insecure: false }, comment: undefined };
    case "plaintext":
      return {
        section: { ca: "", insecure: true },
        comment:
          " This lab simulator serves cleartext HTTP/2 (--plaintext). The real jmp only opens\n TLS channels [J2] and cannot use this endpoint, tls.insecure or not; start the lab\n without --plaintext for that.",
      };
  }
}

export function clientConfigYaml(input: ClientConfigInput): string {
  const tls = tlsSection(input.transport);
  const doc = new Document({
    apiVersion: "jumpstarter.dev/v1alpha1",
    kind: "ClientConfig",
    metadata: { namespace: input.namespace, name: input.name },
    endpoint: input.endpoint,
    tls: tls.section,
    token: input.token,
    drivers: { allow: [], unsafe: false },
  });
  if (tls.comment !== undefined && isMap(doc.contents)) {
    const key = doc.contents.items.find((pair) => isScalar(pair.key) && pair.key.value === "tls")?.key;
    if (isScalar(key)) key.commentBefore = tls.comment;
  }
  return doc.toString();
}

/** Writes `<dataDir>/clients/<name>.yaml` (atomically) and returns its absolute path. */
export function writeClientConfig(dataDir: string, input: ClientConfigInput): string {
  const dir = resolve(dataDir, "clients");
  ensurePrivateFolder(dir);
  const path = join(dir, `${input.name}.yaml`);
  const temp = `${path}.tmp`;
  writeFileSync(temp, clientConfigYaml(input), { mode: PRIVATE_FILE_MODE });
  // The mode above applies only to a new file: a temp file left by a crash keeps its own.
  chmodSync(temp, PRIVATE_FILE_MODE);
  renameSync(temp, path);
  return path;
}
