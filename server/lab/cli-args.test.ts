import { describe, expect, it } from "vitest";
import { parseLabArgs, USAGE, UsageError } from "./cli-args.js";

describe("lab command line", () => {
  it("has the documented defaults", () => {
    expect(parseLabArgs([])).toMatchObject({
      host: "127.0.0.1",
      port: 8082,
      dataDir: "lab-data",
      scenario: "scenarios/demo.yaml",
      tls: undefined,
      plaintext: false,
      simulate: undefined,
      maxMessageBytes: 4 * 1024 * 1024,
    });
  });

  it("serves TLS unless --plaintext asks for cleartext [T9]", () => {
    expect(parseLabArgs(["--plaintext"])).toMatchObject({ plaintext: true, tls: undefined });
  });

  it("reads every flag", () => {
    const args = parseLabArgs(["--listen", "[::1]:0", "--data", "d", "--scenario", "s.yaml", "--tls-cert", "c.pem", "--tls-key", "k.pem", "--seed", "9", "--no-simulation"]);
    expect(args).toMatchObject({ host: "::1", port: 0, dataDir: "d", scenario: "s.yaml", tls: { certFile: "c.pem", keyFile: "k.pem" }, seed: 9, simulate: false });
  });

  it("reads --quiet, -h, a bare port and seed 0", () => {
    expect(parseLabArgs([])).toMatchObject({ help: false, quiet: false, seed: undefined });
    expect(parseLabArgs(["--quiet", "-h"])).toMatchObject({ help: true, quiet: true });
    expect(parseLabArgs(["--listen", ":0"])).toMatchObject({ host: "127.0.0.1", port: 0 });
    expect(parseLabArgs(["--listen", "0.0.0.0:9000", "--seed", "0"])).toMatchObject({ host: "0.0.0.0", port: 9000, seed: 0 });
  });

  it("reads --max-message-bytes, the largest request message (issue 12, item 6)", () => {
    expect(parseLabArgs(["--max-message-bytes", "1048576"])).toMatchObject({ maxMessageBytes: 1_048_576 });
    expect(parseLabArgs(["--max-message-bytes", "4294967295"])).toMatchObject({ maxMessageBytes: 0xffff_ffff });
    expect(USAGE).toMatch(/--max-message-bytes N\s+largest request message read \(default 4194304/);
  });

  it("mentions in its usage that the data folder holds the client configs", () => {
    expect(USAGE).toMatch(/--data DIR .*client configs/);
  });

  it.each([
    [["--seed=-1"], "is not a whole number"],
    [["--seed", "1.5"], "is not a whole number"],
    [["--listen", "8082"], "is not HOST:PORT"],
    [["--listen", "host:99999"], "is not HOST:PORT"],
    [["--tls-cert", "c.pem"], "--tls-cert and --tls-key go together"],
    [["--plaintext", "--tls-cert", "c.pem", "--tls-key", "k.pem"], "--plaintext serves no TLS"],
    [["--seed", "abc"], "is not a whole number"],
    [["--what"], "Unknown option"],
    [["--max-message-bytes", "0"], "--max-message-bytes \"0\" is not a whole number of bytes from 1 to 4294967295"],
    [["--max-message-bytes", "4MiB"], "is not a whole number of bytes"],
    [["--max-message-bytes", "4294967296"], "is not a whole number of bytes"],
  ])("rejects %j", (argv, message) => {
    expect(() => parseLabArgs(argv)).toThrow(UsageError);
    expect(() => parseLabArgs(argv)).toThrow(message);
  });
});
