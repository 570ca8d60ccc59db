// Static checks of deploy/kubernetes/: the structure a lab's cluster needs,
// and the values that must agree with the gateway (its PORTAL_* variables,
// port, probe routes, CA file). Pure: parsed manifests and the Containerfile's
// text in, one line per disagreement out. No cluster runs here, so nothing
// below proves that a cluster accepts or runs these manifests.
import { PORTAL_ENVIRONMENT } from "../../server/gateway/config.js";

export type Manifest = Record<string, unknown>;

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function node(value: unknown): Node {
  return isNode(value) ? value : {};
}

function nodes(value: unknown): Node[] {
  return Array.isArray(value) ? value.filter(isNode) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The probe routes the gateway answers (server/gateway/gateway.ts). */
export const GATEWAY_PROBE_ROUTES = { readiness: "/readyz", liveness: "/healthz" } as const;

export interface DeploymentFacts {
  readonly env: Readonly<Record<string, string>>;
  readonly containerPort: { readonly name: string | undefined; readonly port: number | undefined };
  readonly caMountFile: string | undefined;
}

function byKind(manifests: readonly Manifest[], kind: string): Manifest[] {
  return manifests.filter((m) => m.kind === kind);
}

function podSpec(deployment: Manifest): Node {
  return node(node(node(deployment.spec).template).spec);
}

function gatewayContainer(deployment: Manifest): Node {
  return nodes(podSpec(deployment).containers)[0] ?? {};
}

/** The gateway container's environment (plain values only) and its named port. */
export function deploymentFacts(deployment: Manifest, caKey: string): DeploymentFacts {
  const container = gatewayContainer(deployment);
  const env: Record<string, string> = {};
  for (const e of nodes(container.env)) {
    const name = str(e.name);
    const value = str(e.value);
    if (name !== undefined && value !== undefined) env[name] = value;
  }
  const port = nodes(container.ports)[0] ?? {};
  const caVolumes = new Set(
    nodes(podSpec(deployment).volumes)
      .filter((v) => isNode(v.configMap) || isNode(v.secret))
      .map((v) => str(v.name)),
  );
  const caMount = nodes(container.volumeMounts).find((m) => caVolumes.has(str(m.name)));
  const mountPath = str(caMount?.mountPath);
  return {
    env,
    containerPort: { name: str(port.name), port: typeof port.containerPort === "number" ? port.containerPort : undefined },
    caMountFile: mountPath === undefined ? undefined : `${mountPath.replace(/\/+$/, "")}/${caKey}`,
  };
}

/** Every disagreement between the manifests and what a lab's cluster and the gateway need. */
export function checkManifests(manifests: readonly Manifest[], caConfigMap: { name: string; key: string }, listenPort: (listen: string) => number): string[] {
  const problems: string[] = [];
  for (const m of manifests) {
    if (str(m.apiVersion) === undefined || str(m.kind) === undefined || str(node(m.metadata).name) === undefined) {
      problems.push(`a manifest lacks apiVersion, kind or metadata.name: ${JSON.stringify(m).slice(0, 80)}`);
    }
  }
  const [deployment, ...moreDeployments] = byKind(manifests, "Deployment");
  if (deployment === undefined || moreDeployments.length > 0) return [...problems, "expected exactly one Deployment"];
  const spec = node(deployment.spec);
  const pod = podSpec(deployment);
  const container = gatewayContainer(deployment);
  const facts = deploymentFacts(deployment, caConfigMap.key);

  if (!(typeof spec.replicas === "number" && spec.replicas >= 2)) problems.push(`Deployment replicas is ${String(spec.replicas)}, want 2 or more`);
  const podLabels = node(node(node(spec.template).metadata).labels);
  const selects = (selector: Node): boolean => Object.keys(selector).length > 0 && Object.entries(selector).every(([k, v]) => podLabels[k] === v);
  if (!selects(node(node(spec.selector).matchLabels))) problems.push("Deployment selector does not match its pod labels");

  // Configuration: PORTAL_* variables the gateway knows, and values that agree with the container.
  for (const name of Object.keys(facts.env)) {
    if (name.startsWith("PORTAL_") && !PORTAL_ENVIRONMENT.includes(name)) problems.push(`env ${name} is not a gateway variable (server/gateway/config.ts)`);
  }
  const listen = facts.env.PORTAL_LISTEN;
  if (listen === undefined) problems.push("env PORTAL_LISTEN is not set (the gateway would listen on 127.0.0.1 only)");
  else if (listenPort(listen) !== facts.containerPort.port) problems.push(`PORTAL_LISTEN port ${listenPort(listen)} differs from containerPort ${String(facts.containerPort.port)}`);
  if (listen !== undefined && !/^(0\.0\.0\.0|\[::\]):/.test(listen)) problems.push(`PORTAL_LISTEN ${listen} is not reachable from outside the pod (use 0.0.0.0:PORT)`);
  if (facts.env.PORTAL_CONTROLLER === undefined) problems.push("env PORTAL_CONTROLLER is not set");
  if (facts.env.PORTAL_CA_FILE !== facts.caMountFile) problems.push(`PORTAL_CA_FILE ${String(facts.env.PORTAL_CA_FILE)} differs from the CA's mounted file ${String(facts.caMountFile)}`);
  const caVolume = nodes(pod.volumes).find((v) => str(node(v.configMap).name) === caConfigMap.name || str(node(v.secret).secretName) === caConfigMap.name);
  if (caVolume === undefined) problems.push(`no volume mounts the CA's ConfigMap ${caConfigMap.name}`);
  if (facts.env.PORTAL_INSECURE !== undefined && facts.env.PORTAL_INSECURE !== "false") problems.push("PORTAL_INSECURE is set: the controller's certificate would not be verified");

  // Probes on the gateway's routes and port.
  const probes = [
    ["readinessProbe", GATEWAY_PROBE_ROUTES.readiness],
    ["livenessProbe", GATEWAY_PROBE_ROUTES.liveness],
  ] as const;
  for (const [probe, route] of probes) {
    const get = node(node(container[probe]).httpGet);
    if (get.path !== route) problems.push(`${probe} path is ${String(get.path)}, want ${route}`);
    if (get.port !== facts.containerPort.name && get.port !== facts.containerPort.port) problems.push(`${probe} port ${String(get.port)} is not the container's port`);
  }

  // Resources and a container without privileges.
  const resources = node(container.resources);
  for (const part of ["requests", "limits"] as const) {
    for (const what of ["cpu", "memory"] as const) {
      if (node(resources[part])[what] === undefined) problems.push(`resources.${part}.${what} is not set`);
    }
  }
  const security = node(container.securityContext);
  if (node(pod.securityContext).runAsNonRoot !== true && security.runAsNonRoot !== true) problems.push("runAsNonRoot is not true");
  if (security.readOnlyRootFilesystem !== true) problems.push("readOnlyRootFilesystem is not true");
  if (security.allowPrivilegeEscalation !== false) problems.push("allowPrivilegeEscalation is not false");
  if (security.privileged === true) problems.push("the container is privileged");
  const dropped = node(security.capabilities).drop;
  if (!(Array.isArray(dropped) && dropped.includes("ALL"))) problems.push("capabilities.drop does not hold ALL");

  // Service, Ingress and Route on the right port names.
  const [service] = byKind(manifests, "Service");
  const serviceName = str(node(service?.metadata).name);
  const servicePorts = nodes(node(service?.spec).ports);
  if (service === undefined) problems.push("no Service");
  else {
    if (!selects(node(node(service.spec).selector))) problems.push("Service selector does not match the pod labels");
    for (const p of servicePorts) {
      if (p.targetPort !== facts.containerPort.name && p.targetPort !== facts.containerPort.port) problems.push(`Service port ${String(p.name)} targets ${String(p.targetPort)}, not the container's port`);
    }
  }
  const servicePortNames = new Set(servicePorts.map((p) => str(p.name)));
  const [ingress] = byKind(manifests, "Ingress");
  if (ingress === undefined) problems.push("no Ingress");
  for (const rule of nodes(node(ingress?.spec).rules)) {
    for (const path of nodes(node(rule.http).paths)) {
      const backend = node(node(path.backend).service);
      if (backend.name !== serviceName) problems.push(`Ingress backend ${String(backend.name)} is not the Service ${String(serviceName)}`);
      const portName = str(node(backend.port).name);
      if (!servicePortNames.has(portName)) problems.push(`Ingress backend port ${String(portName)} is not a port name of the Service`);
    }
  }
  const [route] = byKind(manifests, "Route");
  if (route === undefined) problems.push("no Route");
  else {
    const routeSpec = node(route.spec);
    if (node(routeSpec.to).name !== serviceName) problems.push(`Route goes to ${String(node(routeSpec.to).name)}, not the Service ${String(serviceName)}`);
    const target = str(node(routeSpec.port).targetPort);
    if (!servicePortNames.has(target)) problems.push(`Route targetPort ${String(target)} is not a port name of the Service`);
  }
  return problems;
}

export interface ContainerfileStage {
  readonly name: string | undefined;
  readonly image: string;
  readonly instructions: readonly { readonly op: string; readonly args: string }[];
}

/** FROM-separated stages, with continuation lines joined and comments dropped. */
export function parseContainerfile(text: string): ContainerfileStage[] {
  const lines = text.replace(/\\\n/g, " ").split("\n").map((l) => l.trim()).filter((l) => l !== "" && !l.startsWith("#"));
  const stages: { name: string | undefined; image: string; instructions: { op: string; args: string }[] }[] = [];
  for (const line of lines) {
    const [op = "", ...rest] = line.split(/\s+/);
    const args = rest.join(" ");
    if (op.toUpperCase() === "FROM") {
      const match = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ image: match?.[1] ?? args, name: match?.[2], instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** What must hold of the image: Node 20, npm ci and npm run build, a non-root runtime that runs a file it was given. */
export function checkContainerfile(text: string, fileExists: (repoPath: string) => boolean): string[] {
  const problems: string[] = [];
  const stages = parseContainerfile(text);
  const build = stages[0];
  const runtime = stages.at(-1);
  if (build === undefined || runtime === undefined || stages.length < 2) return ["the Containerfile needs a build stage and a runtime stage"];
  for (const stage of stages) {
    if (!/^(docker\.io\/library\/)?node:20([-.]|$)/.test(stage.image)) problems.push(`stage ${String(stage.name)} is built FROM ${stage.image}, not Node 20`);
  }
  const runs = build.instructions.filter((i) => i.op === "RUN").map((i) => i.args);
  if (!runs.some((r) => /\bnpm ci\b/.test(r))) problems.push("the build stage does not run npm ci");
  if (!runs.some((r) => /\bnpm run build\b/.test(r))) problems.push("the build stage does not run npm run build");

  const user = runtime.instructions.filter((i) => i.op === "USER").at(-1)?.args;
  if (user === undefined || /^(root|0)(:|$)/.test(user)) problems.push(`the runtime stage runs as ${String(user ?? "root (no USER)")}`);
  else if (!/^\d+(:\d+)?$/.test(user)) problems.push(`USER ${user} is not numeric: Kubernetes cannot tell it is not root (runAsNonRoot)`);
  if (runtime.instructions.some((i) => i.op === "COPY" && !i.args.startsWith("--from="))) problems.push("the runtime stage copies from the build context: it should take only the build's output");

  const env = new Map<string, string>();
  for (const i of runtime.instructions.filter((x) => x.op === "ENV")) {
    for (const m of i.args.matchAll(/(\w+)=(\S+)/g)) env.set(m[1] ?? "", m[2] ?? "");
  }
  for (const name of env.keys()) {
    if (name.startsWith("PORTAL_") && !PORTAL_ENVIRONMENT.includes(name)) problems.push(`ENV ${name} is not a gateway variable (server/gateway/config.ts)`);
  }

  // CMD ["node", "/app/x.mjs"]: a file copied from the build stage, where the gateway's entry point was bundled into it.
  const cmd = runtime.instructions.filter((i) => i.op === "CMD").at(-1)?.args;
  let argv: unknown;
  try {
    argv = cmd === undefined ? undefined : JSON.parse(cmd);
  } catch {
    argv = undefined;
  }
  if (!Array.isArray(argv) || argv[0] !== "node" || typeof argv[1] !== "string") return [...problems, `CMD ${String(cmd)} is not ["node", "<file>"] (exec form)`];
  const file = argv[1];
  const copies = runtime.instructions.filter((i) => i.op === "COPY").map((i) => i.args.replace(/^--from=\S+\s+/, "").split(/\s+/));
  const copied = copies.find((parts) => parts[1] === file);
  if (copied === undefined) return [...problems, `CMD runs ${file}, which no COPY --from puts in the image`];
  const bundled = runs.find((r) => r.includes(`--outfile=${copied[0] ?? ""}`));
  const entry = /esbuild\s+(\S+)/.exec(bundled ?? "")?.[1];
  if (entry === undefined) problems.push(`CMD runs ${file}, copied from ${String(copied[0])}, which no build step writes`);
  else if (!fileExists(entry)) problems.push(`the gateway is bundled from ${entry}, which does not exist`);
  const staticDir = env.get("PORTAL_STATIC_DIR");
  if (staticDir === undefined || !copies.some((parts) => parts[1] === staticDir)) problems.push(`PORTAL_STATIC_DIR ${String(staticDir)} is not where the built SPA is copied`);
  return problems;
}
