// `npm run lab`: the lab simulator as a process.
import { parseLabArgs, USAGE, UsageError } from "./cli-args.js";
import { startLab, type RunningLab } from "./lab.js";
import { ScenarioError } from "./scenario.js";

function exitWith(code: number, message: string): never {
  console.error(`lab: ${message}`);
  process.exit(code);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseLabArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) exitWith(2, `${e.message} (see --help)`);
    throw e;
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }

  let lab: RunningLab;
  try {
    lab = await startLab({
      host: args.host,
      port: args.port,
      dataDir: args.dataDir,
      scenario: args.scenario,
      ...(args.tls === undefined ? {} : { tls: args.tls }),
      ...(args.plaintext ? { plaintext: true } : {}),
      ...(args.seed === undefined ? {} : { seed: args.seed }),
      maxMessageBytes: args.maxMessageBytes,
      ...(args.simulate === undefined ? {} : { simulate: args.simulate }),
      ...(args.quiet ? {} : { log: (line: string) => console.log(`${new Date().toISOString()} ${line}`) }),
    });
  } catch (e) {
    if (e instanceof ScenarioError) exitWith(2, `bad scenario: ${e.message}`);
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT" && args.tls !== undefined) exitWith(2, `cannot read the TLS certificate or key: ${err.message}`);
    if (err.code === "EADDRINUSE") exitWith(1, `cannot listen on ${args.host}:${args.port}: the address is already in use`);
    exitWith(1, `cannot start: ${err.message}`);
  }

  console.log(`Lab simulator listening on ${lab.url}`);
  if (lab.caFile !== undefined) console.log(`CA certificate (what clients trust): ${lab.caFile}`);
  if (args.plaintext) console.log("Cleartext HTTP/2 (--plaintext): the real jmp only opens TLS channels and cannot connect");
  console.log(`Namespace: ${lab.namespace}`);
  for (const client of lab.clients) console.log(`Client ${client.name}: config ${client.configPath}`);

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`Stopping the lab simulator (${signal})`);
    lab.stop().then(
      () => process.exit(0),
      (e: unknown) => exitWith(1, `stop failed: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((e: unknown) => exitWith(1, e instanceof Error ? e.message : String(e)));
