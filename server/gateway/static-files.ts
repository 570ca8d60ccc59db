// Serves the built SPA. Vite names everything under assets/ by content hash,
// so those files are cached for a year; anything else (index.html above all)
// is revalidated on every use so a new deploy shows up at once. Unknown paths
// that a browser navigates to get index.html: they are client-side routes.
import { createReadStream } from "node:fs";
import { readdir, readFile, realpath, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join, sep } from "node:path";
import { contentTypeFor, isCompressible } from "./content-types.js";
import { createCompressionCache, negotiateEncoding, type Encoding } from "./content-encoding.js";
import { inlineScriptHashes } from "./inline-scripts.js";

export const immutableCacheControl = "public, max-age=31536000, immutable";
export const revalidateCacheControl = "no-cache";

// Vite: assets/[name]-[hash][ext]; the hash is base64url, at least 6 characters here.
const hashedAsset = /^assets\/(?:[^/]+\/)*[^/]+-[A-Za-z0-9_-]{6,}\.[A-Za-z0-9]+$/;
const minCompressBytes = 1024;

/** The gateway's line once the SPA's files are compressed: a benchmark measures calls only after it (bench/stack-processes.ts). */
export const STATIC_FILES_READY = "Portal files compressed, ready to serve";

export function isHashedAsset(relativePath: string): boolean {
  return hashedAsset.test(relativePath);
}

export interface StaticFiles {
  /** `path` is the URL path without query. Answers every GET/HEAD; refuses other methods. */
  serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  /** The CSP hashes of index.html's inline scripts, as read at start (a rebuild while running needs a restart). */
  readonly inlineScriptHashes: readonly string[];
  /**
   * With `precompress`, settles once every compressible file under the
   * directory is compressed (brotli and gzip, one at a time, in the
   * background): the first visitors after a start do not wait for each
   * script's compression (~1 s of CPU for the portal's dist). A file that
   * cannot be read is compressed when asked for. Without, settles at once.
   */
  readonly warmed: Promise<void>;
}

function plain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers });
  res.end(`${text}\n`);
}

/** Splits a URL path into safe relative segments, or undefined for anything suspicious. */
function safeSegments(path: string): string[] | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const segments = decoded.split("/").filter((s) => s !== "");
  // No "..", no ".", no dotfiles (.git, .env ...).
  if (segments.some((s) => s.startsWith("."))) return undefined;
  return segments;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === "*") return true;
  return header.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

function notModified(req: IncomingMessage, etag: string, mtime: Date): boolean {
  const inm = req.headers["if-none-match"];
  if (inm !== undefined) return etagMatches(inm, etag);
  const ims = req.headers["if-modified-since"];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

export interface StaticFilesOptions {
  /** Compress every file at start, in the background (see `warmed`); otherwise each on its first request. */
  readonly precompress?: boolean;
}

export async function createStaticFiles(dir: string, { precompress = false }: StaticFilesOptions = {}): Promise<StaticFiles> {
  let root: string;
  try {
    root = await realpath(dir);
  } catch {
    throw new Error(`the static directory ${dir} does not exist`);
  }
  if (!(await stat(root)).isDirectory()) throw new Error(`the static directory ${dir} is not a directory`);
  const indexPath = join(root, "index.html");
  try {
    if (!(await stat(indexPath)).isFile()) throw new Error("not a file");
  } catch {
    throw new Error(`the static directory ${dir} has no index.html (build the portal first)`);
  }
  const scriptHashes = inlineScriptHashes(await readFile(indexPath, "utf8"));
  const cache = createCompressionCache();

  /** The real file inside root for these segments, or undefined. Symlinks out of root do not count. */
  async function resolveFile(segments: string[]): Promise<{ file: string; stats: Stats } | undefined> {
    try {
      const file = await realpath(join(root, ...segments));
      if (!file.startsWith(root + sep)) return undefined;
      const stats = await stat(file);
      return stats.isFile() ? { file, stats } : undefined;
    } catch {
      return undefined;
    }
  }

  const compressible = (file: string, stats: Stats) => isCompressible(contentTypeFor(file)) && stats.size >= minCompressBytes;
  const identityOf = (stats: Stats) => `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}`;

  async function warm(): Promise<void> {
    const entries = await readdir(root, { recursive: true });
    for (const entry of entries.sort()) {
      const found = await resolveFile(entry.split(sep));
      if (found === undefined || !compressible(found.file, found.stats)) continue;
      for (const encoding of ["br", "gzip"] as const) {
        await cache.get(`${found.file}|${identityOf(found.stats)}`, encoding, () => readFile(found.file)).catch(() => undefined);
      }
    }
  }

  async function send(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, relative: string): Promise<void> {
    const type = contentTypeFor(file);
    const encoding: Encoding = compressible(file, stats) ? negotiateEncoding(req.headers["accept-encoding"]) : "identity";
    const identity = identityOf(stats);
    // Each representation has its own validator (RFC 9110 §8.8.3).
    const etag = encoding === "identity" ? `"${identity}"` : `"${identity}-${encoding}"`;

    res.setHeader("Content-Type", type);
    res.setHeader("Cache-Control", isHashedAsset(relative) ? immutableCacheControl : revalidateCacheControl);
    res.setHeader("ETag", etag);
    res.setHeader("Last-Modified", stats.mtime.toUTCString());
    if (compressible(file, stats)) res.setHeader("Vary", "Accept-Encoding");

    if (notModified(req, etag, stats.mtime)) {
      res.writeHead(304).end();
      return;
    }
    if (encoding !== "identity") {
      const body = await cache.get(`${file}|${identity}`, encoding, () => readFile(file));
      res.setHeader("Content-Encoding", encoding);
      res.setHeader("Content-Length", body.byteLength);
      res.writeHead(200).end(req.method === "HEAD" ? undefined : body);
      return;
    }
    res.setHeader("Content-Length", stats.size);
    res.writeHead(200);
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file);
      stream.once("error", () => {
        res.destroy();
        resolve();
      });
      stream.once("end", resolve);
      stream.pipe(res);
    });
  }

  return {
    inlineScriptHashes: scriptHashes,
    warmed: precompress ? warm().catch(() => undefined) : Promise.resolve(),
    async serve(req, res, path) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        plain(res, 405, "method not allowed", { Allow: "GET, HEAD" });
        return;
      }
      const segments = safeSegments(path);
      if (segments === undefined) {
        plain(res, 404, "not found");
        return;
      }
      const relative = segments.join("/");
      const found = relative === "" ? await resolveFile(["index.html"]) : await resolveFile(segments);
      if (found !== undefined) {
        await send(req, res, found.file, found.stats, relative === "" ? "index.html" : relative);
        return;
      }
      // A client-side route: the browser navigates, the SPA's router takes over.
      const wantsHtml = (req.headers.accept ?? "").toLowerCase().includes("text/html");
      if (wantsHtml && segments[0] !== "assets") {
        const index = await resolveFile(["index.html"]);
        if (index !== undefined) {
          await send(req, res, index.file, index.stats, "index.html");
          return;
        }
      }
      plain(res, 404, "not found");
    },
  };
}
