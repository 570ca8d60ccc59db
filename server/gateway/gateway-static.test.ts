// The gateway's own answers: SPA files, security headers, health, refusals.
// The controller is a closed port here; forwarding is tested against the lab
// simulator in gateway-forward.test.ts.
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startGateway, type RunningGateway } from "./gateway.js";
import { immutableCacheControl } from "./static-files.js";
import { appJs, closedPort, indexHtml, makeSite, rawRequest, secret } from "./test-helpers.js";

let site: ReturnType<typeof makeSite>;
let gateway: RunningGateway;
let bare: RunningGateway;

beforeAll(async () => {
  site = makeSite();
  const port = await closedPort();
  gateway = await startGateway({ controller: `http://127.0.0.1:${port}`, staticDir: site.site, log: () => undefined });
  bare = await startGateway({ controller: `http://127.0.0.1:${port}`, log: () => undefined });
});

afterAll(async () => {
  await gateway.stop();
  await bare.stop();
  site.remove();
});

const html = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

describe("static files", () => {
  it("serves index.html at / and never lets it be cached", async () => {
    const res = await fetch(`${gateway.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("etag")).toMatch(/^".+"$/);
    expect(res.headers.get("last-modified")).not.toBeNull();
    expect(await res.text()).toBe(indexHtml);
  });

  it("falls back to index.html for a client-side route a browser navigates to", async () => {
    const res = await fetch(`${gateway.url}/leases/abc?view=conditions`, { headers: html });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(await res.text()).toBe(indexHtml);
  });

  it("answers 404 for unknown paths that are not page navigations, and for missing assets", async () => {
    expect((await fetch(`${gateway.url}/leases/abc`, { headers: { accept: "application/json" } })).status).toBe(404);
    const missing = await fetch(`${gateway.url}/assets/missing.js`, { headers: html });
    expect(missing.status).toBe(404);
    expect(await missing.text()).not.toContain("<html");
  });

  it("caches content-hashed assets for a year with the right type", async () => {
    const res = await fetch(`${gateway.url}/assets/app-abc123.js`, { headers: { "accept-encoding": "identity" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe(immutableCacheControl);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("content-encoding")).toBeNull();
    expect(await res.text()).toBe(appJs);
  });

  it("compresses text with gzip or brotli as the client asks", async () => {
    const gz = await rawRequest(gateway.url, "/assets/app-abc123.js", { headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gz.headers.vary).toContain("Accept-Encoding");
    expect(gz.body.byteLength).toBeLessThan(appJs.length);
    expect(gunzipSync(gz.body).toString()).toBe(appJs);

    const br = await rawRequest(gateway.url, "/assets/app-abc123.js", { headers: { "accept-encoding": "gzip;q=0.5, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString()).toBe(appJs);
    expect(br.headers.etag).not.toBe(gz.headers.etag);
  });

  it("answers a matching If-None-Match with 304", async () => {
    const first = await fetch(`${gateway.url}/index.html`);
    const etag = first.headers.get("etag") ?? "";
    await first.arrayBuffer();
    const again = await fetch(`${gateway.url}/index.html`, { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("answers HEAD without a body", async () => {
    const res = await rawRequest(gateway.url, "/assets/app-abc123.js", { method: "HEAD" });
    expect(res.status).toBe(200);
    expect(res.headers["content-length"]).toBe(String(appJs.length));
    expect(res.body.byteLength).toBe(0);
  });

  it.each(["/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/.env", "/..%5csecret.txt"])(
    "does not leave the static dir for %s",
    async (path) => {
      const res = await rawRequest(gateway.url, path, { headers: { accept: "application/json" } });
      expect(res.status).toBe(404);
      expect(res.body.toString()).not.toContain(secret);
    },
  );

  it("refuses methods other than GET and HEAD", async () => {
    const res = await fetch(`${gateway.url}/index.html`, { method: "POST", body: "x" });
    expect(res.status).toBe(405);
    expect(res.headers.get("allow")).toBe("GET, HEAD");
  });

  it("refuses to start on a static dir without index.html", async () => {
    await expect(startGateway({ controller: "http://127.0.0.1:1", staticDir: `${site.site}/assets` })).rejects.toThrow(/has no index.html/);
    await expect(startGateway({ controller: "http://127.0.0.1:1", staticDir: `${site.root}/nope` })).rejects.toThrow(/does not exist/);
  });

  it("serves no files when no static dir is configured", async () => {
    expect((await fetch(`${bare.url}/`, { headers: html })).status).toBe(404);
    expect((await fetch(`${bare.url}/healthz`)).status).toBe(200);
  });
});

describe("security headers", () => {
  it.each(["/", "/assets/app-abc123.js", "/nope", "/healthz", "/readyz", "/jumpstarter.client.v1.ClientService/ListExporters"])(
    "are on the response to %s",
    async (path) => {
      const res = await fetch(`${gateway.url}${path}`);
      await res.arrayBuffer();
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      // The served index.html's one inline script, by the hash openssl gives for its text.
      expect(csp).toContain("script-src 'self' 'sha256-ciYnwBkc3RY6gK8HSXpR+qIKoJFSR04v1NI3XHMKu/4=';");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("no-referrer");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("access-control-allow-origin")).toBeNull();
    },
  );
});

describe("health", () => {
  it("is alive", async () => {
    const res = await fetch(`${gateway.url}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.text()).trim()).toBe("ok");
  });

  it("is not ready while the controller cannot be reached, and says why", async () => {
    const res = await fetch(`${gateway.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/^not ready: .*controller at http:\/\/127\.0\.0\.1:\d+ cannot be reached/);
  });
});
