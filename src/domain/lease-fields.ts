// Limits on a lease's tags and context, and the labels a lease shows to
// ListLeases.filter (spec [TG1]-[TG4], [F3]). Shared so the create form warns
// with the words the controller answers with.

import { kubeLabelNameReasons, kubeLabelValueReasons } from "./labels.js";
import { equalityLabels, type Selector } from "./selector.js";

/** `leasePolicy.maxTags` when not configured (0 or negative also mean this) [TG3]. */
export const DEFAULT_MAX_TAGS = 10;
/** The stored Lease object accepts no more tags than this, whatever maxTags says [TG3]. */
export const STORED_MAX_TAGS = 10;
export const MAX_CONTEXT_ENTRIES = 8;
export const MAX_CONTEXT_KEY_LENGTH = 32;
export const MAX_CONTEXT_VALUE_LENGTH = 64;

/** Label carried by every ended lease. */
export const LEASE_ENDED_LABEL = "jumpstarter.dev/lease-ended";
/** Prefix of the label each tag gives its lease: metadata.jumpstarter.dev/<tag key>. */
export const TAG_LABEL_PREFIX = "metadata.jumpstarter.dev/";
const RESERVED_TAG_PREFIXES = [TAG_LABEL_PREFIX, "jumpstarter.dev/"];

/** The tag limit a controller applies for a configured `leasePolicy.maxTags` [TG3]. */
export function effectiveMaxTags(configured: number | undefined): number {
  return configured === undefined || configured <= 0 ? DEFAULT_MAX_TAGS : configured;
}

/** What is wrong with one tag, in the controller's words [TG1]; undefined when it is fine. */
export function leaseTagProblem(key: string, value: string): string | undefined {
  if (RESERVED_TAG_PREFIXES.some((p) => key.startsWith(p))) return `tag key "${key}" must not use reserved prefix`;
  if (key.includes("/")) return `tag key "${key}" must not contain '/' (use simple names without prefix)`;
  const keyReasons = kubeLabelNameReasons(key);
  if (keyReasons !== undefined) return `tag key "${key}" is not a valid label key: ${keyReasons}`;
  const valueReasons = kubeLabelValueReasons(value);
  if (valueReasons !== undefined) return `tag value for key "${key}" is not a valid label value: ${valueReasons}`;
  return undefined;
}

/**
 * [TG1]: the reason the controller refuses these tags (it answers
 * INVALID_ARGUMENT `invalid lease tags: <reason>`); undefined when accepted.
 */
export function validateLeaseTags(tags: Readonly<Record<string, string>>, maxTags: number = DEFAULT_MAX_TAGS): string | undefined {
  const entries = Object.entries(tags);
  if (entries.length > maxTags) return `too many tags: ${entries.length} (maximum ${maxTags})`;
  for (const [key, value] of entries) {
    const problem = leaseTagProblem(key, value);
    if (problem !== undefined) return problem;
  }
  return undefined;
}

/**
 * [TG4]/[C8]: the API server's field errors for a context it refuses (the
 * controller answers UNKNOWN `Lease.jumpstarter.dev "<name>" is invalid: <errors>`);
 * undefined when accepted.
 */
export function leaseContextFieldErrors(context: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(context);
  const errors: string[] = [];
  if (entries.length > MAX_CONTEXT_ENTRIES) errors.push(`spec.context: Too many: ${entries.length}: must have at most ${MAX_CONTEXT_ENTRIES} items`);
  if (entries.some(([k, v]) => k.length > MAX_CONTEXT_KEY_LENGTH || v.length > MAX_CONTEXT_VALUE_LENGTH)) {
    errors.push(`spec.context: Invalid value: "object": context keys max ${MAX_CONTEXT_KEY_LENGTH} chars, values max ${MAX_CONTEXT_VALUE_LENGTH} chars`);
  }
  return errors.length === 0 ? undefined : errors.join(", ");
}

/**
 * [F3] The labels ListLeases.filter sees on a lease: its selector's equality
 * terms (keys under metadata.jumpstarter.dev/ left out), one
 * metadata.jumpstarter.dev/<key> per tag, and lease-ended once ended.
 */
export function leaseLabels(selector: Selector, tags: Readonly<Record<string, string>>, ended: boolean): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [key, value] of Object.entries(equalityLabels(selector))) {
    if (!key.startsWith(TAG_LABEL_PREFIX)) labels[key] = value;
  }
  for (const [key, value] of Object.entries(tags)) labels[TAG_LABEL_PREFIX + key] = value;
  if (ended) labels[LEASE_ENDED_LABEL] = "true";
  return labels;
}
