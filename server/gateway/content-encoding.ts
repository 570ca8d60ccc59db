// Picks and produces gzip/brotli representations. Compressed bodies are
// cached by file identity (path + ETag), so each asset is compressed once.
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";

export type Encoding = "br" | "gzip" | "identity";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Best encoding the client accepts (RFC 9110 q-values), preferring brotli on a tie. */
export function negotiateEncoding(acceptEncoding: string | undefined): Encoding {
  if (acceptEncoding === undefined) return "identity";
  const q = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (name !== "" && Number.isFinite(value)) q.set(name, value);
  }
  const weight = (name: string): number => q.get(name) ?? q.get("*") ?? 0;
  const br = weight("br");
  const gz = weight("gzip");
  if (br > 0 && br >= gz) return "br";
  if (gz > 0) return "gzip";
  return "identity";
}

export interface CompressionCache {
  get(key: string, encoding: Exclude<Encoding, "identity">, load: () => Promise<Buffer>): Promise<Buffer>;
}

export function createCompressionCache(maxBytes = 64 * 1024 * 1024): CompressionCache {
  const entries = new Map<string, Promise<Buffer>>();
  let total = 0;
  const sizes = new Map<string, number>();

  const compress = async (encoding: "br" | "gzip", data: Buffer): Promise<Buffer> =>
    encoding === "br"
      ? brotli(data, {
          params: {
            [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
            // Quality 9 is close to 11 in size at a fraction of the time; paid once per file.
            [constants.BROTLI_PARAM_QUALITY]: 9,
            [constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
          },
        })
      : gzipAsync(data, { level: 9 });

  return {
    get(key, encoding, load) {
      const id = `${encoding}:${key}`;
      const hit = entries.get(id);
      if (hit !== undefined) return hit;
      const pending = load().then((data) => compress(encoding, data));
      entries.set(id, pending);
      pending.then(
        (out) => {
          sizes.set(id, out.byteLength);
          total += out.byteLength;
          // Evict oldest first; a rebuilt dist changes ETags, so stale ones age out.
          for (const [old, size] of sizes) {
            if (total <= maxBytes) break;
            sizes.delete(old);
            entries.delete(old);
            total -= size;
          }
        },
        () => entries.delete(id),
      );
      return pending;
    },
  };
}
