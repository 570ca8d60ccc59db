// What the Kubernetes API server refuses when the controller creates a Lease
// [C8], in its words: `Lease.jumpstarter.dev "<name>" is invalid: <field errors>`.
import { hasDnsSubdomainForm, MAX_DNS_SUBDOMAIN_LENGTH } from "../../src/domain/labels.js";
import { leaseContextFieldErrors, STORED_MAX_TAGS } from "../../src/domain/lease-fields.js";

const DNS_SUBDOMAIN_FORMAT =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

export interface LeaseObjectDraft {
  readonly name: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly context: Readonly<Record<string, string>>;
  /** The selector turned out empty and no exporter is named. */
  readonly noTarget: boolean;
}

/** The API server's refusal text, or undefined when it stores the object. */
export function leaseObjectInvalid(draft: LeaseObjectDraft): string | undefined {
  const errors: string[] = [];
  // IsDNS1123Subdomain reports the length and the format separately.
  if (draft.name.length > MAX_DNS_SUBDOMAIN_LENGTH) {
    errors.push(`metadata.name: Invalid value: "${draft.name}": must be no more than ${MAX_DNS_SUBDOMAIN_LENGTH} characters`);
  }
  if (!hasDnsSubdomainForm(draft.name)) {
    errors.push(`metadata.name: Invalid value: "${draft.name}": ${DNS_SUBDOMAIN_FORMAT}`);
  }
  const tagCount = Object.keys(draft.tags).length;
  if (tagCount > STORED_MAX_TAGS) errors.push(`spec.tags: Too many: ${tagCount}: must have at most ${STORED_MAX_TAGS} items`);
  const context = leaseContextFieldErrors(draft.context);
  if (context !== undefined) errors.push(context);
  if (draft.noTarget) errors.push(`spec: Invalid value: "object": one of selector or exporterRef.name is required`);
  if (errors.length === 0) return undefined;
  const body = errors.length === 1 ? (errors[0] ?? "") : `[${errors.join(", ")}]`;
  return `Lease.jumpstarter.dev "${draft.name}" is invalid: ${body}`;
}
