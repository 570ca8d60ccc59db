// CLI: `tsx server/gateway/main.ts --controller URL [...]` (see --help).
import { existsSync } from "node:fs";
import { ConfigError, parseCommandLine, usage } from "./config.js";
import { startGateway } from "./gateway.js";
import { STATIC_FILES_READY } from "./static-files.js";

async function main(): Promise<void> {
  let command;
  try {
    command = parseCommandLine(process.argv.slice(2), process.env, existsSync("dist") ? "dist" : undefined);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`portal gateway: ${e.message}`);
    process.exit(2);
  }
  if (command.kind === "help") {
    console.log(usage);
    return;
  }

  let gateway;
  try {
    gateway = await startGateway({ precompress: true, ...command.options });
  } catch (e) {
    console.error(`portal gateway: cannot start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  const { options } = command;
  console.log(`Portal gateway listening on ${gateway.url}`);
  console.log(`Forwarding jumpstarter.client.v1.ClientService to ${options.controller}${options.staticDir === undefined ? "" : `; serving ${options.staticDir}`}`);
  if (options.staticDir !== undefined) {
    const started = performance.now();
    void gateway.staticFilesReady.then(() => console.log(`${STATIC_FILES_READY} (${Math.round(performance.now() - started)} ms)`));
  }

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(1); // a second Ctrl-C: do not wait
    stopping = true;
    console.error(`portal gateway: ${signal}, stopping`);
    gateway.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(`portal gateway: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
