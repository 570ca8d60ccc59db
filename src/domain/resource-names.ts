// Resource names of the ClientService: namespaces/{ns}/{kind}/{name} and the
// parent namespaces/{ns}. A malformed name is InvalidArgument on the server,
// and these messages are what the caller reads.

import { DNS_SUBDOMAIN_RULE, MAX_DNS_SUBDOMAIN_LENGTH, isDnsSubdomain, quoteText } from "./labels.js";

export type ResourceKind = "exporters" | "leases" | "clients";

export type ParentParse = { readonly ok: true; readonly namespace: string } | { readonly ok: false; readonly message: string };

export type ResourceNameParse =
  | { readonly ok: true; readonly namespace: string; readonly name: string }
  | { readonly ok: false; readonly message: string };

const KIND_NOUN: Readonly<Record<ResourceKind, string>> = {
  exporters: "an exporter name",
  leases: "a lease name",
  clients: "a client name",
};

/**
 * A namespace or object name (lease_id, exporter_name): a DNS-1123 subdomain.
 * `what` names the field in the message ("lease_id", "namespace").
 */
export function validateObjectName(name: string, what = "name"): string | undefined {
  if (name === "") return `${what} is empty: ${DNS_SUBDOMAIN_RULE}`;
  if (isDnsSubdomain(name)) return undefined;
  const problem = name.length > MAX_DNS_SUBDOMAIN_LENGTH ? `is too long (${name.length} characters)` : "is invalid";
  return `${what} ${quoteText(name)} ${problem}: ${DNS_SUBDOMAIN_RULE}`;
}

export function parseParent(s: string): ParentParse {
  const parts = s.split("/");
  if (parts.length !== 2 || parts[0] !== "namespaces") {
    return { ok: false, message: `${quoteText(s)} is not a parent: expected namespaces/{namespace}` };
  }
  const namespace = parts[1] ?? "";
  const problem = validateObjectName(namespace, "namespace");
  if (problem !== undefined) return { ok: false, message: `${quoteText(s)} is not a parent: ${problem}` };
  return { ok: true, namespace };
}

export function parseResourceName(s: string, kind: ResourceKind): ResourceNameParse {
  const noun = KIND_NOUN[kind];
  const parts = s.split("/");
  if (parts.length !== 4 || parts[0] !== "namespaces" || parts[2] !== kind) {
    return { ok: false, message: `${quoteText(s)} is not ${noun}: expected namespaces/{namespace}/${kind}/{name}` };
  }
  const namespace = parts[1] ?? "";
  const name = parts[3] ?? "";
  const problem = validateObjectName(namespace, "namespace") ?? validateObjectName(name, "name");
  if (problem !== undefined) return { ok: false, message: `${quoteText(s)} is not ${noun}: ${problem}` };
  return { ok: true, namespace, name };
}

export function parentName(namespace: string): string {
  return `namespaces/${namespace}`;
}

export function exporterName(namespace: string, name: string): string {
  return `namespaces/${namespace}/exporters/${name}`;
}

export function leaseName(namespace: string, name: string): string {
  return `namespaces/${namespace}/leases/${name}`;
}

export function clientName(namespace: string, name: string): string {
  return `namespaces/${namespace}/clients/${name}`;
}

/** The last segment of a resource name ("rcar-s4-01"), or the text itself when it has no '/'. */
export function shortName(resourceName: string): string {
  return resourceName.slice(resourceName.lastIndexOf("/") + 1);
}
