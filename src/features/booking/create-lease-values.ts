// The create form's values, their checks (in the controller's words where it
// has words: lease selectors [F4], tags [TG1], times [TM1]), and the
// CreateLeaseRequest they make, in whole seconds ([O2]). Pure: the form
// shows these messages under each field and sends only a request the
// controller accepts.
import { create } from "@bufbuild/protobuf";
import { HOUR_MS, MINUTE_MS, DAY_MS, msToDuration, msToTimestamp, parseDuration } from "@/domain/durations";
import { DEFAULT_MAX_TAGS, validateLeaseTags } from "@/domain/lease-fields";
import { wholeSecondsDuration } from "@/domain/lease-updates";
import { reconcileLeaseTimes, wholeSecondMs } from "@/domain/lease-times";
import { parentName, validateObjectName } from "@/domain/resource-names";
import { leaseSelectorProblem, parseSelector, selectorErrorText } from "@/domain/selector";
import { CreateLeaseRequestSchema, type CreateLeaseRequest } from "@/gen/jumpstarter/client/v1/client_pb.js";
import { durationText, type CreateLeasePrefill, type TagRow } from "@/domain/create-lease-link";
import { formatLocalDateTime, parseLocalDateTime } from "@/domain/local-date-time";

/** Lease any board matching a selector, or one board by name. */
export type LeaseTarget = "selector" | "exporter";
/** How the lease's length is given: a duration, or an end time. */
export type LengthMode = "duration" | "end";
/** When it starts: as soon as a board is free, or at a chosen time. */
export type StartMode = "now" | "at";

export interface DurationPreset {
  readonly id: string;
  /** The button's words ("1 h"). */
  readonly label: string;
  readonly ms: number;
}

export const DURATION_PRESETS: readonly DurationPreset[] = [
  { id: "30m", label: "30 min", ms: 30 * MINUTE_MS },
  { id: "1h", label: "1 h", ms: HOUR_MS },
  { id: "2h", label: "2 h", ms: 2 * HOUR_MS },
  { id: "4h", label: "4 h", ms: 4 * HOUR_MS },
  { id: "8h", label: "8 h", ms: 8 * HOUR_MS },
  { id: "1d", label: "1 day", ms: DAY_MS },
];

/** The duration choice that reads the custom text field instead of a preset. */
export const CUSTOM_DURATION = "custom";

export interface CreateLeaseValues {
  readonly target: LeaseTarget;
  readonly selector: string;
  /** The exporter's bare name (rcar-s4-01). */
  readonly exporterName: string;
  readonly lengthMode: LengthMode;
  /** A preset id, or CUSTOM_DURATION. */
  readonly durationChoice: string;
  readonly customDuration: string;
  readonly startMode: StartMode;
  /** datetime-local text, in the user's zone. */
  readonly startAt: string;
  readonly endAt: string;
  readonly tags: readonly TagRow[];
}

export type CreateLeaseField = "selector" | "exporterName" | "duration" | "startAt" | "endAt" | "tags";
export type FieldErrors = Partial<Record<CreateLeaseField, string>>;

/** A start a little in the past (the minute being typed) still counts as now. */
const PAST_TOLERANCE_MS = MINUTE_MS;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function nextWholeHour(ms: number): number {
  return Math.ceil((ms + 1) / HOUR_MS) * HOUR_MS;
}

function durationChoiceFor(ms: number): Pick<CreateLeaseValues, "durationChoice" | "customDuration"> {
  const preset = DURATION_PRESETS.find((p) => p.ms === ms);
  return preset === undefined ? { durationChoice: CUSTOM_DURATION, customDuration: durationText(ms) } : { durationChoice: preset.id, customDuration: "" };
}

/**
 * The form's first values: `?exporter=` chooses "by exporter name", else a
 * `?selector=` is prefilled; its length (a preset, or typed), start and end
 * and tags when the link carries them; otherwise one hour, starting now. The
 * chosen-time fields start on the next whole hour, two hours long, so
 * switching to them shows something sensible.
 */
