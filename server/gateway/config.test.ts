import { describe, expect, it } from "vitest";
import { ConfigError, flagOrEnv, parseCommandLine, parseDuration, parseListen, parseOrigins, portalSignIn } from "./config.js";

const controller = "http://127.0.0.1:8082";

function run(argv: string[], env: Record<string, string> = {}, defaultStaticDir?: string) {
  const command = parseCommandLine(argv, env, defaultStaticDir);
  if (command.kind !== "run") throw new Error("expected a run command");
  return command.options;
}

describe("parseCommandLine", () => {
  it("uses the defaults with only a controller", () => {
    expect(run(["--controller", controller])).toEqual({ controller, host: "127.0.0.1", port: 8080 });
  });

  it("reads every flag, in both --flag value and --flag=value forms", () => {
    const options = run([
      "--controller=https://ctrl.example:443/",
      "--listen",
      "0.0.0.0:9090",
      "--ca-file",
      "/etc/ca.pem",
      "--insecure",
      "--static-dir=build",
      "--allowed-origins",
      "https://a.example, http://localhost:5173",
      "--max-body-bytes",
      "2048",
      "--upstream-timeout=1m30s",
    ]);
    expect(options).toEqual({
      controller: "https://ctrl.example:443",
      host: "0.0.0.0",
      port: 9090,
      caFile: "/etc/ca.pem",
      insecure: true,
      staticDir: "build",
      allowedOrigins: ["https://a.example", "http://localhost:5173"],
      maxBodyBytes: 2048,
      upstreamTimeoutMs: 90_000,
    });
  });

  it("falls back to PORTAL_* variables, and flags win over them", () => {
    const env = {
      PORTAL_CONTROLLER: controller,
      PORTAL_LISTEN: "127.0.0.1:7000",
      PORTAL_INSECURE: "false",
      PORTAL_STATIC_DIR: "/srv/portal",
      PORTAL_ALLOWED_ORIGINS: "https://b.example",
      PORTAL_MAX_BODY_BYTES: "100",
      PORTAL_UPSTREAM_TIMEOUT: "5s",
    };
    expect(run([], env)).toEqual({
      controller,
      host: "127.0.0.1",
      port: 7000,
      staticDir: "/srv/portal",
      allowedOrigins: ["https://b.example"],
      maxBodyBytes: 100,
      upstreamTimeoutMs: 5000,
    });
    expect(run(["--listen", "127.0.0.1:7001"], env).port).toBe(7001);
    expect(run([], { ...env, PORTAL_INSECURE: "true" }).insecure).toBe(true);
  });

  it("serves the default static dir only when nothing names one", () => {
    expect(run(["--controller", controller], {}, "dist").staticDir).toBe("dist");
    expect(run(["--controller", controller, "--static-dir", "other"], {}, "dist").staticDir).toBe("other");
    expect(run(["--controller", controller]).staticDir).toBeUndefined();
  });

  it("answers --help", () => {
    expect(parseCommandLine(["--help"], {})).toEqual({ kind: "help" });
  });

  it.each([
    [[], /--controller .* is required/],
    [["--controller", "ftp://x"], /http:\/\/ or https:\/\//],
    [["--controller", "not a url"], /http:\/\/ or https:\/\//],
    [["--controller", controller, "--bogus"], /unknown flag --bogus/],
    [["--controller", controller, "extra"], /unexpected argument "extra"/],
    [["--controller"], /--controller needs a value/],
    [["--controller", controller, "--listen", "8080"], /HOST:PORT/],
    [["--controller", controller, "--listen", "h:70000"], /HOST:PORT/],
    [["--controller", controller, "--max-body-bytes", "1e3"], /positive whole number/],
    [["--controller", controller, "--max-body-bytes", "0"], /positive whole number/],
    [["--controller", controller, "--upstream-timeout", "30"], /duration such as 30s/],
    [["--controller", controller, "--insecure=maybe"], /true or false/],
    [["--controller", controller, "--allowed-origins", "https://a.example/path"], /origins like/],
    [["--controller", controller, "--allowed-origins", "*"], /origins like/],
    [["--controller", controller, "--controller", controller], /given twice/],
  ])("refuses %j with a clear message", (argv, message) => {
    expect(() => parseCommandLine(argv, {})).toThrow(ConfigError);
    expect(() => parseCommandLine(argv, {})).toThrow(message);
  });
});

describe("parseListen", () => {
  it("reads host and port, IPv6 in brackets", () => {
    expect(parseListen("localhost:0")).toEqual({ host: "localhost", port: 0 });
    expect(parseListen("[::1]:8080")).toEqual({ host: "::1", port: 8080 });
    expect(() => parseListen("::1:8080")).toThrow(ConfigError);
  });
});

describe("parseDuration", () => {
  it("reads units and sums compound durations", () => {
    expect(parseDuration("250ms", "--t")).toBe(250);
    expect(parseDuration("30s", "--t")).toBe(30_000);
    expect(parseDuration("1.5m", "--t")).toBe(90_000);
    expect(parseDuration("1h2m3s", "--t")).toBe(3_723_000);
    expect(() => parseDuration("0s", "--t")).toThrow(/at least 1ms/);
    expect(() => parseDuration("5 s", "--t")).toThrow(ConfigError);
  });
});

describe("parseOrigins", () => {
  it("normalises case and a trailing slash, drops empty entries", () => {
    expect(parseOrigins("HTTPS://A.Example/, ,http://localhost:5173")).toEqual(["https://a.example", "http://localhost:5173"]);
  });
});

describe("the sign-in flags as npm start reads them", () => {
  it("takes a flag first, else its PORTAL_* variable, and words a bad URL with the name the user gave", () => {
    const env = { PORTAL_OIDC_ISSUER: "https://idp.example/", PORTAL_NAMESPACE: "lab" };
    expect(portalSignIn(flagOrEnv({ "oidc-label": "Keycloak" }, env))).toEqual({ oidc: { issuer: "https://idp.example" }, label: "Keycloak", namespace: "lab" });
    expect(portalSignIn(flagOrEnv({ namespace: "qa" }, env))).toMatchObject({ namespace: "qa" });
    expect(() => portalSignIn(flagOrEnv({ "login-service": "login.example" }, {}))).toThrow('--login-service must be an http:// or https:// URL, got "login.example"');
    expect(() => portalSignIn(flagOrEnv({}, { PORTAL_LOGIN_SERVICE: "x" }))).toThrow(/^PORTAL_LOGIN_SERVICE must be/);
    expect(portalSignIn(flagOrEnv({}, {}))).toEqual({});
  });
});

describe("the load bound's flags (issue 12, item 8)", () => {
  it("sets the calls in flight, the queue and its wait, from flags or PORTAL_* variables", () => {
    expect(run(["--controller", controller, "--max-calls-in-flight", "16", "--max-calls-queued", "0", "--max-queue-wait", "100ms"])).toMatchObject({
      maxCallsInFlight: 16,
      maxCallsQueued: 0,
      maxQueueWaitMs: 100,
    });
    expect(run(["--controller", controller], { PORTAL_MAX_CALLS_IN_FLIGHT: "4", PORTAL_MAX_QUEUE_WAIT: "1s" })).toMatchObject({ maxCallsInFlight: 4, maxQueueWaitMs: 1000 });
  });
  it("refuses what is not a count or a duration, naming the flag", () => {
    expect(() => run(["--controller", controller, "--max-calls-in-flight", "0"])).toThrow('--max-calls-in-flight must be a positive whole number, got "0"');
    expect(() => run(["--controller", controller], { PORTAL_MAX_CALLS_QUEUED: "-1" })).toThrow(/^PORTAL_MAX_CALLS_QUEUED must be a positive whole number/);
    expect(() => run(["--controller", controller, "--max-queue-wait", "soon"])).toThrow(/--max-queue-wait/);
  });
});
