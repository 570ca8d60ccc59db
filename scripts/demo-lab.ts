// The demo lab `npm start` runs: the simulator with a scenario, and beside it
// the demo identity provider, configured as the simulator's JWT authenticator
// ([A3]: issuer, audience, CA, username claim and prefix) with provisioning
// on, so its users get a Client of their own on first sign-in ([Z3]).
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { readFileSync } from "node:fs";
import { startDemoIdp, type DemoUser, type RunningIdp } from "../server/idp/demo-idp.js";
import { startLab, type RunningLab, type Scenario } from "../server/lab/lab.js";
import type { PortalConfigOptions } from "../server/gateway/portal-config.js";

export const DEMO_AUDIENCE = "jumpstarter";
export const DEMO_USERNAME_CLAIM = "preferred_username";
export const DEMO_USERNAME_PREFIX = "demo:";
/** The portal's OAuth client at the demo provider, and jmp's. */
export const PORTAL_CLIENT_ID = "jumpstarter-portal";

export const DEMO_USERS: readonly DemoUser[] = [
  { username: "dana", password: "dana-lab-1", name: "Dana Novak", email: "dana@lab.example" },
  { username: "erik", password: "erik-lab-1", name: "Erik Lind", email: "erik@lab.example" },
];

export interface DemoLab {
  readonly lab: RunningLab;
  readonly idp: RunningIdp;
  /** What the gateway needs to offer the provider on the sign-in page. */
  readonly portal: PortalConfigOptions;
  stop(): Promise<void>;
}

/** A scenario file (YAML) with the demo provider added as a JWT authenticator. */
function withProvider(scenarioFile: string, idp: RunningIdp): Scenario {
  const scenario = parseYaml(readFileSync(scenarioFile, "utf8")) as Scenario;
  const controller = (scenario.controller ?? {}) as Record<string, unknown>;
  const authentication = (controller.authentication ?? {}) as Record<string, unknown>;
  const jwt = (authentication.jwt ?? []) as unknown[];
  return {
    ...scenario,
    controller: {
      ...controller,
      provisioning: { enabled: true },
      authentication: {
        ...authentication,
        jwt: [
          ...jwt,
          {
            issuer: { url: idp.issuer, audiences: [DEMO_AUDIENCE], certificateAuthority: idp.caPem },
            claimMappings: { username: { claim: DEMO_USERNAME_CLAIM, prefix: DEMO_USERNAME_PREFIX } },
          },
        ],
      },
    },
  };
}

export async function startDemoLab(options: { dataDir: string; scenarioFile: string; host?: string }): Promise<DemoLab> {
  const host = options.host ?? "127.0.0.1";
  const idp = await startDemoIdp({
    dataDir: join(options.dataDir, "idp"),
    host,
    users: DEMO_USERS,
    // Loopback redirect URIs: any port, as native clients use them (the portal's port varies).
    clients: [
      { clientId: PORTAL_CLIENT_ID, redirectUris: ["http://127.0.0.1/sign-in/oidc", "http://localhost/sign-in/oidc"] },
      { clientId: "jumpstarter-cli", redirectUris: ["http://127.0.0.1/callback", "http://localhost/callback"] },
    ],
    audience: DEMO_AUDIENCE,
  });
  try {
    const lab = await startLab({ port: 0, dataDir: options.dataDir, scenario: withProvider(options.scenarioFile, idp), loginServicePort: 0 });
    return {
      lab,
      idp,
      portal: {
        loginService: lab.loginServiceUrl,
        clientId: PORTAL_CLIENT_ID,
        usernameClaim: DEMO_USERNAME_CLAIM,
        usernamePrefix: DEMO_USERNAME_PREFIX,
        label: "the demo identity provider",
      },
      async stop() {
        await lab.stop();
        await idp.stop();
      },
    };
  } catch (e) {
    await idp.stop();
    throw e;
  }
}
