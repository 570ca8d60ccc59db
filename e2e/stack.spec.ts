// The whole stack exactly as `npm start` runs it: the start script builds (or
// reuses) the SPA, starts the demo lab over TLS and the gateway trusting its
// CA, and prints how to sign in (config files, never tokens); a new user
// follows that and sees the lab; one Ctrl-C stops everything.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { parse } from "yaml";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

/** Collects the child's output and resolves once `pattern` shows up in it. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<{ match: RegExpMatchArray; output: () => string }> {
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(pattern)} within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(pattern);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ match, output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before printing ${String(pattern)}:\n${output}`));
    });
  });
}

test("npm start serves the portal against the demo lab and stops on one Ctrl-C", async ({ page }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), "portal-start-"));
  const port = await freePort();
  // `node --import tsx` rather than the tsx CLI: the signal must reach the script itself.
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port), "--data", dataDir], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const started = await waitForOutput(child, /Press Ctrl-C to stop/, 90_000);
    const text = started.output();
    expect(text).toContain(`Jumpstarter Lab Portal: http://127.0.0.1:${port}`);
    const labPort = Number(text.match(/Lab simulator \(namespace "lab"\) at https:\/\/127\.0\.0\.1:(\d+)/)?.[1]);
    expect(labPort).toBeGreaterThan(0);
    expect(text).toContain(`CA certificate (for jmp or another gateway): ${join(dataDir, "tls", "ca.pem")}`);
    const aliceConfig = text.match(/alice\s+(\S+alice\.yaml)/)?.[1];
    expect(aliceConfig, "the start script names alice's client config file").toBeDefined();
    const { token } = parse(readFileSync(aliceConfig ?? "", "utf8")) as { token: string };
    expect(token.length).toBeGreaterThan(0);
    expect(text, "a token is a secret: the start script never prints one").not.toContain(token);

    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page).toHaveURL(/\/sign-in/);
    await page.getByLabel("Client config file").setInputFiles(aliceConfig ?? "");
    await expect(page.getByText("client alice in namespace lab")).toBeVisible();
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("heading", { name: "Exporters", level: 1 })).toBeVisible();
    // The first board by name (the list is virtualised: boards far down are not in the page yet).
    await expect(page.getByRole("link", { name: "imx8mp-01" })).toBeVisible();
    // The page made many calls; without --access-log none of them scrolled the summary away.
    expect(started.output(), "no access-log lines by default").not.toMatch(/"method":"\/jumpstarter/);

    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
    expect(await portAnswers(port)).toBe(false);
    expect(await portAnswers(labPort)).toBe(false);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test("npm start says when a real controller does not answer, and keeps serving the portal", async ({ page }) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const dead = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--port", String(port), "--controller", `https://127.0.0.1:${dead}`], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    const said = await waitForOutput(child, /does not answer: (.*)/, 90_000);
    expect(said.output()).toContain(`The controller at https://127.0.0.1:${dead} does not answer`);
    expect(said.match[1]).toMatch(/cannot be reached|ECONNREFUSED/);
    // The portal itself is up: the sign-in page loads.
    await page.goto(`http://127.0.0.1:${port}/`);
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.kill("SIGINT");
    expect(await exited).toBe(0);
  } finally {
    if (child.exitCode === null) child.kill("SIGKILL");
  }
});
