// Opaque, signed page tokens. A token carries the last name of the page it
// continues (keyset paging by name, so pages stay stable while objects come
// and go) and is bound to the list and its query; anything the server did not
// issue for exactly this list fails the signature check.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";

export type ListKind = "exporters" | "leases";

interface Payload {
  /** list kind */
  k: ListKind;
  /** query fingerprint */
  q: string;
  /** last name returned */
  a: string;
}

export class PageTokens {
  constructor(private readonly secret: Buffer) {}

  private static fingerprint(query: readonly unknown[]): string {
    return createHash("sha256").update(JSON.stringify(query)).digest("base64url").slice(0, 22);
  }

  private sign(body: string): Buffer {
    return createHmac("sha256", this.secret).update(body).digest();
  }

  issue(kind: ListKind, query: readonly unknown[], afterName: string): string {
    const payload: Payload = { k: kind, q: PageTokens.fingerprint(query), a: afterName };
    const body = Buffer.from(JSON.stringify(payload)).toString("base64url");
    return `${body}.${this.sign(body).toString("base64url")}`;
  }

  /** The name to continue after, or undefined when the token is not valid for this list and query. */
  verify(kind: ListKind, query: readonly unknown[], token: string): string | undefined {
    const dot = token.indexOf(".");
    if (dot <= 0) return undefined;
    const body = token.slice(0, dot);
    const mac = Buffer.from(token.slice(dot + 1), "base64url");
    const expected = this.sign(body);
    if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return undefined;
    let payload: unknown;
    try {
      payload = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
    } catch {
      return undefined;
    }
    if (typeof payload !== "object" || payload === null) return undefined;
    const p = payload as Partial<Payload>;
    if (p.k !== kind || p.q !== PageTokens.fingerprint(query) || typeof p.a !== "string") return undefined;
    return p.a;
  }
}
