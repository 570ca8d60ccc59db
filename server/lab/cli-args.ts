// Command-line flags of `npm run lab`.
import { parseArgs } from "node:util";
import { DEFAULT_MAX_MESSAGE_BYTES, MAX_MESSAGE_BYTES_CEILING } from "./message-limit.js";

export const USAGE = `Usage: npm run lab -- [options]
  --listen HOST:PORT   address to serve gRPC on (default 127.0.0.1:8082; port 0 picks a free one)
  --data DIR           where the lab keeps its database and client configs (default lab-data)
  --scenario FILE      scenario YAML (default scenarios/demo.yaml)
  --tls-cert FILE      serve TLS with this certificate (PEM; needs --tls-key) instead of one
                       signed by the lab's own CA (made once in DIR/tls/, trust DIR/tls/ca.pem)
  --tls-key FILE       private key for --tls-cert (PEM)
  --plaintext          serve cleartext HTTP/2 (h2c) instead of TLS; the real jmp cannot connect
  --max-message-bytes N
                       largest request message read (default ${DEFAULT_MAX_MESSAGE_BYTES}: 4 MiB, as grpc-go);
                       a larger one is refused with RESOURCE_EXHAUSTED from its frame header
  --seed N             seed for the simulation (overrides the scenario's)
  --no-simulation      keep the lab still even if the scenario has a simulation
  --quiet              do not log lease and exporter events
  --help               show this help`;

export interface LabArgs {
  readonly help: boolean;
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly scenario: string;
  readonly tls: { certFile: string; keyFile: string } | undefined;
  readonly plaintext: boolean;
  readonly seed: number | undefined;
  readonly maxMessageBytes: number;
  readonly simulate: boolean | undefined;
  readonly quiet: boolean;
}

export class UsageError extends Error {}

function listenAddress(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d{1,5})$/.exec(text);
  const port = Number(match?.[3]);
  if (match === null || port > 65_535) {
    throw new UsageError(`--listen ${JSON.stringify(text)} is not HOST:PORT (e.g. 127.0.0.1:8082, or port 0 for a free one)`);
  }
  const host = match[1] ?? match[2] ?? "";
  return { host: host === "" ? "127.0.0.1" : host, port };
}

export function parseLabArgs(argv: readonly string[]): LabArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        listen: { type: "string" },
        data: { type: "string" },
        scenario: { type: "string" },
        "tls-cert": { type: "string" },
        "tls-key": { type: "string" },
        plaintext: { type: "boolean" },
        seed: { type: "string" },
        "max-message-bytes": { type: "string" },
        "no-simulation": { type: "boolean" },
        quiet: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  const { host, port } = listenAddress(values.listen ?? "127.0.0.1:8082");
  const cert = values["tls-cert"];
  const key = values["tls-key"];
  if ((cert === undefined) !== (key === undefined)) throw new UsageError("--tls-cert and --tls-key go together: give both or neither");
  const plaintext = values.plaintext === true;
  if (plaintext && cert !== undefined) throw new UsageError("--plaintext serves no TLS: leave out --tls-cert and --tls-key");
  let seed: number | undefined;
  if (values.seed !== undefined) {
    seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || !Number.isSafeInteger(seed)) throw new UsageError(`--seed ${JSON.stringify(values.seed)} is not a whole number`);
  }
  let maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
  const maxText = values["max-message-bytes"];
  if (maxText !== undefined) {
    maxMessageBytes = Number(maxText);
    if (!/^\d+$/.test(maxText) || maxMessageBytes < 1 || maxMessageBytes > MAX_MESSAGE_BYTES_CEILING) {
      throw new UsageError(`--max-message-bytes ${JSON.stringify(maxText)} is not a whole number of bytes from 1 to ${MAX_MESSAGE_BYTES_CEILING}`);
    }
  }
  return {
    help: values.help === true,
    host,
    port,
    dataDir: values.data ?? "lab-data",
    scenario: values.scenario ?? "scenarios/demo.yaml",
    tls: cert !== undefined && key !== undefined ? { certFile: cert, keyFile: key } : undefined,
    plaintext,
    seed,
    maxMessageBytes,
    simulate: values["no-simulation"] === true ? false : undefined,
    quiet: values.quiet === true,
  };
}
