// `jmp`-style client config files, one per client, so a person can sign in to
// the portal (or use the jmp CLI) with what they would have in a real lab.
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { stringify } from "yaml";

export interface ClientConfigInput {
  readonly namespace: string;
  readonly name: string;
  readonly token: string;
  /** host:port as a client dials it. */
  readonly endpoint: string;
}

export function clientConfigYaml(input: ClientConfigInput): string {
  return stringify({
    apiVersion: "jumpstarter.dev/v1alpha1",
    kind: "ClientConfig",
    metadata: { namespace: input.namespace, name: input.name },
    endpoint: input.endpoint,
    tls: { ca: "", insecure: true },
    token: input.token,
    drivers: { allow: [], unsafe: false },
  });
}

/** Writes `<dataDir>/clients/<name>.yaml` (atomically) and returns its absolute path. */
export function writeClientConfig(dataDir: string, input: ClientConfigInput): string {
  const dir = resolve(dataDir, "clients");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${input.name}.yaml`);
  const temp = `${path}.tmp`;
  writeFileSync(temp, clientConfigYaml(input), { mode: 0o600 });
  renameSync(temp, path);
  return path;
}
