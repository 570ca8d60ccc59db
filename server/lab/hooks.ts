// How long an exporter's lease hooks run and whether they fail. The engine asks
// a policy; the plain lab follows the scenario, the simulation adds chance.
import type { ExporterRecord } from "./records.js";
import { DEFAULT_HOOK_FAILURE } from "./scenario.js";

export type HookKind = "before" | "after";

export interface HookRun {
  readonly durationMs: number;
  /** The failure message the hook ends with; undefined when it succeeds. */
  readonly failure: string | undefined;
}

export interface HookPolicy {
  run(exporter: ExporterRecord, kind: HookKind): HookRun;
  /** How long until someone fixes a board whose hook failed; undefined: it stays failed. */
  recoveryDelayMs(exporter: ExporterRecord): number | undefined;
}

/** Exactly what the scenario says: fixed durations, configured failures, no repairs. */
export const scenarioHooks: HookPolicy = {
  run(exporter, kind) {
    const { hooks } = exporter;
    return {
      durationMs: kind === "before" ? hooks.beforeMs : hooks.afterMs,
      failure: hooks.fail === kind ? hooks.failMessage || DEFAULT_HOOK_FAILURE : undefined,
    };
  },
  recoveryDelayMs: () => undefined,
};
