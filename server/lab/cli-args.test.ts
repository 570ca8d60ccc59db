import { describe, expect, it } from "vitest";
import { parseLabArgs, UsageError } from "./cli-args.js";

describe("lab command line", () => {
  it("has the documented defaults", () => {
    expect(parseLabArgs([])).toMatchObject({
      host: "127.0.0.1",
      port: 8082,
      dataDir: ".data/lab",
      scenario: "scenarios/demo.yaml",
      tls: undefined,
      simulate: undefined,
    });
  });

  it("reads every flag", () => {
    const args = parseLabArgs(["--listen", "[::1]:0", "--data", "d", "--scenario", "s.yaml", "--tls-cert", "c.pem", "--tls-key", "k.pem", "--seed", "9", "--no-simulation"]);
    expect(args).toMatchObject({ host: "::1", port: 0, dataDir: "d", scenario: "s.yaml", tls: { certFile: "c.pem", keyFile: "k.pem" }, seed: 9, simulate: false });
  });

  it.each([
    [["--listen", "8082"], "is not HOST:PORT"],
    [["--listen", "host:99999"], "is not HOST:PORT"],
    [["--tls-cert", "c.pem"], "--tls-cert and --tls-key go together"],
    [["--seed", "abc"], "is not a whole number"],
    [["--what"], "Unknown option"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseLabArgs(argv)).toThrow(UsageError);
    expect(() => parseLabArgs(argv)).toThrow(message);
  });
});
