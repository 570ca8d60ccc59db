// External OIDC tokens, accepted as the controller's JWT authenticators do
// [A1], [A3], [A10], with the names of [Z2]/[H4], clients with a username
// [Z1] and provisioning [Z3]. The provider is real: the demo identity
// provider (oidc-provider) on loopback with its own CA; users sign in
// through its login form.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoIdp, type RunningIdp } from "../idp/demo-idp.js";
import { signInWithPassword } from "../idp/testing/oidc-login.js";
import { startLab, type RunningLab, type Scenario } from "./lab.js";
import { grpcClient, refusal, until, type CallIdentity } from "./testing/lab-harness.js";

const parent = "namespaces/lab";
const dirs: string[] = [];
const labs: RunningLab[] = [];
let idp: RunningIdp;
let idpDir: string;
let danaToken: string;
let erikToken: string;
let frankToken: string;

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

const users = [
  { username: "dana", password: "dana-pass", name: "Dana", email: "dana@example.com" },
  { username: "erik", password: "erik-pass", name: "Erik", email: "erik@example.com" },
  { username: "frank", password: "frank-pass", name: "Frank", email: "frank@example.com" },
];

beforeAll(async () => {
  idpDir = tempDir("idp-");
  idp = await startDemoIdp({ dataDir: idpDir, users, clients: [{ clientId: "jumpstarter-cli", redirectUris: ["http://127.0.0.1/callback"] }], audience: "jumpstarter" });
  const login = (username: string) =>
    signInWithPassword({ issuer: idp.issuer, caPem: idp.caPem, clientId: "jumpstarter-cli", redirectUri: "http://127.0.0.1:40123/callback", username, password: `${username}-pass` });
  [danaToken, erikToken, frankToken] = (await Promise.all(["dana", "erik", "frank"].map(login))).map((t) => t.access_token) as [string, string, string];
});

afterAll(async () => {
  for (const lab of labs) await lab.stop();
  await idp.stop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

interface LabSetup {
  readonly provisioning?: boolean;
  readonly audiences?: readonly string[];
  readonly issuerUrl?: string;
  readonly now?: () => number;
}

async function oidcLab(setup: LabSetup = {}): Promise<RunningLab> {
  const scenario: Scenario = {
    namespace: "lab",
    controller: {
      provisioning: { enabled: setup.provisioning ?? true },
      authentication: {
        jwt: [
          {
            issuer: { url: setup.issuerUrl ?? idp.issuer, audiences: setup.audiences ?? ["jumpstarter"], ...((setup.audiences?.length ?? 1) > 1 ? { audienceMatchPolicy: "MatchAny" } : {}), certificateAuthority: idp.caPem },
            claimMappings: { username: { claim: "preferred_username", prefix: "demo:" } },
          },
        ],
      },
    },
    clients: [{ name: "alice" }, { name: "erik", username: "demo:erik" }, { name: "frank", username: "demo:someone-else" }],
    exporters: [{ name: "rpi5-01", labels: { board: "rpi5" } }],
  };
  const lab = await startLab({ port: 0, dataDir: tempDir("lab-oidc-"), scenario, warn: () => undefined, ...(setup.now === undefined ? {} : { now: setup.now }) });
  labs.push(lab);
  return lab;
}

const as = (lab: RunningLab, token: string, name?: string) => grpcClient(lab, { token, namespace: "lab", kind: "Client", ...(name === undefined ? {} : { name }) } satisfies CallIdentity);

/** The authenticator fetches the provider's discovery and keys in the background: wait for it. */
async function ready(lab: RunningLab): Promise<void> {
  await until("the OIDC authenticator", async () => {
    const r = await refusal(as(lab, erikToken, "erik").listExporters({ parent, pageSize: 1 })).catch(() => undefined);
    return r === undefined ? true : r.message === "oidc: authenticator not initialized" ? undefined : true;
  });
}

describe("tokens of a configured issuer [A1], [A3]", () => {
  let lab: RunningLab;
  beforeAll(async () => {
    lab = await oidcLab();
    await ready(lab);
  });

  it("a user with a pre-created Client (spec.username) is that client [Z1], [H4]", async () => {
    const created = await as(lab, erikToken, "erik").createLease({ parent, lease: { selector: "board=rpi5", duration: { seconds: 60n } } });
    expect(created.client).toBe("namespaces/lab/clients/erik");
    // The name header may be left empty: the controller derives it.
    expect((await as(lab, erikToken).getLease({ name: created.name })).client).toBe("namespaces/lab/clients/erik");
    await as(lab, erikToken, "erik").deleteLease({ name: created.name });
  });

  it("a new user gets a Client made on first use when provisioning is on, named as [Z2] derives it [Z3]", async () => {
    const dana = as(lab, danaToken);
    const lease = await dana.createLease({ parent, lease: { selector: "board=rpi5", duration: { seconds: 60n } } });
    expect(lease.client).toBe("namespaces/lab/clients/dana");
    expect(lab.clients.map((c) => c.name)).toContain("dana");
    await dana.deleteLease({ name: lease.name });
  });

  it("a name header naming another client: INVALID_ARGUMENT `resource name mismatch` [H4]", async () => {
    expect(await refusal(as(lab, danaToken, "alice").listExporters({ parent }))).toEqual({
      code: "InvalidArgument",
      message: 'resource name mismatch: provided "alice" but expected "dana" (derived from OIDC username "demo:dana")',
    });
  });

  it("a Client whose spec.username is another user's: PERMISSION_DENIED [A14], [Z1]", async () => {
    expect(await refusal(as(lab, frankToken, "frank").listExporters({ parent }))).toEqual({ code: "PermissionDenied", message: "permission denied for client lab/frank" });
  });

  it("internal tokens keep working beside the external issuer [A1]", async () => {
    const alice = lab.clients.find((c) => c.name === "alice")?.token ?? "";
    expect((await as(lab, alice, "alice").listExporters({ parent })).exporters).toHaveLength(1);
  });

  it("a token signed by a key the provider does not publish is refused [A10]", async () => {
    const [h, p] = danaToken.split(".");
    expect(await refusal(as(lab, `${h}.${p}.${Buffer.from("forged").toString("base64url")}`).listExporters({ parent }))).toEqual({
      code: "Unknown",
      message: "oidc: verify token: failed to verify signature: failed to verify id token signature",
    });
  });

  it("a token without the username claim is refused with the claim's name [A3]", async () => {
    // Signed with the provider's own key, as it would sign a token for a client without the profile scope.
    const { keys } = JSON.parse(readFileSync(join(idpDir, "jwks.json"), "utf8")) as { keys: JWK[] };
    const es = keys.find((k) => k.alg === "ES256");
    if (es === undefined) throw new Error("no ES256 key");
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: "ES256", kid: es.kid ?? "" })
      .setIssuer(idp.issuer)
      .setAudience("jumpstarter")
      .setSubject("nobody")
      .setIssuedAt()
      .setExpirationTime("10m")
      .sign(await importJWK(es, "ES256"));
    expect(await refusal(as(lab, token).listExporters({ parent }))).toEqual({ code: "Unknown", message: 'oidc: parse username claims "preferred_username": claim not present' });
  });
});

