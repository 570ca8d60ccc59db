// `npm run lab` serves TLS by default and says where its CA is: what a person
// needs to point jmp or the gateway at it.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { createClient } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { Health, HealthCheckResponse_ServingStatus as ServingStatus } from "../../src/gen/grpc/health/v1/health_pb.js";
import { labTransport, TEST_SCENARIO } from "./testing/lab-harness.js";

const repo = join(import.meta.dirname, "..", "..");

describe("the lab command over TLS [T9]", () => {
  it("prints its https:// URL and its CA file, and answers a client that trusts that CA", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "lab-main-tls-"));
    const child = spawn(process.execPath, ["--import", "tsx", "server/lab/main.ts", "--listen", "127.0.0.1:0", "--data", dataDir, "--scenario", TEST_SCENARIO, "--quiet"], {
      cwd: repo,
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const printed: string[] = [];
      await new Promise<void>((resolve, reject) => {
        createInterface({ input: child.stdout }).on("line", (line) => {
          printed.push(line);
          if (line.startsWith("Namespace:")) resolve();
        });
        void exited.then((code) => reject(new Error(`lab exited with ${code}: ${stderr}`)));
      });
      const url = /^Lab simulator listening on (https:\/\/127\.0\.0\.1:\d+)$/.exec(printed[0] ?? "")?.[1];
      expect(url, printed.join("\n")).toBeDefined();
      const caFile = join(dataDir, "tls", "ca.pem");
      expect(printed[1]).toBe(`CA certificate (what clients trust): ${caFile}`);
      const health = createClient(Health, labTransport({ url: url ?? "", caPem: readFileSync(caFile, "utf8") }));
      expect((await health.check({ service: "" })).status).toBe(ServingStatus.SERVING);
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
