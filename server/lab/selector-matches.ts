// Which exporters a lease selector matches, worked out once per selector
// rather than at every pass over every waiting lease. What a selector matches
// depends only on the exporters' labels ([O7]: the administrator's labels and
// the registration name), which change far less often than their state; the
// store counts those changes (labelsVersion), and the answers are dropped when
// the count moves.
import { matchesSelector, type Selector } from "../../src/domain/selector.js";
import { exporterLabels } from "./exporter-status.js";
import type { ExporterRecord } from "./records.js";

export interface LabelledExporters {
  exporters(): readonly ExporterRecord[];
  exporter(name: string): ExporterRecord | undefined;
  /** Moves whenever an exporter comes, goes, or its labels change. */
  labelsVersion(): number;
}

/** Distinct selectors kept at once; a lab's leases use few, and clients cannot grow this without bound. */
const MAX_SELECTORS = 1_024;

interface Matches {
  readonly names: readonly string[];
  readonly set: ReadonlySet<string>;
}

export class SelectorMatches {
  private version = Number.NaN;
  private readonly bySelector = new Map<string, Matches>();

  constructor(private readonly source: LabelledExporters) {}

  /** The exporters `selector` (whose normalised text is `key`) matches, in the store's order, as they are now. */
  exporters(key: string, selector: Selector): ExporterRecord[] {
    const found: ExporterRecord[] = [];
    for (const name of this.matches(key, selector).names) {
      const e = this.source.exporter(name);
      if (e !== undefined) found.push(e);
    }
    return found;
  }

  /** Does `selector` match the exporter named `name`? */
  matchesExporter(key: string, selector: Selector, name: string): boolean {
    return this.matches(key, selector).set.has(name);
  }

  private matches(key: string, selector: Selector): Matches {
    const version = this.source.labelsVersion();
    if (version !== this.version) {
      this.bySelector.clear();
      this.version = version;
    }
    let matches = this.bySelector.get(key);
    if (matches === undefined) {
      const names = this.source
        .exporters()
        .filter((e) => matchesSelector(selector, exporterLabels(e)))
        .map((e) => e.name);
      matches = { names, set: new Set(names) };
      // The oldest goes first (a Map keeps insertion order).
      if (this.bySelector.size >= MAX_SELECTORS) this.bySelector.delete(this.bySelector.keys().next().value ?? "");
      this.bySelector.set(key, matches);
    }
    return matches;
  }
}
