// Follows `next_page_token` through a whole list. Pure (the page fetcher is
// passed in) so the paging rules are tested without a server.
import { MAX_LIST_PAGES } from "@/lib/config";

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextPageToken: string;
}

/**
 * Fetches every page, in order, starting with an empty token, until the
 * server returns an empty `next_page_token`. Throws when a token repeats or
 * the page count passes `maxPages`, rather than looping forever.
 */
export async function listAllPages<T>(
  fetchPage: (pageToken: string) => Promise<Page<T>>,
  maxPages: number = MAX_LIST_PAGES,
): Promise<T[]> {
  const all: T[] = [];
  const seen = new Set<string>();
  let token = "";
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) throw new Error(`The list has more than ${maxPages} pages; stopped reading it.`);
    const page = await fetchPage(token);
    all.push(...page.items);
    if (page.nextPageToken === "") return all;
    if (seen.has(page.nextPageToken)) {
      throw new Error("The server returned the same page token twice; stopped reading the list.");
    }
    seen.add(page.nextPageToken);
    token = page.nextPageToken;
  }
}
