// Follows `next_page_token` through a whole list, the way the Kubernetes API
// server under the controller pages ([P1]-[P5]). Pure (the page fetcher is
// passed in) so the paging rules are tested without a server.
import { MAX_LIST_PAGES, MAX_LIST_RESTARTS } from "@/lib/config";
import { isContinueTooOld } from "@/lib/errors";

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextPageToken: string;
}

export interface ListAllPagesOptions<T = unknown> {
  /** Never follow more pages than this in one pass. */
  readonly maxPages?: number;
  /** How often the listing may start over after an expired continue token. */
  readonly maxRestarts?: number;
  /** True for an error that means "the token expired, start again" (lib/errors by default). */
  readonly isExpiredToken?: (error: unknown) => boolean;
  /**
   * Called after each page that more pages follow, with the items read so
   * far in this pass (a restart begins again from none), so a first load can
   * be shown before the last page. A promise it returns holds the next
   * page back until it settles.
   */
  readonly onPartial?: (itemsSoFar: readonly T[]) => void | Promise<void>;
}

/**
 * Fetches every page, in order, starting with an empty token, until the
 * server returns an empty `next_page_token` ([P3]): a full page may carry a
 * token although nothing follows, so an empty page is accepted as it comes.
 * Continue tokens expire after a few minutes ([P4]); a page refused for that
 * makes the listing start over from the first page (its items belong to an
 * older snapshot), at most `maxRestarts` times. Throws when a token repeats
 * or the page count passes `maxPages`, rather than looping forever.
 */
export async function listAllPages<T>(fetchPage: (pageToken: string) => Promise<Page<T>>, options: ListAllPagesOptions<T> = {}): Promise<T[]> {
  const { maxPages = MAX_LIST_PAGES, maxRestarts = MAX_LIST_RESTARTS, isExpiredToken = isContinueTooOld, onPartial } = options;
  for (let restarts = 0; ; restarts++) {
    const pass = await onePass(fetchPage, maxPages, onPartial);
    if (pass.ok) return pass.items;
    if (!isExpiredToken(pass.error) || restarts >= maxRestarts) throw pass.error;
  }
}

type Pass<T> = { readonly ok: true; readonly items: T[] } | { readonly ok: false; readonly error: unknown };

/** One listing from the first page; a refused continue token is handed back to decide on. */
async function onePass<T>(
  fetchPage: (pageToken: string) => Promise<Page<T>>,
  maxPages: number,
  onPartial: ((itemsSoFar: readonly T[]) => void | Promise<void>) | undefined,
): Promise<Pass<T>> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token = "";
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) throw new Error(`The list has more than ${maxPages} pages; stopped reading it.`);
    let page: Page<T>;
    try {
      page = await fetchPage(token);
    } catch (error) {
      // Only a continue token can have expired: a failing first page is just a failure.
      if (token === "") throw error;
      return { ok: false, error };
    }
    all.push(...page.items);
    if (page.nextPageToken === "") return { ok: true, items: all };
    if (seen.has(page.nextPageToken)) {
      throw new Error("The server returned the same page token twice; stopped reading the list.");
    }
    seen.add(page.nextPageToken);
    token = page.nextPageToken;
    await onPartial?.(all);
  }
}
