// The lab simulator and the portal gateway as `npm run lab` and `npm run
// gateway` run them: each a child process of the benchmark with its own event
// loop and CPU, on free 127.0.0.1 ports, the gateway pointed at the lab over
// TLS. The benchmark's callers stay in the parent, so their CPU is never
// charged to the gateway (issue 13).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { STATIC_FILES_READY } from "../server/gateway/static-files.js";
import { spawnLab, spawnServer, type LabProcess, type LabProcessOptions } from "./lab-process.js";
import { probeProcess, type ProcessProbe } from "./process-probe.js";

export interface GatewayProcess extends ProcessProbe {
  readonly url: string;
  stop(): Promise<void>;
}

export interface StackProcesses {
  readonly lab: LabProcess;
  readonly gateway: GatewayProcess;
  stop(): Promise<void>;
}

/** Starts the gateway in front of `controller`; resolves once it prints the address it listens on. */
export async function spawnGateway(controller: string, caFile: string, nodeFlags: readonly string[] = []): Promise<GatewayProcess> {
  // As `npm run gateway` runs it: it also serves ./dist when that exists (off the measured path),
  // compressing its files at start: the calls are measured once that is done.
  // Its call log (one line per call) is read and dropped, as a log collector would.
  const server = await spawnServer("server/gateway/main.ts", ["--controller", controller, "--ca-file", caFile, "--listen", "127.0.0.1:0"], {
    nodeFlags,
    listening: /^Portal gateway listening on (http:\/\/\S+)$/,
    name: "the gateway",
    ...(existsSync(join(import.meta.dirname, "..", "dist")) ? { ready: STATIC_FILES_READY } : {}),
  });
  return { url: server.url, ...probeProcess(server.pid), stop: () => server.stop() };
}

/** The lab (as `spawnLab` starts it) and a gateway in front of it; `gatewayNodeFlags` such as `--cpu-prof`. */
export async function spawnStack(lab: LabProcessOptions, gatewayNodeFlags: readonly string[] = []): Promise<StackProcesses> {
  const labProcess = await spawnLab(lab);
  let gateway: GatewayProcess;
  try {
    gateway = await spawnGateway(labProcess.url, labProcess.caFile, gatewayNodeFlags);
  } catch (e) {
    await labProcess.stop();
    throw e;
  }
  return {
    lab: labProcess,
    gateway,
    async stop() {
      await gateway.stop();
      await labProcess.stop();
    },
  };
}