export function initialCreateLeaseValues(prefill: CreateLeasePrefill, nowMs: number): CreateLeaseValues {
  const exporter = prefill.exporter?.trim() ?? "";
  const begin = prefill.beginMs !== undefined && prefill.beginMs > nowMs ? prefill.beginMs : undefined;
  const start = begin ?? nextWholeHour(nowMs);
  const end = prefill.endMs !== undefined && prefill.endMs > (begin ?? nowMs) ? prefill.endMs : undefined;
  return {
    target: exporter !== "" ? "exporter" : "selector",
    selector: prefill.selector ?? "",
    exporterName: exporter,
    lengthMode: end === undefined ? "duration" : "end",
    ...(prefill.durationMs !== undefined && prefill.durationMs > 0 ? durationChoiceFor(prefill.durationMs) : { durationChoice: "1h", customDuration: "" }),
    startMode: begin === undefined ? "now" : "at",
    startAt: formatLocalDateTime(start),
    endAt: formatLocalDateTime(end ?? start + 2 * HOUR_MS),
    tags: [...(prefill.tags ?? [])],
  };
}

export type TagsResult = { readonly ok: true; readonly tags: Record<string, string> } | { readonly ok: false; readonly message: string };

/**
 * The tag rows as the request's map; rows left wholly blank are ignored.
 * `maxTags` is the controller's `leasePolicy.maxTags` ([TG3]), which the
 * portal cannot read: the default unless told otherwise.
 */
export function tagsFromRows(rows: readonly TagRow[], maxTags: number = DEFAULT_MAX_TAGS): TagsResult {
  const tags: Record<string, string> = {};
  for (const [i, row] of rows.entries()) {
    const key = row.key.trim();
    const value = row.value.trim();
    if (key === "" && value === "") continue;
    if (key === "") return { ok: false, message: `Tag ${i + 1} has a value but no key` };
    if (Object.hasOwn(tags, key)) return { ok: false, message: `Tag "${key}" is given twice` };
    tags[key] = value;
  }
  const problem = validateLeaseTags(tags, maxTags);
  return problem === undefined ? { ok: true, tags } : { ok: false, message: capitalise(problem) };
}

// What to write instead, after the controller's refusal of a lease selector [F4].
const SELECTOR_ADVICE: readonly (readonly [RegExp, string])[] = [
  [/operator: ==$/, "A lease selector takes = for equality."],
  [/operator: (gt|lt)$/, "A lease selector cannot compare numbers: > and < work in filters only."],
  [/multiple equality requirements/, "For either value, write key in (a,b)."],
];

/** The controller's refusal of a lease selector that parses, in its words plus what to write instead. */
export function leaseSelectorRefusal(text: string): string | undefined {
  const parsed = parseSelector(text);
  if (!parsed.ok) return undefined;
  const problem = leaseSelectorProblem(parsed.selector);
  if (problem === undefined) return undefined;
  const advice = SELECTOR_ADVICE.find(([pattern]) => pattern.test(problem))?.[1];
  return advice === undefined ? capitalise(problem) : `${capitalise(problem)}. ${advice}`;
}

/** The duration the form asks for, or why it cannot be read. */
export function chosenDuration(values: CreateLeaseValues): { ok: true; ms: number } | { ok: false; message: string } {
  if (values.durationChoice !== CUSTOM_DURATION) {
    const preset = DURATION_PRESETS.find((p) => p.id === values.durationChoice);
    if (preset !== undefined) return { ok: true, ms: preset.ms };
  }
  const parsed = parseDuration(values.customDuration);
  // Whole seconds, as every time the portal sends ([U13]); "0.2s" becomes 0s and is refused as such.
  return parsed.ok ? { ok: true, ms: wholeSecondsDuration(parsed.ms) } : { ok: false, message: capitalise(parsed.message) };
}

export type CreateLeaseBuild =
  | {
      readonly ok: true;
      readonly request: CreateLeaseRequest;
      /** What the request asks for, to summarise it next to the button. */
      readonly durationMs: number;
      readonly beginMs: number | undefined;
      readonly endMs: number | undefined;
    }
  | { readonly ok: false; readonly errors: FieldErrors };

