import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadScenario, parseScenario, ScenarioError, validateScenario } from "./scenario.js";

const base = { namespace: "lab", clients: [{ name: "alice", token: "alice-token" }] };

function problem(value: unknown): string {
  try {
    validateScenario(value);
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
  throw new Error("the scenario was accepted");
}

describe("scenario validation", () => {
  it("fills in defaults", () => {
    const scenario = validateScenario({ ...base, exporters: [{ name: "a", labels: { board: "rpi5", ram: 8 } }] });
    expect(scenario.exporters[0]).toEqual({
      name: "a",
      labels: { board: "rpi5", ram: "8" },
      online: true,
      enabled: true,
      hooks: { beforeMs: 0, afterMs: 0, fail: "never", failMessage: "" },
    });
    expect(scenario.simulation).toBeUndefined();
  });

  it.each([
    [{ ...base, exporters: [{ name: "a" }, { name: "b" }, { name: "c" }, { name: "d", labels: { board: "rcar s4" } }] }, 'exporters[3].labels: "rcar s4" is not a valid label value'],
    [{ ...base, exporters: [{ name: "a", labels: { "bad key!": "x" } }] }, "exporters[0].labels: label key"],
    [{ ...base, exporters: [{ name: "Bad_Name" }] }, "exporters[0].name: name"],
    [{ ...base, exporters: [{ name: "a" }, { name: "a" }] }, 'exporters[1].name: exporter "a" is listed twice'],
    [{ ...base, exporters: [{ name: "a", online: "yes" }] }, "exporters[0].online: expected true or false"],
    [{ ...base, exporters: [{ name: "a", hooks: { before: 2 } }] }, 'exporters[0].hooks.before: expected a duration with a unit, such as "2s"'],
    [{ ...base, exporters: [{ name: "a", hooks: { fail: "sometimes" } }] }, "exporters[0].hooks.fail: expected before, after or never"],
    [{ ...base, exporters: [{ name: "a", colour: "red" }] }, "exporters[0].colour: unknown field"],
    [{ clients: base.clients }, "namespace: missing"],
    [{ namespace: "lab", clients: [] }, "clients: the lab needs at least one client"],
    [{ namespace: "lab", clients: [{ name: "a", token: "same-token" }, { name: "b", token: "same-token" }] }, 'clients[1].token: the same token is already given to client "a"'],
    [{ ...base, simulation: { traffic: { client: "nobody", selectors: ["board=x"] } } }, 'simulation.traffic.client: "nobody" is not one of the scenario\'s clients'],
    [{ ...base, simulation: { traffic: { client: "alice", selectors: ["board in (x"] } } }, "simulation.traffic.selectors[0]:"],
    [{ ...base, simulation: { outages: { duration: "5m..1m" } } }, "simulation.outages.duration: the range"],
    [{ ...base, simulation: { hooks: { failureRate: 2 } } }, "simulation.hooks.failureRate: expected a number from 0 to 1"],
    ["just text", "scenario: expected a mapping"],
  ])("rejects %j", (value, message) => {
    expect(problem(value)).toContain(message);
  });

  it("reads a simulation section with ranges", () => {
    const scenario = parseScenario(`
namespace: lab
clients: [{ name: ci-bot, token: ci-bot-token }]
simulation:
  seed: 7
  outages: { every: 10m, duration: 30s..2m }
  traffic: { client: ci-bot, every: 20s, duration: 1m, selectors: ["board=rpi5"] }
`);
    expect(scenario.simulation).toMatchObject({
      seed: 7,
      tickMs: 1000,
      outages: { everyMs: 600_000, duration: { minMs: 30_000, maxMs: 120_000 }, selector: "" },
      traffic: { client: "ci-bot", everyMs: 20_000, duration: { minMs: 60_000, maxMs: 60_000 }, selectors: ["board=rpi5"] },
    });
  });

  it("reports YAML syntax errors", () => {
    expect(() => parseScenario("namespace: [lab")).toThrow(/not valid YAML/);
  });

  it.each(["demo.yaml", "test.yaml"])("accepts the shipped scenarios/%s", (file) => {
    const scenario = loadScenario(join(import.meta.dirname, "..", "..", "scenarios", file));
    expect(scenario.exporters.length).toBeGreaterThan(5);
    expect(scenario.clients.map((c) => c.name)).toContain("alice");
  });

  it("ships a demo lab with offline, disabled and failing boards and a CI client", () => {
    const demo = loadScenario(join(import.meta.dirname, "..", "..", "scenarios", "demo.yaml"));
    expect(demo.exporters.length).toBeGreaterThanOrEqual(35);
    expect(demo.exporters.some((e) => !e.online)).toBe(true);
    expect(demo.exporters.some((e) => !e.enabled)).toBe(true);
    expect(demo.exporters.some((e) => e.hooks.fail === "before")).toBe(true);
    expect(new Set(demo.exporters.map((e) => e.labels.site)).size).toBeGreaterThanOrEqual(2);
    expect(demo.simulation?.traffic?.client).toBe("ci-bot");
  });
});
