// Scenario files, version 2 (/work/shared/spec/scenario.md): the controller's
// configuration with upstream names and defaults [CF1], clients, access
// policies, exporters and their states, hooks, simulation; unknown keys
// refused where they are; the shipped scenarios.
import { join } from "node:path";
import { decodeJwt } from "jose";
import { describe, expect, it } from "vitest";
import { ExporterStatus } from "../../src/gen/jumpstarter/v1/common_pb.js";
import { celUsername, loadScenario, parseScenario, ScenarioError, validateScenario, type Scenario } from "./scenario.js";
import { refusal, startTestLab } from "./testing/lab-harness.js";

const scenarios = join(import.meta.dirname, "..", "..", "scenarios");
const base = { namespace: "lab", clients: [{ name: "alice" }] };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function problem(value: unknown): string {
  try {
    validateScenario(value);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error("the scenario was accepted");
}

const withController = (controller: unknown) => validateScenario({ ...base, controller }).controller;

describe("the controller section [CF1]", () => {
  it("is optional, with the controller's defaults: nothing hidden or deprecated, 10 tags, no provisioning, 365-day tokens, no JWT issuers", () => {
    for (const scenario of [base, { ...base, controller: {} }, { ...base, controller: null }]) {
      expect(validateScenario(scenario).controller).toMatchObject({
        hiddenLabelKeys: [],
        deprecatedLabels: {},
        maxTags: 10,
        provisioning: false,
        tokenLifetimeMs: 365 * DAY,
        jwt: [],
      });
    }
  });

  it("reads the example of scenario.md", () => {
    const scenario = parseScenario(`
namespace: lab
controller:
  hiddenLabels:
    keys: [inventory/asset-tag]
  deprecatedLabels:
    keys:
      location: use site instead
  leasePolicy:
    maxTags: 10
  provisioning:
    enabled: false
  authentication:
    internal:
      tokenLifetime: 8760h
    jwt:
      - issuer:
          url: https://idp.example.com/realms/lab
          audiences: [jumpstarter]
        claimMappings:
          username:
            claim: sub
            prefix: "keycloak:"
clients:
  - name: alice
`);
    expect(scenario.controller).toMatchObject({
      hiddenLabelKeys: ["inventory/asset-tag"],
      deprecatedLabels: { location: "use site instead" },
      maxTags: 10,
      provisioning: false,
      tokenLifetimeMs: 8760 * HOUR,
    });
    expect(scenario.controller.jwt).toHaveLength(1);
    expect(scenario.controller.jwt[0]).toMatchObject({
      issuer: { url: "https://idp.example.com/realms/lab", audiences: ["jumpstarter"] },
      claimMappings: { username: { claim: "sub", prefix: "keycloak:" } },
    });
  });

  it("hiddenLabels.keys is a list of exact keys [HL1]", () => {
    expect(withController({ hiddenLabels: { keys: ["jumpstarter.dev/name", "secret"] } }).hiddenLabelKeys).toEqual(["jumpstarter.dev/name", "secret"]);
    expect(problem({ ...base, controller: { hiddenLabels: { keys: ["bad key!"] } } })).toContain("controller.hiddenLabels.keys[0]");
    expect(problem({ ...base, controller: { hiddenLabels: { keys: "secret" } } })).toContain("controller.hiddenLabels.keys");
  });

  it("deprecatedLabels.keys maps a key to a message, which may be empty [HL2]", () => {
    const parsed = parseScenario(`
namespace: lab
clients: [{ name: alice }]
controller:
  deprecatedLabels:
    keys:
      location: use site instead
      old: ""
      older:
`);
    expect(parsed.controller.deprecatedLabels).toEqual({ location: "use site instead", old: "", older: "" });
    expect(problem({ ...base, controller: { deprecatedLabels: { keys: ["location"] } } })).toContain("controller.deprecatedLabels.keys");
  });

  it.each([
    [undefined, 10],
    [0, 10],
    [-3, 10],
    [1, 1],
    [5, 5],
    [20, 20],
  ])("leasePolicy.maxTags %j means %i [TG3]", (maxTags, effective) => {
    expect(withController({ leasePolicy: maxTags === undefined ? {} : { maxTags } }).maxTags).toBe(effective);
  });

  it("refuses a maxTags that is not a whole number", () => {
    expect(problem({ ...base, controller: { leasePolicy: { maxTags: "ten" } } })).toContain("controller.leasePolicy.maxTags");
    expect(problem({ ...base, controller: { leasePolicy: { maxTags: 2.5 } } })).toContain("controller.leasePolicy.maxTags");
  });

  it("provisioning.enabled defaults to false [Z3]", () => {
    expect(withController({ provisioning: {} }).provisioning).toBe(false);
    expect(withController({ provisioning: { enabled: true } }).provisioning).toBe(true);
    expect(problem({ ...base, controller: { provisioning: { enabled: "yes" } } })).toContain("controller.provisioning.enabled");
  });

  it("authentication.internal.tokenLifetime is a Go duration, greater than zero [A2], [CF1]", () => {
    expect(withController({ authentication: { internal: { tokenLifetime: "24h" } } }).tokenLifetimeMs).toBe(DAY);
    expect(withController({ authentication: { internal: { tokenLifetime: "1h30m" } } }).tokenLifetimeMs).toBe(1.5 * HOUR);
    for (const bad of ["0s", "-1h", "forever", 3600]) {
      expect(problem({ ...base, controller: { authentication: { internal: { tokenLifetime: bad } } } })).toContain("controller.authentication.internal.tokenLifetime");
    }
  });

  it("the simulator mints tokens with that lifetime [A2]", async () => {
    const t = await startTestLab({ scenario: { ...base, controller: { authentication: { internal: { tokenLifetime: "2h" } } } } });
    try {
      const claims = decodeJwt(t.token("alice"));
      expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(7200);
    } finally {
      await t.close();
    }
  });

  describe("authentication.jwt: the JWTAuthenticator schema [A3]", () => {
    const issuer = { url: "https://idp.example.com/realms/lab", audiences: ["jumpstarter"] };
    const username = { claim: "sub", prefix: "keycloak:" };
    const jwt = (authenticator: Record<string, unknown>) => ({ ...base, controller: { authentication: { jwt: [authenticator] } } });
    const at = "controller.authentication.jwt[0]";

    it("accepts the optional fields of the schema", () => {
      const scenario = validateScenario(
        jwt({
          issuer: {
            ...issuer,
            audiences: ["jumpstarter", "portal"],
            audienceMatchPolicy: "MatchAny",
            discoveryURL: "https://idp.internal/realms/lab/.well-known/openid-configuration",
            certificateAuthority: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
          },
          claimMappings: { username: { claim: "email", prefix: "" } },
          claimValidationRules: [],
          userValidationRules: [],
        }),
      );
      expect(scenario.controller.jwt[0]).toMatchObject({
        issuer: { audiences: ["jumpstarter", "portal"], audienceMatchPolicy: "MatchAny", discoveryURL: "https://idp.internal/realms/lab/.well-known/openid-configuration" },
        claimMappings: { username: { claim: "email", prefix: "" } },
      });
      // A CEL expression instead of a claim.
      expect(validateScenario(jwt({ issuer, claimMappings: { username: { expression: "claims.sub" } } })).controller.jwt[0]?.claimMappings.username.expression).toBe("claims.sub");
    });

    it.each<[string, Record<string, unknown>, string]>([
      ["an issuer URL that is not https", { issuer: { ...issuer, url: "http://idp.example.com" }, claimMappings: { username } }, `${at}.issuer.url`],
      ["no issuer URL", { issuer: { audiences: ["jumpstarter"] }, claimMappings: { username } }, `${at}.issuer.url`],
      ["no audiences", { issuer: { url: issuer.url }, claimMappings: { username } }, `${at}.issuer.audiences`],
      ["an empty audience list", { issuer: { ...issuer, audiences: [] }, claimMappings: { username } }, `${at}.issuer.audiences`],
      ["several audiences without audienceMatchPolicy: MatchAny", { issuer: { ...issuer, audiences: ["a", "b"] }, claimMappings: { username } }, `${at}.issuer.audienceMatchPolicy`],
      ["a claim without a prefix", { issuer, claimMappings: { username: { claim: "sub" } } }, `${at}.claimMappings.username.prefix`],
      ["neither a claim nor an expression", { issuer, claimMappings: { username: {} } }, `${at}.claimMappings.username`],
      ["both a claim and an expression", { issuer, claimMappings: { username: { ...username, expression: "claims.sub" } } }, `${at}.claimMappings.username`],
      ["no claimMappings", { issuer }, `${at}.claimMappings`],
      ["an unknown issuer field", { issuer: { ...issuer, audience: "x" }, claimMappings: { username } }, `${at}.issuer.audience`],
    ])("refuses %s", (_what, authenticator, path) => {
      expect(problem(jwt(authenticator))).toContain(path);
    });
  });
});

describe("clients", () => {
  it("have a name, optional labels and an optional username (spec.username) [Z1], [AP2]", () => {
    const { clients } = validateScenario({
      namespace: "lab",
      clients: [{ name: "alice" }, { name: "bob", labels: { team: "ci" } }, { name: "dana-example-com", username: "keycloak:Dana@Example.com" }],
    });
    expect(clients).toEqual([
      { name: "alice", labels: {}, username: undefined },
      { name: "bob", labels: { team: "ci" }, username: undefined },
      { name: "dana-example-com", labels: {}, username: "keycloak:Dana@Example.com" },
    ]);
  });

  it("ignores a `token:` with a warning (LabScenario.warnings)", () => {
    const clean = validateScenario(base);
    expect(clean.warnings).toEqual([]);
    const old = validateScenario({ namespace: "lab", clients: [{ name: "alice", token: "alice-token" }, { name: "bob" }] });
    expect(old.clients).toEqual([{ name: "alice", labels: {}, username: undefined }, { name: "bob", labels: {}, username: undefined }]);
    expect(old.warnings).toHaveLength(1);
    expect(old.warnings[0]).toContain("clients[0].token");
  });

  it("a lab started from a scenario with a `token:` warns, and mints the client's token instead [A2]", async () => {
    const warnings: string[] = [];
    const t = await startTestLab({ scenario: { namespace: "lab", clients: [{ name: "alice", token: "alice-token" }] }, warn: (line) => warnings.push(line) });
    try {
      expect(warnings.some((w) => w.includes("clients[0].token"))).toBe(true);
      expect(t.token("alice")).not.toBe("alice-token");
      expect(decodeJwt(t.token("alice")).sub).toMatch(/^client:lab:alice:/);
      const old = t.client({ token: "alice-token", namespace: "lab", kind: "Client", name: "alice" });
      expect(await refusal(old.listExporters({ parent: "namespaces/lab" }))).toEqual({ code: "Unknown", message: "failed to authenticate token" });
      expect((await t.as("alice").listExporters({ parent: "namespaces/lab" })).exporters).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it.each<[unknown, string]>([
    [{ namespace: "lab", clients: [] }, "clients"],
    [{ namespace: "lab" }, "clients"],
    [{ namespace: "lab", clients: [{ name: "alice" }, { name: "alice" }] }, "clients[1].name"],
    [{ namespace: "lab", clients: [{ name: "Alice_1" }] }, "clients[0].name"],
    [{ namespace: "lab", clients: [{ name: "alice", labels: { team: "two words" } }] }, "clients[0].labels"],
    [{ namespace: "lab", clients: [{ name: "alice", username: 7 }] }, "clients[0].username"],
  ])("refuses %j, naming %s", (value, path) => {
    expect(problem(value)).toContain(path);
  });
});

describe("exporterAccessPolicies [AP1]-[AP4]", () => {
  it("are absent by default", () => {
    expect(validateScenario(base).accessPolicies).toEqual([]);
  });

  it("read the example of scenario.md: exporter selector, rules with priority, maximumDuration, spotAccess and client selectors", () => {
    const scenario = parseScenario(`
namespace: lab
clients: [{ name: bob, labels: { team: ci } }]
exporterAccessPolicies:
  - name: ci-only
    exporterSelector:
      matchLabels: { access: ci-only }
      matchExpressions: [{ key: site, operator: In, values: [bcn, brno] }, { key: broken, operator: DoesNotExist }]
    policies:
      - description: reserved for the CI team
        priority: 10
        maximumDuration: 1h
        spotAccess: false
        from: [{ clientSelector: { matchLabels: { team: ci } } }]
      - priority: -1
        spotAccess: true
        from: [{ clientSelector: {} }]
`);
    expect(scenario.accessPolicies).toEqual([
      {
        name: "ci-only",
        exporterSelector: {
          matchLabels: { access: "ci-only" },
          matchExpressions: [
            { key: "site", operator: "In", values: ["bcn", "brno"] },
            { key: "broken", operator: "DoesNotExist", values: [] },
          ],
        },
        rules: [
          { description: "reserved for the CI team", priority: 10, maximumDurationMs: HOUR, spotAccess: false, from: [{ matchLabels: { team: "ci" }, matchExpressions: [] }] },
          { description: "", priority: -1, maximumDurationMs: undefined, spotAccess: true, from: [{ matchLabels: {}, matchExpressions: [] }] },
        ],
      },
    ]);
  });

  it.each<[unknown, string]>([
    [{ exporterAccessPolicies: [{ name: "p", exporterSelector: { matchExpressions: [{ key: "a", operator: "Equals", values: ["x"] }] } }] }, "exporterAccessPolicies[0].exporterSelector.matchExpressions[0].operator"],
    [{ exporterAccessPolicies: [{ name: "p", policies: [{ maximumDuration: 60 }] }] }, "exporterAccessPolicies[0].policies[0].maximumDuration"],
    [{ exporterAccessPolicies: [{ name: "p", policies: [{ priority: "high" }] }] }, "exporterAccessPolicies[0].policies[0].priority"],
    [{ exporterAccessPolicies: [{ name: "p" }, { name: "p" }] }, "exporterAccessPolicies[1].name"],
  ])("refuses %j, naming %s", (extra, path) => {
    expect(problem({ ...base, ...(extra as object) })).toContain(path);
  });
});

describe("exporters", () => {
  it("default to enabled, connected and AVAILABLE, without hooks [S1], [S2]", () => {
    const [e] = validateScenario({ ...base, exporters: [{ name: "a", labels: { board: "rpi5", ram: 8, can: true } }] }).exporters;
    expect(e).toEqual({
      name: "a",
      labels: { board: "rpi5", ram: "8", can: "true" },
      enabled: true,
      state: { kind: "connected", status: ExporterStatus.AVAILABLE, message: "Exporter registered and available" },
      hooks: { beforeMs: 0, afterMs: 0, fail: "never", failMessage: "" },
    });
  });

  it("declare their state: online: false, neverSeen: true, or a reported status and message [S1]", () => {
    const { exporters } = validateScenario({
      ...base,
      exporters: [
        { name: "lost", online: false },
        { name: "never", neverSeen: true },
        { name: "failed", status: "AfterLeaseHookFailed", statusMessage: "afterLease hook failed: power" },
        { name: "old", status: "Unspecified" },
        { name: "off", enabled: false },
      ],
    });
    expect(exporters.map((e) => [e.name, e.state, e.enabled])).toEqual([
      ["lost", { kind: "lost" }, true],
      ["never", { kind: "never" }, true],
      ["failed", { kind: "connected", status: ExporterStatus.AFTER_LEASE_HOOK_FAILED, message: "afterLease hook failed: power" }, true],
      ["old", { kind: "connected", status: ExporterStatus.UNSPECIFIED, message: "" }, true],
      ["off", { kind: "connected", status: ExporterStatus.AVAILABLE, message: "Exporter registered and available" }, false],
    ]);
  });

  it.each<[string, ExporterStatus]>([
    ["Unspecified", ExporterStatus.UNSPECIFIED],
    ["Offline", ExporterStatus.OFFLINE],
    ["Available", ExporterStatus.AVAILABLE],
    ["BeforeLeaseHook", ExporterStatus.BEFORE_LEASE_HOOK],
    ["LeaseReady", ExporterStatus.LEASE_READY],
    ["AfterLeaseHook", ExporterStatus.AFTER_LEASE_HOOK],
    ["BeforeLeaseHookFailed", ExporterStatus.BEFORE_LEASE_HOOK_FAILED],
    ["AfterLeaseHookFailed", ExporterStatus.AFTER_LEASE_HOOK_FAILED],
  ])("status %s is the Exporter object's spelling of %i", (status, value) => {
    const [e] = validateScenario({ ...base, exporters: [{ name: "a", status, statusMessage: "m" }] }).exporters;
    expect(e?.state).toEqual({ kind: "connected", status: value, message: "m" });
  });

  it("read hooks: durations, which one fails and how", () => {
    const [e] = validateScenario({ ...base, exporters: [{ name: "a", hooks: { before: "2s", after: "1m30s", fail: "before", failMessage: "flash timeout" } }] }).exporters;
    expect(e?.hooks).toEqual({ beforeMs: 2_000, afterMs: 90_000, fail: "before", failMessage: "flash timeout" });
  });

  it.each<[unknown, string]>([
    [[{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d", labels: { board: "rcar s4" } }], "exporters[3].labels"],
    [[{ name: "a", labels: { "bad key!": "x" } }], "exporters[0].labels"],
    [[{ name: "Bad_Name" }], "exporters[0].name"],
    [[{ name: "a" }, { name: "a" }], "exporters[1].name"],
    [[{ name: "a", online: "yes" }], "exporters[0].online"],
    [[{ name: "a", neverSeen: "no" }], "exporters[0].neverSeen"],
    [[{ name: "a", enabled: 1 }], "exporters[0].enabled"],
    [[{ name: "a", status: "Ready" }], "exporters[0].status"],
    [[{ name: "a", status: "AVAILABLE" }], "exporters[0].status"],
    [[{ name: "a", hooks: { before: 2 } }], "exporters[0].hooks.before"],
    [[{ name: "a", hooks: { after: "2" } }], "exporters[0].hooks.after"],
    [[{ name: "a", hooks: { fail: "sometimes" } }], "exporters[0].hooks.fail"],
  ])("refuse %j, naming %s", (exporters, path) => {
    expect(problem({ ...base, exporters })).toContain(path);
  });
});

describe("simulation", () => {
  it("is optional: without it the lab stays still", () => {
    expect(validateScenario(base).simulation).toBeUndefined();
  });

  it("reads the example of scenario.md, with ranges", () => {
    const scenario = parseScenario(`
namespace: lab
clients: [{ name: ci-bot }]
simulation:
  seed: 42
  tick: 1s
  outages: { every: 45m, duration: 20s..3m, selector: "site!=westford" }
  hooks: { jitter: 0.4, failureRate: 0.04, repairAfter: 1m..4m, messages: [flash timeout] }
  traffic: { client: ci-bot, every: 20s, duration: 3m..15m, releaseEarly: 0.6, maxActive: 6,
             selectors: [board=rcar-s4], tags: { pipeline: nightly } }
`);
    expect(scenario.simulation).toEqual({
      seed: 42,
      tickMs: 1_000,
      outages: { everyMs: 45 * 60_000, duration: { minMs: 20_000, maxMs: 180_000 }, selector: "site!=westford" },
      hooks: { jitter: 0.4, failureRate: 0.04, repairAfter: { minMs: 60_000, maxMs: 240_000 }, messages: ["flash timeout"] },
      traffic: {
        client: "ci-bot",
        everyMs: 20_000,
        duration: { minMs: 180_000, maxMs: 900_000 },
        releaseEarly: 0.6,
        maxActive: 6,
        selectors: ["board=rcar-s4"],
        tags: { pipeline: "nightly" },
      },
    });
  });

  it.each<[unknown, string]>([
    [{ traffic: { client: "nobody", selectors: ["board=x"] } }, "simulation.traffic.client"],
    [{ traffic: { client: "alice", selectors: ["board in (x"] } }, "simulation.traffic.selectors[0]"],
    [{ traffic: { client: "alice", selectors: [] } }, "simulation.traffic.selectors"],
    [{ outages: { duration: "5m..1m" } }, "simulation.outages.duration"],
    [{ outages: { every: "45" } }, "simulation.outages.every"],
    [{ outages: { selector: "site in (" } }, "simulation.outages.selector"],
    [{ hooks: { failureRate: 2 } }, "simulation.hooks.failureRate"],
    [{ hooks: { repairAfter: "1m..2m..3m" } }, "simulation.hooks.repairAfter"],
    [{ seed: -1 }, "simulation.seed"],
    [{ tick: "1" }, "simulation.tick"],
  ])("refuses %j, naming %s", (simulation, path) => {
    expect(problem({ ...base, simulation })).toContain(path);
  });
});

describe("unknown keys are refused with a message naming the key and its place [CF1]", () => {
  it.each<[Scenario, string]>([
    [{ ...base, version: 2 }, "version"],
    [{ ...base, controller: { hiddenLabel: { keys: [] } } }, "controller.hiddenLabel"],
    [{ ...base, controller: { hiddenLabels: { patterns: ["x"] } } }, "controller.hiddenLabels.patterns"],
    [{ ...base, controller: { deprecatedLabels: { key: {} } } }, "controller.deprecatedLabels.key"],
    [{ ...base, controller: { leasePolicy: { maxtags: 3 } } }, "controller.leasePolicy.maxtags"],
    [{ ...base, controller: { provisioning: { enable: true } } }, "controller.provisioning.enable"],
    [{ ...base, controller: { authentication: { internal: { lifetime: "1h" } } } }, "controller.authentication.internal.lifetime"],
    [{ ...base, controller: { authentication: { oidc: [] } } }, "controller.authentication.oidc"],
    [{ namespace: "lab", clients: [{ name: "alice", group: "x" }] }, "clients[0].group"],
    [{ ...base, exporterAccessPolicies: [{ name: "p", selector: {} }] }, "exporterAccessPolicies[0].selector"],
    [{ ...base, exporterAccessPolicies: [{ name: "p", policies: [{ maxDuration: "1h" }] }] }, "exporterAccessPolicies[0].policies[0].maxDuration"],
    [{ ...base, exporterAccessPolicies: [{ name: "p", policies: [{ from: [{ client: {} }] }] }] }, "exporterAccessPolicies[0].policies[0].from[0].client"],
    [{ ...base, exporters: [{ name: "a", colour: "red" }] }, "exporters[0].colour"],
    [{ ...base, exporters: [{ name: "a", hooks: { during: "1s" } }] }, "exporters[0].hooks.during"],
    [{ ...base, simulation: { speed: 2 } }, "simulation.speed"],
    [{ ...base, simulation: { traffic: { client: "alice", selectors: ["board=x"], burst: 3 } } }, "simulation.traffic.burst"],
  ])("%j: %s", (value, path) => {
    const message = problem(value);
    expect(message).toContain(path);
    expect(message).toMatch(/unknown/i);
  });

  it("other structural problems name their place too", () => {
    expect(problem({ clients: base.clients })).toContain("namespace");
    expect(problem({ namespace: "Lab!", clients: base.clients })).toContain("namespace");
    expect(problem("just text")).toContain("scenario");
    expect(() => parseScenario("namespace: [lab")).toThrow(/not valid YAML/);
  });
});

describe("the shipped scenarios", () => {
  it.each(["demo.yaml", "test.yaml"])("scenarios/%s loads without warnings", (file) => {
    const scenario = loadScenario(join(scenarios, file));
    expect(scenario.namespace).toBe("lab");
    expect(scenario.exporters.length).toBeGreaterThan(5);
    expect(scenario.clients.map((c) => c.name)).toContain("alice");
    // Version 2 through and through: no `token:` left from version 1, nothing else to warn about.
    expect(scenario.warnings).toEqual([]);
  });

  it("test.yaml has a controller section and one board per state [S1]", () => {
    const test = loadScenario(join(scenarios, "test.yaml"));
    expect(test.controller.hiddenLabelKeys).toEqual(["inventory/asset-tag"]);
    expect(test.controller.deprecatedLabels).toEqual({ location: "use site instead" });
    expect(test.clients.find((c) => c.name === "bob")?.labels).toEqual({ team: "ci" });
    const kinds = new Set(test.exporters.map((e) => e.state.kind));
    expect(kinds).toEqual(new Set(["connected", "lost", "never"]));
    expect(test.exporters.some((e) => e.state.kind === "connected" && e.state.status === ExporterStatus.UNSPECIFIED)).toBe(true);
    expect(test.exporters.some((e) => !e.enabled)).toBe(true);
    expect(test.simulation).toBeUndefined();
  });

  it("demo.yaml is a busy lab: offline, disabled and failing boards, a CI client", () => {
    const demo = loadScenario(join(scenarios, "demo.yaml"));
    expect(demo.exporters.length).toBeGreaterThanOrEqual(35);
    expect(demo.exporters.some((e) => e.state.kind === "lost")).toBe(true);
    expect(demo.exporters.some((e) => !e.enabled)).toBe(true);
    expect(demo.exporters.some((e) => e.hooks.fail === "before")).toBe(true);
    expect(new Set(demo.exporters.map((e) => e.labels.site)).size).toBeGreaterThanOrEqual(2);
    expect(demo.simulation?.traffic?.client).toBe("ci-bot");
    expect(demo.clients.map((c) => c.name)).toContain("ci-bot");
  });
});

describe("the simulation's CI traffic follows CreateLease's rules [F4], [TG1]", () => {
  const base = { namespace: "lab", clients: [{ name: "ci" }] };
  it.each([
    [{ selectors: ["ram>4"] }, "simulation.traffic.selectors[0]: the controller would refuse this lease selector: unsupported label selector operator: gt"],
    [{ selectors: ["board==x"] }, "unsupported label selector operator: =="],
    [{ selectors: ["board=x"], tags: { "a/b": "x" } }, "simulation.traffic.tags: the controller would refuse these tags"],
    [{ selectors: ["board=x"], tags: Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`t${i}`, "v"])) }, "too many tags: 11 (maximum 10)"],
  ])("refuses %j", (traffic, message) => {
    expect(() => validateScenario({ ...base, simulation: { traffic: { client: "ci", ...traffic } } })).toThrow(message);
  });
});

describe("CEL username expressions the simulator evaluates [A3]", () => {
  it.each<[string, { claim: string; prefix: string } | undefined]>([
    ["claims.sub", { claim: "sub", prefix: "" }],
    ['claims["preferred_username"]', { claim: "preferred_username", prefix: "" }],
    ['"dex:" + claims.email', { claim: "email", prefix: "dex:" }],
    ["'kc:' + claims.sub", { claim: "sub", prefix: "kc:" }],
    ["claims.sub.lowerAscii()", undefined],
    ["has(claims.x) ? claims.x : claims.sub", undefined],
  ])("%s -> %j", (expression, parsed) => {
    expect(celUsername(expression)).toEqual(parsed);
  });
});
