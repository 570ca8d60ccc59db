// The simulator's own TLS material in <data>/tls/: a CA made once and kept,
// and a server certificate signed by it for the names clients dial. The real
// controller makes a fresh self-signed certificate at every start [T3], which
// forces every client to re-trust it; a CA that outlives restarts lets a jmp
// config (tls.ca), the gateway's --ca-file and the tests trust the lab once.
// Keys are RSA 2048 like the controller's [T3]; node-forge builds the X.509
// structures, node:crypto makes the keys and checks what is on disk.
import { createPrivateKey, generateKeyPair, randomBytes, X509Certificate, type KeyObject } from "node:crypto";
import { chmodSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { isIP } from "node:net";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import forge from "node-forge";
import { ensurePrivateFolder, PRIVATE_FILE_MODE } from "./data-folder.js";

export interface TlsMaterial {
  /** `<data>/tls`, private to the owner (0700). */
  readonly dir: string;
  /** The CA certificate: what a client trusts (a jmp config's `tls.ca`, base64-encoded). */
  readonly caPem: string;
  readonly caFile: string;
  /** The server certificate and its key (0600), for the TLS listener. */
  readonly certPem: string;
  readonly certFile: string;
  readonly keyPem: string;
  readonly keyFile: string;
  /** What this call had to make; nothing on a restart with material still good. */
  readonly created: { readonly ca: boolean; readonly certificate: boolean };
}

export interface TlsMaterialOptions {
  /** The host the lab listens on: a specific name or IP is added to the certificate. */
  readonly listenHost: string;
  /** The clock (tests move it to reach expiry). */
  readonly now?: Date;
}

/** The names a server certificate must verify for. */
export interface ServerNames {
  readonly dns: readonly string[];
  readonly ips: readonly string[];
}

const DAY_MS = 86_400_000;
const caLifetimeDays = 3650;
// One year, as the controller's own certificate [T3].
const certificateLifetimeDays = 365;
// A restart this close to expiry (of either certificate) renews it.
const renewWithinDays = 30;
// Tolerates a client clock slightly behind the lab's.
const backdateMs = 5 * 60_000;
const caSubject = "Jumpstarter lab simulator CA";
// The controller's self-signed certificate carries this CN [T3].
const serverSubject = "jumpstarter controller";

const files = { ca: "ca.pem", caKey: "ca-key.pem", cert: "server.pem", key: "server-key.pem" } as const;

/**
 * localhost, 127.0.0.1 and ::1 always (what the lab's endpoint uses for a
 * wildcard listener), plus the listen host when it names one interface or host.
 */
export function serverNames(listenHost: string): ServerNames {
  const dns = ["localhost"];
  const ips = ["127.0.0.1", "::1"];
  const host = listenHost.replace(/^\[(.*)\]$/, "$1");
  const ip = canonicalIp(host);
  if (ip !== undefined) {
    if (!isWildcardIp(ip) && !ips.includes(ip)) ips.push(ip);
  } else if (host !== "" && !dns.includes(host.toLowerCase())) {
    dns.push(host.toLowerCase());
  }
  return { dns, ips };
}

function canonicalIp(host: string): string | undefined {
  switch (isIP(host)) {
    case 4:
      return host;
    case 6:
      // The URL parser writes an IPv6 address in its one canonical short form.
      return new URL(`http://[${host}]/`).hostname.slice(1, -1);
    default:
      return undefined;
  }
}

function isWildcardIp(ip: string): boolean {
  return ip === "0.0.0.0" || ip === "::";
}

/** Reads the material in `<dataDir>/tls`, making or renewing what is missing, damaged, expiring or too narrow. */
export async function ensureTlsMaterial(dataDir: string, options: TlsMaterialOptions): Promise<TlsMaterial> {
  const now = options.now ?? new Date();
  const names = serverNames(options.listenHost);
  const dir = resolve(dataDir, "tls");
  ensurePrivateFolder(dir);
  const path = (name: keyof typeof files): string => join(dir, files[name]);

  let ca = readPair(path("ca"), path("caKey"));
  const createCa = ca === undefined || !usableCa(ca, now);
  if (ca === undefined || createCa) {
    ca = await issueCa(now);
    writePrivate(path("caKey"), ca.keyPem);
    writePrivate(path("ca"), ca.certPem);
  }

  let server = readPair(path("cert"), path("key"));
  const createCertificate = createCa || server === undefined || !usableServerCertificate(server, ca, names, now);
  if (server === undefined || createCertificate) {
    server = await issueServerCertificate(ca, names, now);
    writePrivate(path("key"), server.keyPem);
    writePrivate(path("cert"), server.certPem);
  }
  // Tightened on every start: a file someone loosened is private again. The certificates
  // too: nothing but the lab's own user needs them (the client configs carry the CA).
  for (const name of ["ca", "caKey", "cert", "key"] as const) chmodSync(path(name), PRIVATE_FILE_MODE);

  return {
    dir,
    caPem: ca.certPem,
    caFile: path("ca"),
    certPem: server.certPem,
    certFile: path("cert"),
    keyPem: server.keyPem,
    keyFile: path("key"),
    created: { ca: createCa, certificate: createCertificate },
  };
}

interface CertificateAndKey {
  readonly certPem: string;
  readonly keyPem: string;
  readonly cert: X509Certificate;
  readonly key: KeyObject;
}

/** The pair as parsed by node:crypto, or undefined when either file is missing or does not parse. */
function readPair(certFile: string, keyFile: string): CertificateAndKey | undefined {
  try {
    const certPem = readFileSync(certFile, "utf8");
    const keyPem = readFileSync(keyFile, "utf8");
    return parsePair(certPem, keyPem);
  } catch {
    return undefined;
  }
}

/** Throws when either PEM does not parse. */
function parsePair(certPem: string, keyPem: string): CertificateAndKey {
  return { certPem, keyPem, cert: new X509Certificate(certPem), key: createPrivateKey(keyPem) };
}

function usableCa(ca: CertificateAndKey, now: Date): boolean {
  return ca.cert.ca && ca.cert.checkPrivateKey(ca.key) && ca.cert.verify(ca.cert.publicKey) && validLongEnough(ca.cert, now);
}

function usableServerCertificate(server: CertificateAndKey, ca: CertificateAndKey, names: ServerNames, now: Date): boolean {
  return (
    server.cert.checkIssued(ca.cert) &&
    server.cert.verify(ca.cert.publicKey) &&
    server.cert.checkPrivateKey(server.key) &&
    validLongEnough(server.cert, now) &&
    covers(server.cert, names)
  );
}

function validLongEnough(cert: X509Certificate, now: Date): boolean {
  return Date.parse(cert.validFrom) <= now.getTime() && Date.parse(cert.validTo) > now.getTime() + renewWithinDays * DAY_MS;
}

/** Whether a TLS client would accept the certificate for every name (no CN fallback, as modern clients do). */
export function covers(cert: X509Certificate, names: ServerNames): boolean {
  return names.dns.every((name) => cert.checkHost(name, { subject: "never" }) !== undefined) && names.ips.every((ip) => cert.checkIP(ip) !== undefined);
}

const generateRsaKeyPair = promisify(generateKeyPair);

async function rsaKeyPair(): Promise<{ publicPem: string; privatePem: string }> {
  // Asynchronous: making an RSA key takes long enough to matter to a busy event loop.
  const { publicKey, privateKey } = await generateRsaKeyPair("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
  return { publicPem: publicKey, privatePem: privateKey };
}

/** A positive 128-bit serial number whose first byte keeps its DER encoding minimal. */
function serialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x3f) | 0x40;
  return bytes.toString("hex");
}

