// What to tell the user about a lease the controller just made: selector
// labels it reports deprecated ([HL4]: CreateLease fills deprecated_labels),
// and request fields an older controller dropped without a word ([V1]: 0.8
// and older drop tags and allow_disabled, 0.9 and older drop context, 0.7
// drops begin_time, end_time and exporter_name). Detected by the fields'
// presence in the returned lease, never by probing ([V5]). Pure.
import { createDeprecations, type DeprecatedLabel } from "@/domain/deprecated-labels";
import type { CreateLeaseRequest, Lease } from "@/gen/jumpstarter/client/v1/client_pb.js";

export interface CreatedLeaseNotes {
  readonly deprecated: readonly DeprecatedLabel[];
  /** What the request asked for that the returned lease lacks, in words ("its tags (team=bsp)"). */
  readonly dropped: readonly string[];
}

const nonEmpty = (s: string | undefined): boolean => s !== undefined && s !== "";

function missingEntries(asked: Readonly<Record<string, string>>, kept: Readonly<Record<string, string>>): string[] {
  return Object.entries(asked)
    .filter(([k, v]) => kept[k] !== v)
    .map(([k, v]) => `${k}=${v}`);
}

/** The notes for `returned`, the answer to `request` (or the lease read back after a retried create). */
export function createdLeaseNotes(request: CreateLeaseRequest, returned: Lease): CreatedLeaseNotes {
  const asked = request.lease;
  const dropped: string[] = [];
  if (asked !== undefined) {
    const tags = missingEntries(asked.tags, returned.tags);
    if (tags.length > 0) dropped.push(`its tags (${tags.join(", ")})`);
    if (asked.beginTime !== undefined && returned.beginTime === undefined) dropped.push("its begin time");
    if (asked.endTime !== undefined && returned.endTime === undefined) dropped.push("its end time");
    if (nonEmpty(asked.exporterName) && !nonEmpty(returned.exporterName)) dropped.push(`the board it names (${asked.exporterName ?? ""})`);
    if (missingEntries(asked.context, returned.context).length > 0) dropped.push("its context");
    if (asked.allowDisabled && !returned.allowDisabled) dropped.push("allow disabled boards");
  }
  return { deprecated: createDeprecations(returned.deprecatedLabels), dropped };
}

/** One sentence about the dropped fields, or undefined when the controller kept everything. */
export function droppedFieldsSentence(dropped: readonly string[]): string | undefined {
  if (dropped.length === 0) return undefined;
  const list = dropped.length === 1 ? (dropped[0] ?? "") : `${dropped.slice(0, -1).join(", ")} and ${dropped[dropped.length - 1] ?? ""}`;
  return `The controller did not keep ${list}: it is an older version that drops what it does not know without saying so. The lease was made without them.`;
}
