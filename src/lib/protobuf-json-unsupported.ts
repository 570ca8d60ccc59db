// Stands in for @bufbuild/protobuf's JSON format (from-json.js, to-json.js)
// in the portal's bundle: the portal talks gRPC-Web binary only, but Connect
// imports the JSON codec for transports that ask for it (about 6 KiB gzip on
// every page). vite.config.ts points the package's JSON modules here
// (scripts/protobuf-binary-only.ts); these exports keep the package's names
// so every import still links, and fail loudly if anything ever calls them.

/** What a call to any of protobuf's JSON functions throws in the portal's bundle. */
export const PROTOBUF_JSON_UNSUPPORTED = "Protobuf JSON is not in the portal's bundle: the portal talks gRPC-Web with binary messages (see scripts/protobuf-binary-only.ts)";

function unsupported(): never {
  throw new Error(PROTOBUF_JSON_UNSUPPORTED);
}

export const fromJson = unsupported;
export const fromJsonString = unsupported;
export const mergeFromJson = unsupported;
export const mergeFromJsonString = unsupported;
export const enumFromJson = unsupported;
export const isEnumJson = unsupported;
export const toJson = unsupported;
export const toJsonString = unsupported;
export const enumToJson = unsupported;
