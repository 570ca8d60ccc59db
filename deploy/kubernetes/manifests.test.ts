// The static check of deploy/kubernetes/ (no cluster runs here): every manifest
// parses, has the structure a lab's cluster needs, and agrees with the gateway
// (its PORTAL_* variables, port, probe routes, CA file); the Containerfile has
// its stages, a non-root user and a CMD that runs a file it builds. The probe
// routes are asked of the real gateway in front of the real simulator.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCommandLine, parseListen } from "../../server/gateway/config.js";
import { startGateway, type RunningGateway } from "../../server/gateway/gateway.js";
import { startTestLab, type TestLab } from "../../server/lab/testing/lab-harness.js";
import { checkContainerfile, checkManifests, deploymentFacts, GATEWAY_PROBE_ROUTES, type Manifest } from "./manifest-checks.js";

const here = import.meta.dirname;
const repoRoot = join(here, "..", "..");

function parseYamlFile(file: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(join(here, file), "utf8"));
  if (!Array.isArray(docs)) throw new Error(`${file}: not YAML documents`);
  return docs.map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors.map((e) => e.message).join("; ")}`);
    return doc.toJS() as Manifest;
  });
}

const kustomization = parseYamlFile("kustomization.yaml")[0] ?? {};
const resources = (kustomization.resources as string[] | undefined) ?? [];
const manifests = resources.flatMap(parseYamlFile);
const generator = ((kustomization.configMapGenerator as { name: string; files: string[] }[] | undefined) ?? [])[0];
const caConfigMap = { name: generator?.name ?? "", key: (generator?.files[0] ?? "").split("=")[0] ?? "" };
const listenPort = (listen: string): number => parseListen(listen).port;
const containerfile = readFileSync(join(here, "Containerfile"), "utf8");
const existsInRepo = (path: string): boolean => existsSync(join(repoRoot, path));

const deployment = (): Manifest => {
  const found = manifests.find((m) => m.kind === "Deployment");
  if (found === undefined) throw new Error("no Deployment");
  return found;
};

type Path = readonly (string | number)[];

/** A deep copy of the manifests with the value at `path` of the one of `kind` set (undefined: removed). */
function changed(kind: string, path: Path, value: unknown): Manifest[] {
  const copy = structuredClone(manifests);
  let at: unknown = copy.find((m) => m.kind === kind);
  for (const key of path.slice(0, -1)) at = (at as Record<string | number, unknown>)[key];
  const last = path.at(-1);
  if (typeof at !== "object" || at === null || last === undefined) throw new Error(`${kind} has no ${path.join(".")}`);
  const parent = at as Record<string | number, unknown>;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const containerPath = ["spec", "template", "spec", "containers", 0] as const;
/** The path of env variable `name`'s entry (a new one at the end when it is not set). */
function envEntry(name: string): Path {
  const spec = deployment().spec as { template: { spec: { containers: { env: { name: string }[] }[] } } };
  const names = (spec.template.spec.containers[0]?.env ?? []).map((e) => e.name);
  const index = names.indexOf(name);
  return [...containerPath, "env", index === -1 ? names.length : index];
}

function gatewayImage(): unknown {
  const spec = deployment().spec as { template: { spec: { containers: { image: string }[] } } };
  return spec.template.spec.containers[0]?.image;
}

function probePath(probe: "readinessProbe" | "livenessProbe"): unknown {
  const spec = deployment().spec as { template: { spec: { containers: Record<string, { httpGet: { path: string } }>[] } } };
  return spec.template.spec.containers[0]?.[probe]?.httpGet.path;
}

describe("deploy/kubernetes manifests", () => {
  it("lists every manifest of the folder in kustomization.yaml, and each parses", () => {
    const yamlFiles = readdirSync(here).filter((f) => f.endsWith(".yaml") && f !== "kustomization.yaml");
    expect([...resources].sort()).toEqual(yamlFiles.sort());
    expect(manifests.map((m) => m.kind).sort()).toEqual(["Deployment", "Ingress", "PodDisruptionBudget", "Route", "Service"]);
  });

  it("agree with the gateway and hold what a cluster needs", () => {
    expect(caConfigMap).toEqual({ name: "jumpstarter-portal-controller-ca", key: "ca.crt" });
    expect(checkManifests(manifests, caConfigMap, listenPort)).toEqual([]);
  });

  it("configure the gateway with values it accepts: its own parser reads them", () => {
    const { env, containerPort } = deploymentFacts(deployment(), caConfigMap.key);
    const command = parseCommandLine([], env);
    expect(command.kind).toBe("run");
    if (command.kind !== "run") return;
    expect(command.options).toMatchObject({ host: "0.0.0.0", port: containerPort.port, caFile: "/etc/jumpstarter-portal/controller-ca/ca.crt", staticDir: "/app/dist" });
  });

  it("use the image kustomization.yaml names", () => {
    const images = (kustomization.images as { name: string }[] | undefined) ?? [];
    expect(images.map((i) => i.name)).toContain(gatewayImage());
  });

  // The check must be able to fail, and say what disagrees.
  it.each<[string, string, Path, unknown, string]>([
    ["a variable the gateway does not read", "Deployment", envEntry("PORTAL_LISTEN_PORT"), { name: "PORTAL_LISTEN_PORT", value: "8080" }, "env PORTAL_LISTEN_PORT is not a gateway variable"],
    ["a listen port other than the container's", "Deployment", envEntry("PORTAL_LISTEN"), { name: "PORTAL_LISTEN", value: "0.0.0.0:9090" }, "PORTAL_LISTEN port 9090 differs from containerPort 8080"],
    ["listening on loopback", "Deployment", envEntry("PORTAL_LISTEN"), { name: "PORTAL_LISTEN", value: "127.0.0.1:8080" }, "is not reachable from outside the pod"],
    ["a CA file that is not the mounted one", "Deployment", envEntry("PORTAL_CA_FILE"), { name: "PORTAL_CA_FILE", value: "/etc/ca.pem" }, "PORTAL_CA_FILE /etc/ca.pem differs from the CA's mounted file /etc/jumpstarter-portal/controller-ca/ca.crt"],
    ["one replica", "Deployment", ["spec", "replicas"], 1, "Deployment replicas is 1, want 2 or more"],
    ["a probe on a route the gateway does not serve", "Deployment", [...containerPath, "readinessProbe", "httpGet", "path"], "/ready", "readinessProbe path is /ready, want /readyz"],
    ["a probe on another port", "Deployment", [...containerPath, "livenessProbe", "httpGet", "port"], 9000, "livenessProbe port 9000 is not the container's port"],
    ["no memory limit", "Deployment", [...containerPath, "resources", "limits", "memory"], undefined, "resources.limits.memory is not set"],
    ["a writable root filesystem", "Deployment", [...containerPath, "securityContext", "readOnlyRootFilesystem"], false, "readOnlyRootFilesystem is not true"],
    ["privilege escalation", "Deployment", [...containerPath, "securityContext", "allowPrivilegeEscalation"], undefined, "allowPrivilegeEscalation is not false"],
    ["capabilities kept", "Deployment", [...containerPath, "securityContext", "capabilities", "drop"], ["NET_RAW"], "capabilities.drop does not hold ALL"],
    ["root allowed", "Deployment", ["spec", "template", "spec", "securityContext", "runAsNonRoot"], undefined, "runAsNonRoot is not true"],
    ["the CA from another ConfigMap", "Deployment", ["spec", "template", "spec", "volumes", 0, "configMap", "name"], "other", "no volume mounts the CA's ConfigMap jumpstarter-portal-controller-ca"],
    ["a Service on a port name the pod lacks", "Service", ["spec", "ports", 0, "targetPort"], "web", "Service port http targets web, not the container's port"],
    ["an Ingress to another port name", "Ingress", ["spec", "rules", 0, "http", "paths", 0, "backend", "service", "port", "name"], "https", "Ingress backend port https is not a port name of the Service"],
    ["a Route to another Service", "Route", ["spec", "to", "name"], "portal", "Route goes to portal, not the Service jumpstarter-portal"],
    ["a Route to another port name", "Route", ["spec", "port", "targetPort"], "8080-tcp", "Route targetPort 8080-tcp is not a port name of the Service"],
  ])("names %s", (_what, kind, path, value, problem) => {
    const problems = checkManifests(changed(kind, path, value), caConfigMap, listenPort);
    expect(problems).toEqual([expect.stringContaining(problem)]);
  });
});

describe("deploy/kubernetes/Containerfile", () => {
  it("builds on Node 20 with npm ci and npm run build, runs as a numeric non-root user, and runs the gateway it bundles", () => {
    expect(checkContainerfile(containerfile, existsInRepo)).toEqual([]);
  });

  it.each<[string, (text: string) => string, string]>([
    ["root", (t) => t.replace("USER 65532:65532", "USER root"), "the runtime stage runs as root"],
    ["no USER", (t) => t.replace("USER 65532:65532\n", ""), "the runtime stage runs as root (no USER)"],
    ["a user name", (t) => t.replace("USER 65532:65532", "USER node"), "USER node is not numeric"],
    ["no npm ci", (t) => t.replace("RUN npm ci --no-audit --no-fund --ignore-scripts", "RUN npm install"), "the build stage does not run npm ci"],
    ["no build", (t) => t.replace("RUN npm run build", "RUN true"), "the build stage does not run npm run build"],
    ["another Node", (t) => t.replace("FROM docker.io/library/node:20-bookworm-slim AS runtime", "FROM docker.io/library/node:18-slim AS runtime"), "stage runtime is built FROM docker.io/library/node:18-slim, not Node 20"],
    ["a CMD running a file never copied", (t) => t.replace('CMD ["node", "/app/gateway.mjs"]', 'CMD ["node", "/app/main.mjs"]'), "CMD runs /app/main.mjs, which no COPY --from puts in the image"],
    ["a bundle of a file that does not exist", (t) => t.replace("esbuild server/gateway/main.ts", "esbuild server/gateway/server.ts"), "the gateway is bundled from server/gateway/server.ts, which does not exist"],
    ["the whole context in the runtime", (t) => t.replace("COPY --from=build /out/dist /app/dist", "COPY --from=build /out/dist /app/dist\nCOPY . /app"), "the runtime stage copies from the build context"],
    ["the SPA elsewhere", (t) => t.replace("PORTAL_STATIC_DIR=/app/dist", "PORTAL_STATIC_DIR=/srv/www"), "PORTAL_STATIC_DIR /srv/www is not where the built SPA is copied"],
  ])("names %s", (_what, change, problem) => {
    const text = change(containerfile);
    expect(text).not.toBe(containerfile);
    expect(checkContainerfile(text, existsInRepo)).toEqual([expect.stringContaining(problem)]);
  });
});

describe("the probes, asked of the real gateway in front of the real simulator", () => {
  let lab: TestLab;
  let gateway: RunningGateway;
  beforeAll(async () => {
    lab = await startTestLab();
    const { env } = deploymentFacts(deployment(), caConfigMap.key);
    const command = parseCommandLine([], { ...env, PORTAL_LISTEN: "127.0.0.1:0", PORTAL_CONTROLLER: lab.lab.url, PORTAL_CA_FILE: lab.lab.caFile ?? "", PORTAL_STATIC_DIR: "" });
    if (command.kind !== "run") throw new Error("the deployment's environment asked for help");
    // The deployment's settings, with a local port, the simulator for the controller and no SPA (dist/ may not be built).
    const { staticDir: _none, ...options } = command.options;
    gateway = await startGateway({ ...options, log: () => undefined });
  });
  afterAll(async () => {
    await gateway.stop();
    await lab.close();
  });

  it.each([
    ["readinessProbe", GATEWAY_PROBE_ROUTES.readiness],
    ["livenessProbe", GATEWAY_PROBE_ROUTES.liveness],
  ] as const)("%s %s answers 200", async (probe, path) => {
    expect(probePath(probe)).toBe(path);
    const response = await fetch(new URL(path, gateway.url));
    expect(response.status).toBe(200);
  });
});