export interface BuildContext {
  readonly namespace: string;
  /** Chosen once per form, so a retried submit cannot make a second lease. */
  readonly leaseId: string;
  readonly nowMs: number;
}

function checkTarget(values: CreateLeaseValues, errors: FieldErrors): void {
  if (values.target === "selector") {
    const text = values.selector.trim();
    if (text === "") {
      errors.selector = "Enter a label selector, or pick a label and a value";
      return;
    }
    const parsed = parseSelector(text);
    const problem = parsed.ok ? leaseSelectorRefusal(text) : capitalise(selectorErrorText(parsed.error));
    if (problem !== undefined) errors.selector = problem;
    return;
  }
  const name = values.exporterName.trim();
  if (name === "") {
    errors.exporterName = "Choose an exporter";
    return;
  }
  const problem = validateObjectName(name, "exporter name");
  if (problem !== undefined) errors.exporterName = capitalise(problem);
}

/**
 * The CreateLeaseRequest for the form, or the problem of each field.
 * Times: start now + duration sends only the duration; a chosen start sends
 * begin_time too; an end time sends begin_time (now, or the chosen start) and
 * end_time, from which the controller derives the duration.
 */
export function buildCreateLeaseRequest(values: CreateLeaseValues, ctx: BuildContext): CreateLeaseBuild {
  const errors: FieldErrors = {};
  checkTarget(values, errors);

  let beginMs: number | undefined;
  if (values.startMode === "at") {
    beginMs = parseLocalDateTime(values.startAt);
    if (beginMs === undefined) errors.startAt = "Enter the date and time the lease starts";
    else if (beginMs < ctx.nowMs - PAST_TOLERANCE_MS) errors.startAt = "That time has passed: choose a later start, or start now";
  }

  let durationMs: number | undefined;
  let endMs: number | undefined;
  if (values.lengthMode === "duration") {
    const d = chosenDuration(values);
    if (d.ok) durationMs = d.ms;
    else errors.duration = d.message;
  } else {
    endMs = parseLocalDateTime(values.endAt);
    const start = beginMs ?? ctx.nowMs;
    if (endMs === undefined) errors.endAt = "Enter the date and time the lease ends";
    else if (endMs <= ctx.nowMs) errors.endAt = "That time has passed: choose a later end";
    else if (endMs <= start) errors.endAt = "The end must be after the start";
    // Start now with an end time: begin = now, so the controller can derive the duration;
    // in whole seconds, as the controller stores it ([O2]).
    if (values.startMode === "now") beginMs = wholeSecondMs(ctx.nowMs);
  }

  const tags = tagsFromRows(values.tags);
  if (!tags.ok) errors.tags = tags.message;

  if (errors.duration === undefined && errors.endAt === undefined && errors.startAt === undefined) {
    const times = reconcileLeaseTimes({ durationMs, beginMs, endMs });
    if (!times.ok) {
      if (values.lengthMode === "end") errors.endAt = capitalise(times.message);
      else errors.duration = capitalise(times.message);
    }
  }
  if (Object.keys(errors).length > 0 || !tags.ok) return { ok: false, errors };

  const request = create(CreateLeaseRequestSchema, {
    parent: parentName(ctx.namespace),
    leaseId: ctx.leaseId,
    lease: {
      selector: values.target === "selector" ? values.selector.trim() : "",
      ...(values.target === "exporter" ? { exporterName: values.exporterName.trim() } : {}),
      ...(durationMs !== undefined ? { duration: msToDuration(durationMs) } : {}),
      ...(beginMs !== undefined ? { beginTime: msToTimestamp(beginMs) } : {}),
      ...(endMs !== undefined ? { endTime: msToTimestamp(endMs) } : {}),
      tags: tags.tags,
    },
  });
  const total = durationMs ?? (endMs ?? 0) - (beginMs ?? ctx.nowMs);
  return { ok: true, request, durationMs: total, beginMs: values.startMode === "at" ? beginMs : undefined, endMs };
}
