// The simulator's CA and server certificate: made once, kept across
// restarts, re-issued by the same CA when the names or the dates call for it.
import { X509Certificate } from "node:crypto";
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkServerIdentity } from "node:tls";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensureTlsMaterial, serverNames, type TlsMaterial } from "./tls-material.js";

const DAY_MS = 86_400_000;
let dataDir: string;

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), "lab-tls-"));
});

afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const mode = (path: string): string => (statSync(path).mode & 0o777).toString(8);
/** Node's own host name check, as a TLS client runs it; undefined when the name is accepted. */
const identityError = (material: TlsMaterial, host: string): Error | undefined =>
  checkServerIdentity(host, new X509Certificate(material.certPem).toLegacyObject());

describe("serverNames", () => {
  it("always names localhost, 127.0.0.1 and ::1", () => {
    expect(serverNames("127.0.0.1")).toEqual({ dns: ["localhost"], ips: ["127.0.0.1", "::1"] });
    expect(serverNames("localhost")).toEqual({ dns: ["localhost"], ips: ["127.0.0.1", "::1"] });
  });

  it("adds a specific listen host, leaves out wildcards", () => {
    expect(serverNames("Lab.Example.com")).toEqual({ dns: ["localhost", "lab.example.com"], ips: ["127.0.0.1", "::1"] });
    expect(serverNames("10.1.2.3").ips).toEqual(["127.0.0.1", "::1", "10.1.2.3"]);
    expect(serverNames("[fd00:0:0::7]").ips).toEqual(["127.0.0.1", "::1", "fd00::7"]);
    for (const wildcard of ["0.0.0.0", "::", "0:0:0:0:0:0:0:0", ""]) {
      expect(serverNames(wildcard), wildcard).toEqual({ dns: ["localhost"], ips: ["127.0.0.1", "::1"] });
    }
  });
});

describe("ensureTlsMaterial", () => {
  it("makes a CA and a server certificate signed by it, RSA 2048 as the controller [T3]", async () => {
    const material = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    expect(material.created).toEqual({ ca: true, certificate: true });
    expect(material.dir).toBe(join(dataDir, "tls"));
    const ca = new X509Certificate(material.caPem);
    const cert = new X509Certificate(material.certPem);
    expect(ca.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.checkIssued(ca)).toBe(true);
    expect(cert.verify(ca.publicKey)).toBe(true);
    expect(cert.subject).toBe("CN=jumpstarter controller");
    expect(cert.keyUsage).toEqual(["1.3.6.1.5.5.7.3.1"]); // serverAuth
    for (const key of [ca.publicKey, cert.publicKey]) {
      expect(key.asymmetricKeyType).toBe("rsa");
      expect(key.asymmetricKeyDetails?.modulusLength).toBe(2048);
    }
    const lifetimeDays = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / DAY_MS;
    expect(Math.round(lifetimeDays)).toBe(365);
    for (const host of ["localhost", "127.0.0.1", "::1"]) expect(identityError(material, host), host).toBeUndefined();
    expect(identityError(material, "elsewhere.example.com")).toBeInstanceOf(Error);
  });

  it("keeps its keys and their folder private", async () => {
    const material = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    expect(mode(material.dir)).toBe("700");
    expect(mode(material.keyFile)).toBe("600");
    expect(mode(join(material.dir, "ca-key.pem"))).toBe("600");

    chmodSync(material.dir, 0o755);
    chmodSync(material.keyFile, 0o644);
    await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    expect(mode(material.dir)).toBe("700");
    expect(mode(material.keyFile)).toBe("600");
  });

  it("returns the files it wrote", async () => {
    const material = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    const again = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    expect(again).toEqual({ ...material, created: { ca: false, certificate: false } });
    expect(readFileSync(material.caFile, "utf8")).toBe(material.caPem);
    expect(readFileSync(material.certFile, "utf8")).toBe(material.certPem);
    expect(readFileSync(material.keyFile, "utf8")).toBe(material.keyPem);
  });

  it("re-issues the certificate with the same CA for a listen host it does not cover", async () => {
    const first = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    const named = await ensureTlsMaterial(dataDir, { listenHost: "lab.example.com" });
    expect(named.created).toEqual({ ca: false, certificate: true });
    expect(named.caPem).toBe(first.caPem);
    expect(identityError(named, "lab.example.com")).toBeUndefined();
    expect(identityError(named, "localhost")).toBeUndefined();

    const byIp = await ensureTlsMaterial(dataDir, { listenHost: "10.1.2.3" });
    expect(byIp.created.certificate).toBe(true);
    expect(identityError(byIp, "10.1.2.3")).toBeUndefined();

    // A wildcard listener needs nothing beyond the loopback names.
    const wildcard = await ensureTlsMaterial(dataDir, { listenHost: "0.0.0.0" });
    expect(wildcard.created).toEqual({ ca: false, certificate: false });
  });

  it("re-issues the certificate when it expires within 30 days, and not before", async () => {
    const first = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    const later = (days: number): Date => new Date(Date.now() + days * DAY_MS);
    expect((await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1", now: later(300) })).created.certificate).toBe(false);
    const renewed = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1", now: later(340) });
    expect(renewed.created).toEqual({ ca: false, certificate: true });
    expect(renewed.caPem).toBe(first.caPem);
    expect(Date.parse(new X509Certificate(renewed.certPem).validTo)).toBeGreaterThan(later(700).getTime());
  });

  it("re-issues a certificate that is missing, damaged or signed by another CA", async () => {
    const first = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    unlinkSync(first.certFile);
    const replaced = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    expect(replaced.created).toEqual({ ca: false, certificate: true });
    expect(replaced.caPem).toBe(first.caPem);

    writeFileSync(replaced.keyFile, "-----BEGIN PRIVATE KEY-----\nbroken\n-----END PRIVATE KEY-----\n");
    expect((await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" })).created).toEqual({ ca: false, certificate: true });

    // A certificate from another lab's CA, with its own (matching) key.
    const otherDir = mkdtempSync(join(tmpdir(), "lab-tls-other-"));
    try {
      const other = await ensureTlsMaterial(otherDir, { listenHost: "127.0.0.1" });
      writeFileSync(replaced.certFile, other.certPem);
      writeFileSync(replaced.keyFile, other.keyPem);
      const fixed = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
      expect(fixed.created).toEqual({ ca: false, certificate: true });
      expect(new X509Certificate(fixed.certPem).verify(new X509Certificate(first.caPem).publicKey)).toBe(true);
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it("makes a new CA (and certificate) only when its own is gone", async () => {
    const first = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    unlinkSync(join(first.dir, "ca-key.pem"));
    const fresh = await ensureTlsMaterial(dataDir, { listenHost: "127.0.0.1" });
    expect(fresh.created).toEqual({ ca: true, certificate: true });
    expect(fresh.caPem).not.toBe(first.caPem);
    expect(new X509Certificate(fresh.certPem).verify(new X509Certificate(fresh.caPem).publicKey)).toBe(true);
  });
});
