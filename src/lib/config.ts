// Timings and sizes shared by every feature, so polling stays consistent.

/** Exporter lists refresh about this often (issue: ~10 s). */
export const EXPORTERS_POLL_MS = 10_000;
/** Lease lists refresh about this often (issue: ~5 s). */
export const LEASES_POLL_MS = 5_000;
/** A Pending or Scheduled lease refreshes about this often (issue: ~2 s). */
export const WAITING_LEASE_POLL_MS = 2_000;
/** Page size when following `next_page_token` through a whole list. */
export const LIST_PAGE_SIZE = 500;
/** Never follow more pages than this (a server bug must not loop the browser forever). */
export const MAX_LIST_PAGES = 1_000;
/** A listing whose continue token expired ([P4]) starts over at most this often. */
export const MAX_LIST_RESTARTS = 3;
