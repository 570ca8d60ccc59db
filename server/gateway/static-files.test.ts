import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { createServer, get } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createStaticFiles, isHashedAsset, type StaticFiles } from "./static-files.js";

describe("isHashedAsset", () => {
  it.each([
    ["assets/index-BxYz12_a.js", true],
    ["assets/index-Bx-z12_a.js", true],
    ["assets/app-abc123.js", true],
    ["assets/vendor-react-Cq1w2e3r.css", true],
    ["assets/fonts/RedHatText-Regular-D4aq9xk2.woff2", true],
    ["index.html", false],
    ["favicon-abc12345.ico", false],
    ["assets/logo.svg", false],
    ["assets/app-abc.js", false],
    ["assets/app-abc123", false],
  ])("%s -> %s", (path, expected) => {
    expect(isHashedAsset(path)).toBe(expected);
  });
});

describe("createStaticFiles precompress", () => {
  /** Serves `path` with brotli asked for and returns the decompressed body. */
  async function fetchBrotli(files: StaticFiles, path: string): Promise<string> {
    const server = createServer((req, res) => void files.serve(req, res, path));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const body = await new Promise<Buffer>((resolve, reject) => {
        get({ host: "127.0.0.1", port, path, headers: { "accept-encoding": "br" } }, (res) => {
          expect(res.headers["content-encoding"]).toBe("br");
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve(Buffer.concat(chunks))).on("error", reject);
        }).on("error", reject);
      });
      return brotliDecompressSync(body).toString("utf8");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /** A dist with one script; returns the directory and a way to change the script behind the server's back, keeping size and mtime (its cache key). */
  function dist(): { dir: string; swap: () => void } {
    const dir = mkdtempSync(join(tmpdir(), "static-precompress-"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>x</title>");
    mkdirSync(join(dir, "assets"));
    const script = join(dir, "assets", "app-abc12345.js");
    writeFileSync(script, `console.log("${"a".repeat(2000)}");`);
    // Whole seconds: a fractional mtime does not survive utimes exactly.
    const mtime = 1_700_000_000;
    utimesSync(script, mtime, mtime);
    return {
      dir,
      swap: () => {
        writeFileSync(script, `console.log("${"b".repeat(2000)}");`);
        utimesSync(script, mtime, mtime);
      },
    };
  }

  it("compresses every file at start, so a first request is answered from what was compressed then", async () => {
    const { dir, swap } = dist();
    try {
      const files = await createStaticFiles(dir, { precompress: true });
      await files.warmed;
      swap();
      expect(await fetchBrotli(files, "/assets/app-abc12345.js")).toContain('"aaaa');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("without it, compresses a file on its first request", async () => {
    const { dir, swap } = dist();
    try {
      const files = await createStaticFiles(dir);
      await files.warmed;
      swap();
      expect(await fetchBrotli(files, "/assets/app-abc12345.js")).toContain('"bbbb');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
