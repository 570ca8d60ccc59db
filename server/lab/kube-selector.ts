// Kubernetes metav1.LabelSelector (matchLabels + matchExpressions), as access
// policies use it for exporters and clients [AP2]. An empty selector matches
// everything.
import type { KubeLabelSelector } from "./records.js";

export const MATCH_EVERYTHING: KubeLabelSelector = { matchLabels: {}, matchExpressions: [] };

export function matchesKubeSelector(selector: KubeLabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  for (const e of selector.matchExpressions) {
    const has = Object.hasOwn(labels, e.key);
    const value = has ? labels[e.key] : undefined;
    switch (e.operator) {
      case "In":
        if (value === undefined || !e.values.includes(value)) return false;
        break;
      case "NotIn":
        if (value !== undefined && e.values.includes(value)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
    }
  }
  return true;
}
