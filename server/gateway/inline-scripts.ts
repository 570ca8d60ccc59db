// The portal's index.html carries one inline script, the boot script that
// picks the boot frame and theme before the first paint (src/boot/). The CSP
// allows exactly the inline scripts of the index.html being served, by their
// SHA-256 hashes, and no other: 'unsafe-inline' stays out of script-src.
import { createHash } from "node:crypto";

/** CSP source expressions ('sha256-…') for each inline script of an HTML page, in order. */
export function inlineScriptHashes(html: string): string[] {
  const hashes: string[] = [];
  // An inline script is a <script> without src; its text is hashed exactly as written.
  for (const m of html.matchAll(/<script(\s[^>]*)?>([\s\S]*?)<\/script>/gi)) {
    const attributes = m[1] ?? "";
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const text = m[2] ?? "";
    hashes.push(`'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`);
  }
  return hashes;
}
