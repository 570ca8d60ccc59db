// Timings and sizes shared by every feature, so polling stays consistent.

/** Exporter lists refresh about this often (issue: ~10 s). */
export const EXPORTERS_POLL_MS = 10_000;
/** Lease lists refresh about this often (issue: ~5 s). */
export const LEASES_POLL_MS = 5_000;
/** A Pending or Scheduled lease refreshes about this often (issue: ~2 s). */
export const WAITING_LEASE_POLL_MS = 2_000;
/**
 * Page size of the first page of a first load shown as it arrives: small, so
 * rows paint soon (about 20 KB for 100 exporters), and still more rows than
 * a wall display shows.
 */
export const LIST_PAGE_SIZE = 100;
/**
 * Page size of every other page and every poll: a whole list in fewer calls
 * (3, not 10, per poll of 5,000 exporters), each answer still far below the
 * 4 MiB message limit of gRPC clients.
 */
export const LIST_BULK_PAGE_SIZE = 2_000;
/** Never follow more pages than this (a server bug must not loop the browser forever). */
export const MAX_LIST_PAGES = 1_000;
/** A listing whose continue token expired ([P4]) starts over at most this often. */
export const MAX_LIST_RESTARTS = 3;