describe("refusals [A10], [A13]", () => {
  it("provisioning off: an unknown user's Client is not found [A13]", async () => {
    const lab = await oidcLab({ provisioning: false });
    await ready(lab);
    expect(await refusal(as(lab, danaToken).listExporters({ parent }))).toEqual({ code: "Unknown", message: 'client lab/dana: clients.jumpstarter.dev "dana" not found' });
  });

  it("a token for another audience [A10]", async () => {
    const lab = await oidcLab({ audiences: ["controller-a", "controller-b"] });
    await until("the authenticator", async () => {
      const r = await refusal(as(lab, danaToken).listExporters({ parent }));
      return r.message === "oidc: authenticator not initialized" ? undefined : r;
    }).then((r) =>
      expect(r).toEqual({ code: "Unknown", message: 'oidc: verify token: oidc: expected audience in ["controller-a" "controller-b"] got ["jumpstarter"]' }),
    );
  });

  it("an expired token says `token is expired`, which tells a client to sign in again [A10], [J4]", async () => {
    const lab = await oidcLab({ now: () => Date.now() + 2 * 3600_000 });
    await until("the authenticator", async () => {
      const r = await refusal(as(lab, danaToken).listExporters({ parent }));
      return r.message === "oidc: authenticator not initialized" ? undefined : r;
    }).then((r) => {
      expect(r.code).toBe("Unknown");
      expect(r.message).toMatch(/^oidc: verify token: oidc: token is expired \(Token Expiry: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d \+0000 UTC\)$/);
    });
  });

  it("until the issuer's discovery succeeds: `oidc: authenticator not initialized` [A3]", async () => {
    // The same provider's tokens, but the issuer configured where nothing answers.
    const lab = await oidcLab({ issuerUrl: "https://127.0.0.1:9" });
    const forged = await new SignJWT({ preferred_username: "dana" }).setProtectedHeader({ alg: "HS256" }).setIssuer("https://127.0.0.1:9").sign(new Uint8Array(32));
    expect(await refusal(as(lab, forged).listExporters({ parent }))).toEqual({ code: "Unknown", message: "oidc: authenticator not initialized" });
  });
});

describe("the login service [CF3]", () => {
  it("tells jmp login and a portal's backend the endpoint, namespace, CA and OIDC issuers, without CORS", async () => {
    const dataDir = tempDir("lab-login-");
    const lab = await startLab({
      port: 0,
      dataDir,
      loginServicePort: 0,
      warn: () => undefined,
      scenario: {
        namespace: "lab",
        controller: { authentication: { jwt: [{ issuer: { url: idp.issuer, audiences: ["jumpstarter"], certificateAuthority: idp.caPem }, claimMappings: { username: { claim: "sub", prefix: "demo:" } } }] } },
        clients: [{ name: "alice" }],
      },
    });
    labs.push(lab);
    expect(lab.loginServiceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${lab.loginServiceUrl ?? ""}/v1/auth/config`);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(await res.json()).toEqual({
      grpcEndpoint: lab.endpoint,
      namespace: "lab",
      caBundle: Buffer.from(lab.caPem ?? "", "utf8").toString("base64"),
      oidc: [{ issuer: idp.issuer, clientId: "jumpstarter-cli", audiences: ["jumpstarter"] }],
    });
    expect(await (await fetch(`${lab.loginServiceUrl ?? ""}/healthz`)).text()).toBe("ok");
  });
});
