// Hidden and deprecated labels [HL1]-[HL3]: configured key sets, empty by
// default. Filters still see every label; only what the messages carry changes.
import type { Selector } from "../../src/domain/selector.js";

export interface LabelPolicy {
  readonly hiddenKeys: ReadonlySet<string>;
  /** key -> message (possibly empty). */
  readonly deprecated: Readonly<Record<string, string>>;
}

/** [HL1]/[HL2]: the exporter's labels as shown, and its deprecated_labels. */
export function exporterLabelView(
  labels: Readonly<Record<string, string>>,
  policy: LabelPolicy,
  showHidden: boolean,
): { labels: Record<string, string>; deprecated: Record<string, string> } {
  const shown: Record<string, string> = {};
  const deprecated: Record<string, string> = {};
  for (const [key, value] of Object.entries(labels)) {
    const isDeprecated = Object.hasOwn(policy.deprecated, key);
    if (isDeprecated) deprecated[key] = policy.deprecated[key] ?? "";
    if (showHidden || (!isDeprecated && !policy.hiddenKeys.has(key))) shown[key] = value;
  }
  return { labels: shown, deprecated };
}

/** [HL3]: every term of a lease's selector whose key is deprecated. */
export function leaseDeprecatedLabels(selector: Selector, policy: LabelPolicy): Record<string, string> {
  const deprecated: Record<string, string> = {};
  for (const r of selector.requirements) {
    if (Object.hasOwn(policy.deprecated, r.key)) deprecated[r.key] = policy.deprecated[r.key] ?? "";
  }
  return deprecated;
}
