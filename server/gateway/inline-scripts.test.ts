// The CSP hashes of index.html's inline scripts (issue 13, the boot script).
// Expected values are what `openssl dgst -sha256 -binary | base64` prints.
import { describe, expect, it } from "vitest";
import { inlineScriptHashes } from "./inline-scripts.js";

describe("inlineScriptHashes", () => {
  it("hashes each inline script's text exactly as written, in order", () => {
    const html = `<head><script>document.documentElement.dataset.boot="shell";</script>\n<script></script></head>`;
    expect(inlineScriptHashes(html)).toEqual(["'sha256-ciYnwBkc3RY6gK8HSXpR+qIKoJFSR04v1NI3XHMKu/4='", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
  });

  it("leaves out scripts loaded from a file", () => {
    expect(inlineScriptHashes(`<script type="module" crossorigin src="/assets/index.js"></script><SCRIPT SRC=/a.js></SCRIPT>`)).toEqual([]);
  });

  it("finds none in a page without scripts", () => {
    expect(inlineScriptHashes("<!doctype html><p>hello</p>")).toEqual([]);
  });
});