function validity(cert: forge.pki.Certificate, now: Date, days: number): void {
  cert.validity.notBefore = new Date(now.getTime() - backdateMs);
  cert.validity.notAfter = new Date(now.getTime() + days * DAY_MS);
}

async function issueCa(now: Date): Promise<CertificateAndKey> {
  const keys = await rsaKeyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serialNumber();
  validity(cert, now, caLifetimeDays);
  const subject = [{ name: "commonName", value: caSubject }];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: true, critical: true },
    { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(keys.privatePem), forge.md.sha256.create());
  return parsePair(toPem(cert), keys.privatePem);
}

async function issueServerCertificate(ca: CertificateAndKey, names: ServerNames, now: Date): Promise<CertificateAndKey> {
  const keys = await rsaKeyPair();
  const issuer = forge.pki.certificateFromPem(ca.certPem);
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(keys.publicPem);
  cert.serialNumber = serialNumber();
  validity(cert, now, certificateLifetimeDays);
  cert.setSubject([{ name: "commonName", value: serverSubject }]);
  cert.setIssuer(issuer.subject.attributes);
  cert.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    { name: "extKeyUsage", serverAuth: true },
    {
      name: "subjectAltName",
      // 2 = dNSName, 7 = iPAddress (RFC 5280 GeneralName).
      altNames: [...names.dns.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))],
    },
    { name: "subjectKeyIdentifier" },
    // OpenSSL finds the issuer by this identifier: it must be the CA's own.
    { name: "authorityKeyIdentifier", keyIdentifier: subjectKeyIdentifier(issuer) },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(ca.keyPem), forge.md.sha256.create());
  return parsePair(toPem(cert), keys.privatePem);
}

/** forge writes CRLF line ends; everything else here (and most tools) writes LF. */
function toPem(cert: forge.pki.Certificate): string {
  return forge.pki.certificateToPem(cert).replace(/\r\n/g, "\n");
}

function subjectKeyIdentifier(cert: forge.pki.Certificate): string {
  const extension: unknown = cert.getExtension("subjectKeyIdentifier");
  if (typeof extension === "object" && extension !== null && "subjectKeyIdentifier" in extension && typeof extension.subjectKeyIdentifier === "string") {
    return forge.util.hexToBytes(extension.subjectKeyIdentifier);
  }
  return cert.generateSubjectKeyIdentifier().getBytes();
}

/** Written beside and renamed into place, so a crash never leaves half a file. */
function writeAtomically(file: string, text: string, mode: number): void {
  const temp = `${file}.tmp`;
  writeFileSync(temp, text, { mode });
  chmodSync(temp, mode);
  renameSync(temp, file);
}

function writePrivate(file: string, pem: string): void {
  writeAtomically(file, pem, PRIVATE_FILE_MODE);
}

