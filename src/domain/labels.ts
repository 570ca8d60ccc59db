// Kubernetes label rules, shared by the lab simulator and the browser so both
// reject the same text with the same words.

/** Longest label name or value Kubernetes accepts. */
export const MAX_LABEL_NAME_LENGTH = 63;
/** Longest DNS-1123 subdomain (label key prefix, namespace, object name). */
export const MAX_DNS_SUBDOMAIN_LENGTH = 253;

/** The rule for label names and values, in words (for hints next to inputs). */
export const LABEL_NAME_RULE = `use at most ${MAX_LABEL_NAME_LENGTH} letters, digits, '-', '_' or '.', beginning and ending with a letter or digit`;
/** The rule for DNS-1123 subdomains, in words. */
export const DNS_SUBDOMAIN_RULE = `use at most ${MAX_DNS_SUBDOMAIN_LENGTH} lowercase letters, digits, '-' and '.', each dot-separated part beginning and ending with a letter or digit`;

const NAME_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const DNS_PART = "[a-z0-9](?:[-a-z0-9]*[a-z0-9])?";
const DNS_SUBDOMAIN_PATTERN = new RegExp(`^${DNS_PART}(?:\\.${DNS_PART})*$`);

/** True when `s` is a DNS-1123 subdomain (namespaces, object names, key prefixes). */
export function isDnsSubdomain(s: string): boolean {
  return s.length <= MAX_DNS_SUBDOMAIN_LENGTH && DNS_SUBDOMAIN_PATTERN.test(s);
}

/** The DNS-1123 subdomain pattern alone, whatever the length. */
export function hasDnsSubdomainForm(s: string): boolean {
  return DNS_SUBDOMAIN_PATTERN.test(s);
}

function isLabelName(s: string): boolean {
  return s.length <= MAX_LABEL_NAME_LENGTH && NAME_PATTERN.test(s);
}

/** Quotes user text for a message, shortened so a pasted essay stays readable. */
export function quoteText(s: string): string {
  return `"${s.length > 80 ? `${s.slice(0, 77)}...` : s}"`;
}

function tooLong(s: string, max: number): string {
  return s.length > max ? `is too long (${s.length} characters)` : "is invalid";
}

/** The name part of a label key alone (no '/'); tag keys are checked with this. */
export function validateLabelName(name: string): string | undefined {
  if (name === "") return `label name is empty: ${LABEL_NAME_RULE}`;
  if (isLabelName(name)) return undefined;
  if (name.includes("/")) {
    return `label name ${quoteText(name)} is invalid: it cannot contain '/'; ${LABEL_NAME_RULE}`;
  }
  return `label name ${quoteText(name)} ${tooLong(name, MAX_LABEL_NAME_LENGTH)}: ${LABEL_NAME_RULE}`;
}

/**
 * A full label key: an optional DNS subdomain prefix and '/', then a name
 * (`board`, `jumpstarter.dev/name`).
 */
export function validateLabelKey(key: string): string | undefined {
  if (key === "") return `label key is empty: ${LABEL_NAME_RULE}, optionally after a prefix such as jumpstarter.dev/`;
  const slash = key.indexOf("/");
  if (slash < 0) {
    if (isLabelName(key)) return undefined;
    return `label key ${quoteText(key)} ${tooLong(key, MAX_LABEL_NAME_LENGTH)}: ${LABEL_NAME_RULE}`;
  }
  if (key.indexOf("/", slash + 1) >= 0) {
    return `label key ${quoteText(key)} is invalid: it may contain at most one '/', between a prefix and a name as in jumpstarter.dev/name`;
  }
  const prefix = key.slice(0, slash);
  const name = key.slice(slash + 1);
  if (!isDnsSubdomain(prefix)) {
    if (prefix === "") return `label key ${quoteText(key)} is invalid: the prefix before '/' is empty; remove the '/' or write a prefix such as jumpstarter.dev/`;
    return `label key prefix ${quoteText(prefix)} ${tooLong(prefix, MAX_DNS_SUBDOMAIN_LENGTH)}: ${DNS_SUBDOMAIN_RULE}`;
  }
  if (name === "") return `label key ${quoteText(key)} is invalid: the name after '/' is empty; ${LABEL_NAME_RULE}`;
  if (!isLabelName(name)) {
    return `label key ${quoteText(key)} is invalid: the name ${quoteText(name)} after the prefix ${tooLong(name, MAX_LABEL_NAME_LENGTH)}; ${LABEL_NAME_RULE}`;
  }
  return undefined;
}

/** A label value: may be empty; otherwise the same rule as a name. */
export function validateLabelValue(value: string): string | undefined {
  if (value === "" || isLabelName(value)) return undefined;
  return `label value ${quoteText(value)} ${tooLong(value, MAX_LABEL_NAME_LENGTH)}: ${LABEL_NAME_RULE}`;
}

// The Kubernetes API machinery's own validation texts (k8s.io/apimachinery
// validation.IsQualifiedName / IsValidLabelValue), which the controller quotes
// in its refusals (spec [TG1]). Several reasons are joined with "; ".
const KUBE_NAME_FORMAT =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const KUBE_VALUE_FORMAT =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

/** Why `name` is not the name part of a qualified label key, in the API server's words; undefined when it is one. */
export function kubeLabelNameReasons(name: string): string | undefined {
  const reasons: string[] = [];
  if (name === "") reasons.push("name part must be non-empty");
  else if (name.length > MAX_LABEL_NAME_LENGTH) reasons.push(`name part must be no more than ${MAX_LABEL_NAME_LENGTH} characters`);
  if (name !== "" && !NAME_PATTERN.test(name)) reasons.push(KUBE_NAME_FORMAT);
  return reasons.length === 0 ? undefined : reasons.join("; ");
}

/** Why `value` is not a label value, in the API server's words; undefined when it is one. */
export function kubeLabelValueReasons(value: string): string | undefined {
  const reasons: string[] = [];
  if (value.length > MAX_LABEL_NAME_LENGTH) reasons.push(`must be no more than ${MAX_LABEL_NAME_LENGTH} characters`);
  if (value !== "" && !NAME_PATTERN.test(value)) reasons.push(KUBE_VALUE_FORMAT);
  return reasons.length === 0 ? undefined : reasons.join("; ");
}

const KUBE_QUALIFIED_FORMAT =
  "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";

/**
 * Why `key` is not a qualified label key (optional DNS prefix, "/", name), in
 * the API machinery's words as a label requirement reports it
 * (`key: Invalid value: "<key>": <reasons>`); undefined when it is one.
 */
export function kubeLabelKeyProblem(key: string): string | undefined {
  const parts = key.split("/");
  let reasons: string | undefined;
  if (parts.length > 2) reasons = KUBE_QUALIFIED_FORMAT;
  else {
    const name = parts[parts.length - 1] ?? "";
    const prefix = parts.length === 2 ? (parts[0] ?? "") : undefined;
    const found: string[] = [];
    if (prefix !== undefined && !isDnsSubdomain(prefix)) found.push(`prefix part ${prefix === "" ? "must be non-empty" : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character"}`);
    const nameReasons = kubeLabelNameReasons(name);
    if (nameReasons !== undefined) found.push(nameReasons);
    reasons = found.length === 0 ? undefined : found.join("; ");
  }
  return reasons === undefined ? undefined : `key: Invalid value: ${JSON.stringify(key)}: ${reasons}`;
}
