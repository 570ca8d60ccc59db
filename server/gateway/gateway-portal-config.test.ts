// What the SPA reads before sign-in: the lab's namespace and OIDC providers,
// from the controller's login service [CF3] (fetched by the gateway: it sends
// no CORS headers) and/or flags; the providers' origins join connect-src and
// the CSP still allows no inline script.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoIdp, type RunningIdp } from "../idp/demo-idp.js";
import { startLab, type RunningLab } from "../lab/lab.js";
import { startGateway } from "./gateway.js";
import { parseCommandLine } from "./config.js";

let dir: string;
let idp: RunningIdp;
let lab: RunningLab;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "gateway-portal-"));
  idp = await startDemoIdp({ dataDir: join(dir, "idp"), users: [], clients: [{ clientId: "jumpstarter-portal", redirectUris: ["http://127.0.0.1/sign-in/oidc"] }], audience: "jumpstarter" });
  lab = await startLab({
    port: 0,
    dataDir: join(dir, "lab"),
    loginServicePort: 0,
    warn: () => undefined,
    scenario: {
      namespace: "lab",
      controller: { authentication: { jwt: [{ issuer: { url: idp.issuer, audiences: ["jumpstarter"], certificateAuthority: idp.caPem }, claimMappings: { username: { claim: "preferred_username", prefix: "demo:" } } }] } },
      clients: [{ name: "alice" }],
    },
  });
});

afterAll(async () => {
  await lab.stop();
  await idp.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe("/portal-config.json", () => {
  it("lists the login service's issuers with the portal's client id and the authenticator's claim and prefix", async () => {
    const gateway = await startGateway({
      controller: lab.url,
      caFile: lab.caFile,
      log: () => undefined,
      portal: { loginService: lab.loginServiceUrl, clientId: "jumpstarter-portal", usernameClaim: "preferred_username", usernamePrefix: "demo:" },
    });
    try {
      const res = await fetch(`${gateway.url}/portal-config.json`);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(await res.json()).toEqual({
        namespace: "lab",
        providers: [{ issuer: idp.issuer, clientId: "jumpstarter-portal", audiences: ["jumpstarter"], usernameClaim: "preferred_username", usernamePrefix: "demo:", label: new URL(idp.issuer).host }],
      });
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain(`connect-src 'self' ${new URL(idp.issuer).origin}`);
      expect(csp).toContain("script-src 'self';");
      expect(csp.split("; ").find((d) => d.startsWith("script-src"))).toBe("script-src 'self'");
    } finally {
      await gateway.stop();
    }
  });

  it("takes a provider from flags when there is no login service, and says when the login service does not answer", async () => {
    const lines: string[] = [];
    const command = parseCommandLine(
      ["--controller", lab.url, "--oidc-issuer", idp.issuer, "--oidc-audience", "jumpstarter", "--namespace", "lab", "--login-service", "http://127.0.0.1:9"],
      {},
    );
    if (command.kind !== "run") throw new Error("expected run");
    const gateway = await startGateway({ ...command.options, port: 0, caFile: lab.caFile, log: (l) => lines.push(l) });
    try {
      const config = (await (await fetch(`${gateway.url}/portal-config.json`)).json()) as { namespace: string; providers: { issuer: string; clientId: string }[] };
      expect(config.namespace).toBe("lab");
      expect(config.providers.map((p) => [p.issuer, p.clientId])).toEqual([[idp.issuer, "jumpstarter-cli"]]);
      expect(lines.join("\n")).toContain("the login service at http://127.0.0.1:9 did not answer");
    } finally {
      await gateway.stop();
    }
  });

  it("gives the provider's browser address as its authority, and lets the page reach both origins", async () => {
    const browserUrl = "http://127.0.0.1:5999";
    const gateway = await startGateway({
      controller: lab.url,
      caFile: lab.caFile,
      log: () => undefined,
      portal: { loginService: lab.loginServiceUrl, browserUrls: { [idp.issuer]: browserUrl } },
    });
    try {
      const res = await fetch(`${gateway.url}/portal-config.json`);
      const config = (await res.json()) as { providers: { issuer: string; authority?: string }[] };
      expect(config.providers.map((p) => [p.issuer, p.authority])).toEqual([[idp.issuer, browserUrl]]);
      const connect = (res.headers.get("content-security-policy") ?? "").split("; ").find((d) => d.startsWith("connect-src"));
      expect(connect).toBe(`connect-src 'self' ${new URL(idp.issuer).origin} ${browserUrl}`);
    } finally {
      await gateway.stop();
    }
  });

  it("is empty without any: the portal offers tokens and config files only", async () => {
    const gateway = await startGateway({ controller: lab.url, caFile: lab.caFile, log: () => undefined });
    try {
      expect(await (await fetch(`${gateway.url}/portal-config.json`)).json()).toEqual({ providers: [] });
      expect((await fetch(`${gateway.url}/`)).headers.get("content-security-policy")).toContain("connect-src 'self';");
    } finally {
      await gateway.stop();
    }
  });
});
