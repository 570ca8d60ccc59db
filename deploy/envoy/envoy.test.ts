// Static checks of envoy.yaml (Envoy itself does not run here).
import { readFileSync } from "node:fs";
import { BOOT_SCRIPT } from "../../src/boot/boot-script.js";
import { inlineScriptHashes } from "../../server/gateway/inline-scripts.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

type Node = Record<string, unknown>;

function record(value: unknown, what: string): Node {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new Error(`${what} is not a mapping`);
  return value as Node;
}

function list(value: unknown, what: string): Node[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value.map((item, i) => record(item, `${what}[${i}]`));
}

function text(value: unknown, what: string): string {
  if (typeof value !== "string") throw new Error(`${what} is not a string`);
  return value;
}

const clientServicePrefix = "/jumpstarter.client.v1.ClientService/";
const config = record(parse(readFileSync(new URL("./envoy.yaml", import.meta.url), "utf8")), "envoy.yaml");
const resources = record(config.static_resources, "static_resources");
const listeners = list(resources.listeners, "listeners");
const clusters = list(resources.clusters, "clusters");

const connectionManagers = listeners.flatMap((listener) =>
  list(listener.filter_chains, "filter_chains").flatMap((chain) =>
    list(chain.filters, "filters")
      .filter((f) => f.name === "envoy.filters.network.http_connection_manager")
      .map((f) => record(f.typed_config, "http_connection_manager typed_config")),
  ),
);
const routes = connectionManagers.flatMap((hcm) =>
  list(record(hcm.route_config, "route_config").virtual_hosts, "virtual_hosts").flatMap((vh) => list(vh.routes, "routes")),
);

describe("deploy/envoy/envoy.yaml", () => {
  it("listens on 8080 with one HTTP connection manager", () => {
    const ports = listeners.map((l) => record(record(l.address, "address").socket_address, "socket_address").port_value);
    expect(ports).toEqual([8080]);
    expect(connectionManagers).toHaveLength(1);
    expect(connectionManagers[0]?.["@type"]).toBe(
      "type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager",
    );
  });

  it("runs grpc_web, then cors, then the router last", () => {
    for (const hcm of connectionManagers) {
      const filters = list(hcm.http_filters, "http_filters");
      expect(filters.map((f) => f.name)).toEqual([
        "envoy.filters.http.grpc_web",
        "envoy.filters.http.cors",
        "envoy.filters.http.router",
      ]);
      expect(filters.map((f) => record(f.typed_config, "typed_config")["@type"])).toEqual([
        "type.googleapis.com/envoy.extensions.filters.http.grpc_web.v3.GrpcWeb",
        "type.googleapis.com/envoy.extensions.filters.http.cors.v3.Cors",
        "type.googleapis.com/envoy.extensions.filters.http.router.v3.Router",
      ]);
    }
  });

  it("routes only the ClientService, to the controller cluster, with a CORS policy", () => {
    expect(routes.length).toBeGreaterThan(0);
    for (const route of routes) {
      const match = record(route.match, "match");
      // Exactly one matcher, and it is the ClientService prefix or one of its methods.
      const keys = Object.keys(match).filter((k) => k !== "headers" && k !== "query_parameters" && k !== "grpc");
      expect(keys).toHaveLength(1);
      const key = keys[0] ?? "";
      expect(["prefix", "path"]).toContain(key);
      const value = match[key];
      expect(typeof value === "string" && value.startsWith(clientServicePrefix)).toBe(true);
      if (key === "prefix") expect(value).toBe(clientServicePrefix);

      const action = record(route.route, "route action");
      expect(action.cluster).toBe("jumpstarter_controller");
      expect(action.timeout).toMatch(/^\d+s$/);
      expect(Number.parseInt(text(action.timeout, "timeout"), 10)).toBeGreaterThanOrEqual(30);
      const cors = record(record(route.typed_per_filter_config, "typed_per_filter_config")["envoy.filters.http.cors"], "cors policy");
      expect(cors["@type"]).toBe("type.googleapis.com/envoy.extensions.filters.http.cors.v3.CorsPolicy");
      const allowHeaders = text(cors.allow_headers, "allow_headers").split(/,\s*/);
      const exposeHeaders = text(cors.expose_headers, "expose_headers");
      // The token and the call metadata of every call [T7][H1], and what gRPC-Web needs.
      for (const header of ["authorization", "jumpstarter-namespace", "jumpstarter-kind", "jumpstarter-name", "grpc-timeout", "x-grpc-web"]) {
        expect(allowHeaders).toContain(header);
      }
      expect(exposeHeaders).toMatch(/\bgrpc-status\b/);
      expect(exposeHeaders).toMatch(/\bgrpc-message\b/);
    }
  });

  it("leaves the caller's request headers as they came (Envoy forwards them by default) [T7]", () => {
    const touchesHeaders = (node: unknown): boolean => {
      if (Array.isArray(node)) return node.some(touchesHeaders);
      if (typeof node !== "object" || node === null) return false;
      return Object.entries(node).some(([key, value]) => /^request_headers_to_(add|remove)$/.test(key) || touchesHeaders(value));
    };
    expect(touchesHeaders(config)).toBe(false);
  });

  it("reaches the controller over HTTP/2 and TLS with ALPN h2, SNI and a CA [T7]", () => {
    const cluster = clusters.find((c) => c.name === "jumpstarter_controller");
    expect(cluster).toBeDefined();
    if (cluster === undefined) return;
    const protocol = record(
      record(cluster.typed_extension_protocol_options, "typed_extension_protocol_options")[
        "envoy.extensions.upstreams.http.v3.HttpProtocolOptions"
      ],
      "HttpProtocolOptions",
    );
    expect(protocol["@type"]).toBe("type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions");
    expect(record(protocol.explicit_http_config, "explicit_http_config").http2_protocol_options).toBeDefined();

    const socket = record(cluster.transport_socket, "transport_socket");
    expect(socket.name).toBe("envoy.transport_sockets.tls");
    const tls = record(socket.typed_config, "tls typed_config");
    expect(tls["@type"]).toBe("type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext");
    expect(typeof tls.sni === "string" && tls.sni !== "").toBe(true);
    const common = record(tls.common_tls_context, "common_tls_context");
    expect(common.alpn_protocols).toEqual(["h2"]);
    const validation = record(common.validation_context, "validation_context");
    expect(record(validation.trusted_ca, "trusted_ca").filename).toMatch(/^\/.+\.(crt|pem)$/);
  });

  it("sends every route to a cluster that exists", () => {
    const names = new Set(clusters.map((c) => c.name));
    for (const route of routes) expect(names.has(record(route.route, "route action").cluster)).toBe(true);
  });
});

describe("the README's nginx example", () => {
  it("allows the current boot script by its hash, as the portal gateway does (issue 13)", () => {
    const readme = readFileSync(new URL("./README.md", import.meta.url), "utf8");
    const [hash] = inlineScriptHashes(`<script>${BOOT_SCRIPT}</script>`);
    expect(readme).toContain(`script-src 'self' ${hash ?? "(no hash)"};`);
  });
});
