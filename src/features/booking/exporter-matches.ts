// What the create form shows about the lab: its label keys and values (to
// build a selector from), and how many exporters a selector matches and how
// many of those are free now. Pure.
import { exporterState } from "@/components/exporter-status";
import { holdsExporter } from "@/domain/lease-status";
import { formatRequirement, matchesSelector, parseSelector, type Requirement, type Selector } from "@/domain/selector";
import { shortName } from "@/domain/resource-names";
import type { Exporter, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";

/** Every label key the lab's exporters use, each with its values, both sorted. */
export function labelCatalog(exporters: readonly Exporter[]): ReadonlyMap<string, readonly string[]> {
  const byKey = new Map<string, Set<string>>();
  for (const e of exporters) {
    for (const [k, v] of Object.entries(e.labels)) {
      let values = byKey.get(k);
      if (values === undefined) byKey.set(k, (values = new Set()));
      values.add(v);
    }
  }
  const sorted = new Map<string, readonly string[]>();
  for (const k of [...byKey.keys()].sort()) {
    sorted.set(k, [...(byKey.get(k) ?? [])].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
  }
  return sorted;
}

/** Resource names of the exporters an active lease holds now ([S6]). */
export function heldExporters(activeLeases: readonly Lease[]): ReadonlySet<string> {
  const held = new Set<string>();
  for (const l of activeLeases) {
    if (holdsExporter(l)) held.add(l.exporter ?? "");
  }
  return held;
}

/** Free now: reports itself available (online, enabled, no hook running) and no active lease holds it. */
export function isFree(exporter: Exporter, held: ReadonlySet<string>): boolean {
  return exporterState(exporter).kind === "available" && !held.has(exporter.name);
}

export interface MatchCount {
  readonly matching: number;
  readonly free: number;
}

/** How many exporters `selector` matches, and how many of those are free now. */
export function countMatches(exporters: readonly Exporter[], held: ReadonlySet<string>, selector: Selector): MatchCount {
  let matching = 0;
  let free = 0;
  for (const e of exporters) {
    if (!matchesSelector(selector, e.labels)) continue;
    matching += 1;
    if (isFree(e, held)) free += 1;
  }
  return { matching, free };
}

/**
 * The selector text with `key=value` added, replacing any term on the same
 * key (picking a value for a key means that value). Text that does not parse
 * is kept as typed, with the term appended, so nothing typed is lost.
 */
export function withRequirement(text: string, key: string, value: string): string {
  const term: Requirement = { key, operator: "=", values: [value] };
  const parsed = parseSelector(text);
  if (!parsed.ok) {
    const trimmed = text.trim().replace(/,+$/, "");
    return trimmed === "" ? formatRequirement(term) : `${trimmed},${formatRequirement(term)}`;
  }
  const kept = parsed.selector.requirements.filter((r) => r.key !== key);
  return [...kept, term].map(formatRequirement).join(",");
}

export interface ExporterNote {
  readonly variant: "default" | "warning" | "success";
  readonly text: string;
}

/**
 * What the state of the exporter chosen by name means for a lease on it. For
 * a lease starting later (`scheduled`), its state now matters less: only a
 * disabled or unknown board is sure to fail.
 */
export function chosenExporterNote(exporters: readonly Exporter[], name: string, held: ReadonlySet<string>, scheduled = false): ExporterNote | undefined {
  if (name === "") return undefined;
  const e = exporters.find((x) => shortName(x.name) === name);
  if (e === undefined) return { variant: "warning", text: `No exporter named ${name} is listed: the controller would end the lease at once as Unsatisfiable.` };
  const kind = exporterState(e).kind;
  if (scheduled && kind !== "disabled") {
    return { variant: "default", text: `${name} is ${exporterState(e).text.toLowerCase()} now. At the start time your lease gets it if it is free, or waits (Pending) until it is.` };
  }
  switch (kind) {
    case "disabled":
      return { variant: "warning", text: `${name} is disabled by an administrator: the lease would end at once as Unsatisfiable.` };
    case "offline":
      return { variant: "warning", text: `${name} is offline: the lease will wait (Pending) until it is back.` };
    case "leased":
      return { variant: "warning", text: `${name} is leased now: the lease will wait (Pending) until it is free.` };
    case "hook-failed":
      return { variant: "warning", text: `${name} reports a failed hook: the lease may not become Ready.` };
    case "hook-running":
      return { variant: "default", text: `${name} is running a hook: the lease may wait a moment.` };
    case "unknown":
    case "available":
      if (held.has(e.name)) return { variant: "warning", text: `${name} is leased now: the lease will wait (Pending) until it is free.` };
      return kind === "available" ? { variant: "success", text: `${name} is free now.` } : { variant: "default", text: `${name} reports no status.` };
  }
}
