// An object's labels as compact `key=value` chips, the first few shown and
// the rest summarised as "+N" (named in full for screen readers and on hover).
// Each chip is its list item alone, drawn by the portal's CSS with
// PatternFly's tokens to look like a compact outline label: PatternFly's
// label is three nested elements, each declaring dozens of custom
// properties, and the exporter table mounts hundreds while scrolling
// (style recalculation was most of a scroll frame; issue 13).
import type { ReactNode } from "react";

export interface LabelChipsProps {
  readonly labels: Readonly<Record<string, string>>;
  /** How many chips to show before "+N"; all when undefined. */
  readonly max?: number;
  /** Keys to show first (the lab's most telling ones, such as board). */
  readonly priorityKeys?: readonly string[];
  /** What the list is, for screen readers ("Labels of rcar-s4-01"). */
  readonly ariaLabel?: string;
  /** Shorten long chips (the full text shows on hover); off where there is room. */
  readonly isTruncated?: boolean;
  /** A chip shown before the labels, never cut off (a warning about them). */
  readonly leading?: ReactNode;
}

function orderedEntries(labels: Readonly<Record<string, string>>, priorityKeys: readonly string[]): [string, string][] {
  const rank = (k: string): number => {
    const i = priorityKeys.indexOf(k);
    return i < 0 ? priorityKeys.length : i;
  };
  return Object.entries(labels).sort(([a], [b]) => {
    const byRank = rank(a) - rank(b);
    return byRank !== 0 ? byRank : a.localeCompare(b);
  });
}

export function LabelChips({ labels, max, priorityKeys = [], ariaLabel, isTruncated = true, leading }: LabelChipsProps) {
  const entries = orderedEntries(labels, priorityKeys);
  if (entries.length === 0 && leading === undefined) return <span className="portal-muted">No labels</span>;
  const shown = max === undefined ? entries : entries.slice(0, max);
  const hidden = entries.slice(shown.length);
  const hiddenText = hidden.map(([k, v]) => `${k}=${v}`).join(", ");
  return (
    <ul className="portal-chips" aria-label={ariaLabel}>
      {leading !== undefined && <li>{leading}</li>}
      {shown.map(([k, v]) => (
        <li key={k} className={isTruncated ? "portal-chip portal-chip--truncated" : "portal-chip"} title={`${k}=${v}`}>
          {`${k}=${v}`}
        </li>
      ))}
      {hidden.length > 0 && (
        <li className="portal-chip" title={hiddenText}>
          {`+${hidden.length}`}
          <span className="pf-v6-screen-reader">{` more: ${hiddenText}`}</span>
        </li>
      )}
    </ul>
  );
}
