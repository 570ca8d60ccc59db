// Limits on a lease's tags and context (spec "Creating a lease"), and the
// labels a lease shows to ListLeases.filter. Shared so the create form warns
// with the words the server would answer.

import { quoteText, validateLabelName, validateLabelValue } from "./labels.js";
import { equalityLabels, type Selector } from "./selector.js";

export const MAX_TAGS = 10;
export const MAX_CONTEXT_ENTRIES = 8;
export const MAX_CONTEXT_KEY_LENGTH = 32;
export const MAX_CONTEXT_VALUE_LENGTH = 64;

/** Label carried by every ended lease. */
export const LEASE_ENDED_LABEL = "jumpstarter.dev/lease-ended";
/** Prefix of the label each tag gives its lease: metadata.jumpstarter.dev/<tag key>. */
export const TAG_LABEL_PREFIX = "metadata.jumpstarter.dev/";

/** At most 10 tags; keys are label names (no '/'), values label values. */
export function validateLeaseTags(tags: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(tags);
  if (entries.length > MAX_TAGS) return `a lease may have at most ${MAX_TAGS} tags, not ${entries.length}`;
  for (const [key, value] of entries) {
    const problem = validateLabelName(key) ?? validateLabelValue(value);
    if (problem !== undefined) return `tag ${quoteText(key)}: ${problem}`;
  }
  return undefined;
}

/** At most 8 entries; keys 1 to 32 characters, values up to 64. */
export function validateLeaseContext(context: Readonly<Record<string, string>>): string | undefined {
  const entries = Object.entries(context);
  if (entries.length > MAX_CONTEXT_ENTRIES) return `a lease may have at most ${MAX_CONTEXT_ENTRIES} context entries, not ${entries.length}`;
  for (const [key, value] of entries) {
    if (key === "") return "context key is empty";
    if (key.length > MAX_CONTEXT_KEY_LENGTH) {
      return `context key ${quoteText(key)} is too long (${key.length} characters): use at most ${MAX_CONTEXT_KEY_LENGTH}`;
    }
    if (value.length > MAX_CONTEXT_VALUE_LENGTH) {
      return `context value for ${quoteText(key)} is too long (${value.length} characters): use at most ${MAX_CONTEXT_VALUE_LENGTH}`;
    }
  }
  return undefined;
}

/**
 * The labels ListLeases.filter sees on a lease: its selector's equality terms,
 * one metadata.jumpstarter.dev/<key> per tag, and lease-ended once ended.
 */
export function leaseLabels(selector: Selector, tags: Readonly<Record<string, string>>, ended: boolean): Record<string, string> {
  const labels = equalityLabels(selector);
  for (const [key, value] of Object.entries(tags)) labels[TAG_LABEL_PREFIX + key] = value;
  if (ended) labels[LEASE_ENDED_LABEL] = "true";
  return labels;
}
