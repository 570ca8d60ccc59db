// Apart from client-config.ts, which brings the YAML parser: the sign-in page
// checks a file's size before it loads the parser.

/** Bigger than any real client config; a larger file is surely something else. */
export const MAX_CLIENT_CONFIG_BYTES = 256 * 1024;
