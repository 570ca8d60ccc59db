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

export interface DemoLabOptions {
  readonly dataDir: string;
  readonly scenarioFile: string;
  readonly host?: string;
  /** The provider's access-token lifetime (default 1 h); journeys shorten it to see renewals. */
  readonly accessTokenTtlSeconds?: number;
}

/** What the sign-in button calls the demo provider. */
export const DEMO_PROVIDER_LABEL = "the demo provider";

export async function startDemoLab(options: DemoLabOptions): Promise<DemoLab> {
  const host = options.host ?? "127.0.0.1";
  const idp = await startDemoIdp({
    dataDir: join(options.dataDir, "idp"),
    host,
    users: DEMO_USERS,
    // Loopback redirect URIs: any port, as native clients use them (the portal's port varies).
    clients: [
      {
        clientId: PORTAL_CLIENT_ID,
        redirectUris: ["http://127.0.0.1/sign-in/oidc", "http://localhost/sign-in/oidc"],
        postLogoutRedirectUris: ["http://127.0.0.1/sign-in", "http://localhost/sign-in"],
      },
      { clientId: "jumpstarter-cli", redirectUris: ["http://127.0.0.1/callback", "http://localhost/callback"] },
    ],
    audience: DEMO_AUDIENCE,
    // Browsers do not trust the lab's own CA: they reach the provider on its http loopback address.
    browserAddress: true,
    ...(options.accessTokenTtlSeconds === undefined ? {} : { accessTokenTtlSeconds: options.accessTokenTtlSeconds }),
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
        label: DEMO_PROVIDER_LABEL,
        ...(idp.browserUrl === undefined ? {} : { browserUrls: { [idp.issuer]: idp.browserUrl } }),
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
