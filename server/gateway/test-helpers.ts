// Shared by the gateway tests: a tiny built SPA, raw HTTP requests (fetch
// normalises paths, traversal attempts need the raw bytes), a closed port.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const appJs = `// the portal bundle\n${"export const line = 'a line of JavaScript that compresses well';\n".repeat(100)}`;
export const indexHtml = `<!doctype html>
<html><head><meta charset="utf-8"><script>document.documentElement.dataset.boot="shell";</script><title>Portal</title>
<script type="module" src="/assets/app-abc123.js"></script></head>
<body><div id="root"></div></body></html>
`;
export const secret = "TOP-SECRET-OUTSIDE-THE-STATIC-DIR";

/** A temp dir holding `site/` (index.html, assets/app-abc123.js) and a secret file beside it. */
export function makeSite(): { root: string; site: string; remove(): void } {
  const root = mkdtempSync(join(tmpdir(), "gateway-test-"));
  const site = join(root, "site");
  mkdirSync(join(site, "assets"), { recursive: true });
  writeFileSync(join(site, "index.html"), indexHtml);
  writeFileSync(join(site, "assets", "app-abc123.js"), appJs);
  writeFileSync(join(site, ".env"), secret);
  writeFileSync(join(root, "secret.txt"), secret);
  return { root, site, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** An HTTP/1.1 request with the path sent exactly as given. */
export function rawRequest(
  baseUrl: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {},
): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path, method: init.method ?? "GET", headers: init.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(init.body);
  });
}

/** A port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Log lines parsed as JSON objects. */
export function parsedLines(lines: readonly string[]): Record<string, unknown>[] {
  return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
}
