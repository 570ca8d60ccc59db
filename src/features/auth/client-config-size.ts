// Apart from the parser (client-config.ts), which brings the YAML library:
// the sign-in page checks a file's size at once and loads the parser only
// when a file is dropped or chosen (issue 13: the sign-in page's first load).

/** Bigger than any real client config; a larger file is surely something else. */
export const MAX_CLIENT_CONFIG_BYTES = 256 * 1024;
