// Kubernetes-style list paging [P1]-[P4]: `page_size` is the API server's
// `limit`, `page_token` its `continue`. A token names the list, the snapshot
// it reads from and the last name returned; it is signed and expires
// (commonly after 5 minutes). Snapshots are kept in memory (records are
// immutable, so a snapshot is an array of references): after a restart, or
// once many newer listings pushed it out, a listing continues on the objects
// as they are now.
import { createHmac, timingSafeEqual } from "node:crypto";
import { Code, ConnectError } from "@connectrpc/connect";

export type ListKind = "exporters" | "leases";

export const DEFAULT_CONTINUE_TTL_MS = 5 * 60_000;

/** The API server's text for an expired continue token [E2] (the stable part is its first sentence). */
export const CONTINUE_TOO_OLD =
  "The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.";

interface Payload {
  /** list kind */
  readonly k: ListKind;
  /** last name returned */
  readonly a: string;
  /** when the listing began (ms): its snapshot's time */
  readonly t: number;
  /** snapshot id */
  readonly s: number;
}

/** How many listings' snapshots are kept at once (the oldest go first). */
const MAX_SNAPSHOTS = 256;

export interface PageStart<T> {
  /** The objects the listing reads: its snapshot, or the current ones. */
  readonly items: readonly T[];
  readonly after: string | undefined;
}

export class ContinueTokens {
  private readonly snapshots = new Map<number, { readonly items: readonly unknown[]; readonly atMs: number }>();
  private nextSnapshot = 1;

  constructor(
    private readonly secret: Buffer,
    private readonly ttlMs: number = DEFAULT_CONTINUE_TTL_MS,
  ) {}

  /**
   * One page of a name-sorted list [P1]-[P4]: the first page reads `current()`,
   * later pages the snapshot their token names. A full page always carries a
   * continuation, even when nothing follows.
   */
  page<T extends { readonly name: string }>(
    kind: ListKind,
    token: string,
    pageSize: number,
    current: () => readonly T[],
    keep: (item: T) => boolean,
    nowMs: number,
  ): { items: T[]; nextPageToken: string } {
    let items: readonly T[];
    let after: string | undefined;
    let snapshot: number;
    let startedMs: number;
    if (token === "") {
      items = current();
      after = undefined;
      snapshot = 0;
      startedMs = nowMs;
    } else {
      const payload = this.verify(kind, token, nowMs);
      after = payload.a;
      snapshot = payload.s;
      startedMs = payload.t;
      items = (this.snapshots.get(snapshot)?.items as readonly T[] | undefined) ?? current();
    }
    const { items: taken, last } = pageOf(items.filter(keep), pageSize, after);
    if (last === undefined) return { items: taken, nextPageToken: "" };
    if (snapshot === 0 || !this.snapshots.has(snapshot)) snapshot = this.keep([...items], startedMs);
    return { items: taken, nextPageToken: this.issue(kind, last, startedMs, snapshot) };
  }

  private keep(items: readonly unknown[], atMs: number): number {
    const id = this.nextSnapshot;
    this.nextSnapshot += 1;
    this.snapshots.set(id, { items, atMs });
    for (const [old, s] of this.snapshots) {
      if (this.snapshots.size <= MAX_SNAPSHOTS && atMs - s.atMs <= this.ttlMs) break;
      this.snapshots.delete(old);
    }
    return id;
  }

  private sign(body: string): Buffer {
    return createHmac("sha256", this.secret).update(body).digest();
  }

  private issue(kind: ListKind, afterName: string, startedMs: number, snapshot: number): string {
    const payload: Payload = { k: kind, a: afterName, t: startedMs, s: snapshot };
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${body}.${this.sign(body).toString("base64url")}`;
  }

  /** The token's content; UNKNOWN as the controller answers for bad or expired tokens [P4]. */
  private verify(kind: ListKind, token: string, nowMs: number): Payload {
    const bad = (why: string): ConnectError => new ConnectError(`invalid continue token: ${why}`, Code.Unknown);
    const dot = token.indexOf(".");
    if (dot <= 0) throw bad("not a continue token of this server");
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), "base64url");
    const expected = this.sign(body);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) throw bad("not a continue token of this server");
    let payload: Partial<Payload>;
    try {
      payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<Payload>;
    } catch {
      throw bad("not a continue token of this server");
    }
    if (payload.k !== kind || typeof payload.a !== "string" || typeof payload.t !== "number" || typeof payload.s !== "number") {
      throw bad(`it continues a list of ${String(payload.k)}, not ${kind}`);
    }
    if (nowMs - payload.t > this.ttlMs) throw new ConnectError(CONTINUE_TOO_OLD, Code.Unknown);
    return payload as Payload;
  }
}

/**
 * [P1]/[P3] One page of a name-sorted list: at most `pageSize` items (0 or
 * negative: everything); a full page always carries a continuation, even if
 * nothing follows (the next page is then empty and ends the listing).
 */
export function pageOf<T extends { readonly name: string }>(
  items: readonly T[],
  pageSize: number,
  after: string | undefined,
): { items: T[]; last: string | undefined } {
  const rest = after === undefined ? [...items] : items.filter((i) => i.name > after);
  if (pageSize <= 0 || rest.length < pageSize) return { items: rest, last: undefined };
  const taken = rest.slice(0, pageSize);
  return { items: taken, last: taken[taken.length - 1]?.name };
}
