// The lab simulator as `npm run lab` runs it, in a child process of the
// benchmark: its own event loop and CPU, TLS on a free 127.0.0.1 port, the
// data folder and scenario given. The benchmark's callers stay in the parent.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { stringify as toYaml, parse as parseYaml } from "yaml";
import type { Scenario } from "../server/lab/lab.js";
import type { CallIdentity } from "../server/lab/testing/lab-harness.js";
import { probeProcess } from "./process-probe.js";

export interface LabProcess {
  readonly url: string;
  readonly caPem: string;
  /** What `jmp` sends as the scenario's client `client`. */
  readonly identity: CallIdentity;
  /** CPU time the lab process has used so far (ms, user + system), or undefined off Linux. */
  cpuMs(): number | undefined;
  /** The CA file clients trust (its data folder's tls/ca.pem). */
  readonly caFile: string;
  stop(): Promise<void>;
}

export interface LabProcessOptions {
  readonly dataDir: string;
  /** A scenario, or the path of a scenario YAML file. */
  readonly scenario: Scenario | string;
  /** The scenario's namespace, which the calls name. */
  readonly namespace: string;
  /** The scenario client whose config file the identity comes from. */
  readonly client: string;
  /** Extra node flags for the lab (`--cpu-prof`, ...). */
  readonly nodeFlags?: readonly string[];
  /** Extra flags for the lab itself (`--no-simulation`, ...). */
  readonly labFlags?: readonly string[];
}

/** Starts the lab; resolves once it prints the address it listens on. */
export async function spawnLab({ dataDir, scenario, namespace, client, nodeFlags = [], labFlags = [] }: LabProcessOptions): Promise<LabProcess> {
  let scenarioFile = scenario;
  if (typeof scenarioFile !== "string") {
    scenarioFile = `${dataDir}-scenario.yaml`;
    writeFileSync(scenarioFile, toYaml(scenario));
  }
  const server = await spawnServer("server/lab/main.ts", ["--listen", "127.0.0.1:0", "--data", dataDir, "--scenario", scenarioFile, "--quiet", ...labFlags], {
    nodeFlags,
    listening: /^Lab simulator listening on (https:\/\/\S+)$/,
    name: "the lab",
  });
  const { url } = server;
  const config = parseYaml(readFileSync(join(dataDir, "clients", `${client}.yaml`), "utf8")) as { token?: string };
  const probe = probeProcess(server.pid);
  const caFile = join(dataDir, "tls", "ca.pem");
  return {
    url,
    caFile,
    caPem: readFileSync(caFile, "utf8"),
    identity: { token: config.token ?? "", namespace, kind: "Client", name: client },
    cpuMs: probe.cpuMs,
    stop: () => server.stop(),
  };
}

/** A server of this repository in a child process, once it has printed the address it listens on. */
export interface SpawnedServer {
  readonly url: string;
  readonly pid: number | undefined;
  /** SIGTERM, resolved once it has exited. */
  stop(): Promise<void>;
}

/** Starts `script` (as `npm run lab` or `npm run gateway` would) and waits for its `listening` line; its other output is read and dropped. */
export async function spawnServer(
  script: string,
  args: readonly string[],
  options: {
    readonly nodeFlags: readonly string[];
    readonly listening: RegExp;
    readonly name: string;
    /** A line to wait for after the listening one (work the server does at start, off the measured calls). */
    readonly ready?: string;
  },
): Promise<SpawnedServer> {
  // tsx as a loader in this one process (the tsx CLI would run it in a grandchild, whose CPU we could not read).
  const child = spawn(process.execPath, [...options.nodeFlags, "--import", "tsx", script, ...args], {
    cwd: join(import.meta.dirname, ".."),
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // Whatever happens to the benchmark, its servers go with it.
  process.once("exit", () => child.kill("SIGKILL"));
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on("line", (line) => {
      const match = options.listening.exec(line);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    void exited.then(() => reject(new Error(`${options.name} exited before listening`)));
  });
  const { ready } = options;
  if (ready !== undefined) {
    await new Promise<void>((resolve, reject) => {
      lines.on("line", (line) => {
        if (line.startsWith(ready)) resolve();
      });
      void exited.then(() => reject(new Error(`${options.name} exited before "${ready}"`)));
    });
  }
  return {
    url,
    pid: child.pid,
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}
