// The portal's bundle without @bufbuild/protobuf's JSON format. Connect's
// serialization imports fromJsonString/toJsonString for transports that use
// JSON; the portal's gRPC-Web transport always sends binary, so that code
// (about 6 KiB gzip with the well-known-type helpers only it uses) only
// weighed on every first page. The package's barrel (dist/esm/index.js) is
// the only module that imports from-json.js and to-json.js; its two imports
// are pointed at src/lib/protobuf-json-unsupported.ts, which throws if called.
import type { Plugin } from "vite";

const PROTOBUF_BARREL = /[\\/]@bufbuild[\\/]protobuf[\\/]dist[\\/]esm[\\/]index\.js$/;
const JSON_MODULES = new Set(["./from-json.js", "./to-json.js"]);

/** The module the protobuf barrel's JSON imports resolve to instead, or null to resolve as usual. */
export function binaryOnlyTarget(source: string, importer: string | undefined, stub: string): string | null {
  if (importer === undefined || !PROTOBUF_BARREL.test(importer) || !JSON_MODULES.has(source)) return null;
  return stub;
}

/** A Vite plugin that leaves protobuf's JSON format out of the bundle (`stub`: the absolute path of the throwing stand-in). */
export function protobufBinaryOnly(stub: string): Plugin {
  return {
    name: "portal:protobuf-binary-only",
    enforce: "pre",
    resolveId(source, importer) {
      return binaryOnlyTarget(source, importer, stub);
    },
  };
}
