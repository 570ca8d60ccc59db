// Deprecated labels ([HL2]-[HL5]): the controller reports, for an exporter,
// each of its labels whose key an administrator marked deprecated, and for a
// lease each selector term on such a key, with the administrator's message
// (which may be empty). Worded the way `jmp` prints them ([HL5]), so the
// portal and the command line read alike.

export interface DeprecatedLabel {
  readonly key: string;
  /** The administrator's message; empty when none was configured. */
  readonly message: string;
  /** The sentence to show ("Label 'board' on exporter 'rpi5-01' is deprecated: use hw"). */
  readonly text: string;
}

const tail = (message: string): string => (message.trim() === "" ? "" : `: ${message.trim()}`);

function collect(deprecated: Readonly<Record<string, string>>, sentence: (key: string, message: string) => string): DeprecatedLabel[] {
  return Object.keys(deprecated)
    .sort()
    .map((key) => {
      const message = deprecated[key] ?? "";
      return { key, message, text: sentence(key, message) };
    });
}

/** [HL2]/[HL5] `label '<key>' on exporter '<name>' is deprecated[: <message>]`, `name` bare. */
export function exporterDeprecations(exporterName: string, deprecated: Readonly<Record<string, string>>): DeprecatedLabel[] {
  return collect(deprecated, (key, message) => `Label '${key}' on exporter '${exporterName}' is deprecated${tail(message)}`);
}

/** [HL3]/[HL5] `selector label '<key>' on lease '<name>' is deprecated[: <message>]`, `name` bare. */
export function leaseDeprecations(leaseName: string, deprecated: Readonly<Record<string, string>>): DeprecatedLabel[] {
  return collect(deprecated, (key, message) => `Selector label '${key}' on lease '${leaseName}' is deprecated${tail(message)}`);
}

/** [HL4]/[HL5] What CreateLease reports: `selector label '<key>' is deprecated[: <message>]`. */
export function createDeprecations(deprecated: Readonly<Record<string, string>>): DeprecatedLabel[] {
  return collect(deprecated, (key, message) => `Selector label '${key}' is deprecated${tail(message)}`);
}
